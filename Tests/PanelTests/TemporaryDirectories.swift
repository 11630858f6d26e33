import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Directories the tests create and remove when the test process exits (`atexit`), so repeated
/// `swift test` runs leave nothing behind in the temporary directory.
enum TemporaryDirectories {
    private static let registered = Mutex<[URL]?>(nil)

    /// Removes `directory` (and what it holds) when the process exits; it need not exist yet.
    static func removeAtExit(_ directory: URL) {
        registered.withLock { list in
            if list == nil {
                list = []
                atexit { TemporaryDirectories.removeAll() }
            }
            list?.append(directory)
        }
    }

    private static func removeAll() {
        let directories = registered.withLock { list in
            defer { list = [] }
            return list ?? []
        }
        for directory in directories { try? FileManager.default.removeItem(at: directory) }
    }
}
