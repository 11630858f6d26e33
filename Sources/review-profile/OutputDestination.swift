import Foundation
import ProfileLoading

/// Where a report goes: standard output, or a file written atomically (see `AtomicFile`).
struct OutputDestination {
    var path: String?

    func write(_ text: String) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        try AtomicFile.write(text, to: path)
    }

    /// Writes what `body` hands to its `write` closure as it comes: to standard output directly, or
    /// to the file through a temporary sibling renamed into place at the end (never a partial file).
    func stream(_ body: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
        guard let path else {
            try body { chunk in try FileDescriptorWriter.write(chunk, to: STDOUT_FILENO, name: "standard output") }
            return
        }
        try AtomicFile.stream(to: path, body)
    }
}
