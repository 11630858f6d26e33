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
}
