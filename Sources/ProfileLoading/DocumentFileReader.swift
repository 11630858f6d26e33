import Foundation
import LocatedDocument
import ProfileModel

/// Reads one discovered file into a located document, refusing oversized or unreadable files
/// before their bytes are loaded.
public struct DocumentFileReader: Sendable {
    public var limits: DocumentLimits

    public init(limits: DocumentLimits = .default) {
        self.limits = limits
    }

    public func read(_ file: DiscoveredFile) -> Result<DocumentNode, Diagnostic> {
        readBytes(file).flatMap { parse($0, of: file) }
    }

    /// The file's raw bytes, or why they cannot be read (a discovery problem, not a file, over the size limit).
    public func readBytes(_ file: DiscoveredFile) -> Result<[UInt8], Diagnostic> {
        if let problem = file.problem { return .failure(problem) }
        func failure(_ code: String, _ message: String, hint: String? = nil) -> Result<[UInt8], Diagnostic> {
            .failure(Diagnostic(file: file.displayPath, location: .startOfFile, code: code, message: message, hint: hint))
        }
        guard case .file(let size?) = FileSystemPath.targetKind(of: file.resolvedPath) else {
            return failure("unreadable", "file cannot be read")
        }
        guard size <= limits.maxBytes else {
            return failure("file_too_large", "file is \(size) bytes, more than the limit of \(limits.maxBytes)",
                           hint: "split the profile, or raise the limit with --max-file-size")
        }
        guard let bytes = Self.readBytes(file.resolvedPath, limit: limits.maxBytes) else {
            return failure("unreadable", "file cannot be read")
        }
        return .success(bytes)
    }

    /// Parses bytes read by `readBytes` as the file's format (a file that grew past the limit fails here).
    public func parse(_ bytes: [UInt8], of file: DiscoveredFile) -> Result<DocumentNode, Diagnostic> {
        do throws(DocumentParseError) {
            return .success(try DocumentFormat(path: file.displayPath).parse(bytes, limits: limits))
        } catch {
            return .failure(Diagnostic(
                file: file.displayPath, location: error.location, code: error.code, message: error.message, hint: error.hint
            ))
        }
    }

    /// At most `limit + 1` bytes, so a file that grew after it was measured is still caught.
    static func readBytes(_ path: String, limit: Int) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: limit + 1) else { return [] }
        return [UInt8](data)
    }
}
