import Foundation

/// Writes files so that a reader, or a crash, never sees half of one: the bytes go to a temporary
/// sibling first, which is then renamed over the target (rename is atomic within a file system).
public enum AtomicFile {
    /// `permissions` (e.g. `0o600` for a private key) are set when the temporary file is created, so
    /// the bytes are never readable by others, not even for an instant; nil keeps the umask default.
    public static func write(_ data: Data, to path: String, permissions: mode_t? = nil) throws(ConfigurationError) {
        do {
            try stream(to: path, permissions: permissions) { write in try write([UInt8](data)) }
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError("cannot write \(path): \(error.localizedDescription)")
        }
    }

    public static func write(_ text: String, to path: String) throws(ConfigurationError) {
        try write(Data(text.utf8), to: path)
    }

    /// Writes the file from the chunks `body` hands to its `write` closure, so a large output is
    /// never held whole; the target appears, complete, only when `body` returns. When `body` (or a
    /// write) throws, the temporary file is removed and the error passed on.
    /// - Parameter permissions: as for `write`; nil is `0o666` less the umask.
    public static func stream(
        to path: String, permissions: mode_t? = nil, _ body: (_ write: ([UInt8]) throws -> Void) throws -> Void
    ) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(
            ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString).tmp"
        )
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw ConfigurationError("cannot create \(directory.path): \(error.localizedDescription)")
        }
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions ?? 0o666)
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
}
