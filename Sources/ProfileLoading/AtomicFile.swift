import Foundation

/// Writes files so that a reader, or a crash, never sees half of one: the bytes go to a temporary
/// sibling first, which is then renamed over the target (rename is atomic within a file system).
public enum AtomicFile {
    /// `permissions` (e.g. `0o600` for a private key) are set when the temporary file is created, so
    /// the bytes are never readable by others, not even for an instant; nil keeps the umask default.
    public static func write(_ data: Data, to path: String, permissions: mode_t? = nil) throws(ConfigurationError) {
        let (url, directory, temporary) = temporarySibling(of: path)
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

    /// Writes the file from the chunks `body` hands to its `write` closure, so a large output is
    /// never held whole; the target appears, complete, only when `body` returns. When `body` (or a
    /// write) throws, the temporary file is removed and the error passed on.
    public static func stream(to path: String, _ body: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
        let (url, directory, temporary) = temporarySibling(of: path)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ConfigurationError("cannot create \(temporary.path): \(String(cString: strerror(errno)))")
        }
        do {
            try body { chunk in try FileDescriptorWriter.write(chunk, to: descriptor, name: path) }
            guard close(descriptor) == 0 else { throw ConfigurationError("cannot write \(path): \(String(cString: strerror(errno)))") }
        } catch {
            close(descriptor)
            unlink(temporary.path)
            throw error
        }
        guard rename(temporary.path, url.path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary.path)
            throw ConfigurationError("cannot rename \(temporary.path) to \(path): \(message)")
        }
    }

    /// The target, its directory, and a hidden temporary file beside it unique to this process and call.
    private static func temporarySibling(of path: String) -> (target: URL, directory: URL, temporary: URL) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let name = ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString).tmp"
        return (url, directory, directory.appendingPathComponent(name))
    }

    public static func write(_ text: String, to path: String) throws(ConfigurationError) {
        try write(Data(text.utf8), to: path)
    }
}

/// Whole-buffer writes to a file descriptor: retried on interruption and short writes.
public enum FileDescriptorWriter {
    public static func write(_ bytes: [UInt8], to descriptor: Int32, name: String) throws(ConfigurationError) {
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        if let failure { throw ConfigurationError("cannot write \(name): \(String(cString: strerror(failure)))") }
    }
}
