import Foundation

/// Writes files so that a reader, or a crash, never sees half of one: the bytes go to a temporary
/// sibling first, which is then renamed over the target (rename is atomic within a file system).
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws(ConfigurationError) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: temporary)
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
