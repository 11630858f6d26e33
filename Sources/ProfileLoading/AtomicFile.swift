import Foundation

/// Writes files so that a reader, or a crash, never sees half of one: the bytes go to a temporary
/// sibling first, which is then renamed over the target (rename is atomic within a file system).
public enum AtomicFile {
    /// `permissions` (e.g. `0o600` for a private key) are set when the temporary file is created, so
    /// the bytes are never readable by others, not even for an instant; nil keeps the umask default.
    public static func write(_ data: Data, to path: String, permissions: mode_t? = nil) throws(ConfigurationError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            if let permissions {
                let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, permissions)
                guard descriptor >= 0 else {
                    throw ConfigurationError("cannot create \(temporary.path): \(String(cString: strerror(errno)))")
                }
                let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
                try handle.write(contentsOf: data)
                try handle.close()
            } else {
                try data.write(to: temporary)
            }
            guard rename(temporary.path, url.path) == 0 else {
                throw ConfigurationError("cannot rename \(temporary.path) to \(path): \(String(cString: strerror(errno)))")
            }
        } catch let error as ConfigurationError {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw ConfigurationError("cannot write \(path): \(error.localizedDescription)")
        }
    }

    public static func write(_ text: String, to path: String) throws(ConfigurationError) {
        try write(Data(text.utf8), to: path)
    }
}
