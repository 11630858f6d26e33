import LocatedDocument
import ProfileModel
import SchemaValidation

/// The loader stage: read → parse → schema-validate → decode → consistency-check, for every file,
/// in parallel on all cores, results in the order of the input. One bad file never stops the others.
public struct ProfileLoader: Sendable {
    public var rubric: RubricSet
    public var reader: DocumentFileReader

    public init(rubric: RubricSet, limits: DocumentLimits = .default) {
        self.rubric = rubric
        self.reader = DocumentFileReader(limits: limits)
    }

    /// - Parameter keepingProfiles: false drops each typed profile as soon as its file is checked
    ///   (`validate` needs only the diagnostics: holding 10,000 profiles cost hundreds of megabytes).
    public func load(_ files: [DiscoveredFile], keepingProfiles: Bool = true) -> [FileCheckResult] {
        files.parallelMap { file in
            var result = loadFile(file)
            if !keepingProfiles { result.profile = nil }
            return result
        }
    }

    public func loadFile(_ file: DiscoveredFile) -> FileCheckResult {
        switch reader.readBytes(file) {
        case .success(let bytes): return loadFile(file, bytes: bytes)
        case .failure(let diagnostic): return FileCheckResult(file: file.displayPath, profile: nil, diagnostics: [diagnostic])
        }
    }

    /// Loads a file whose bytes were already read (by `reader.readBytes`), so a caller can hash them first.
    public func loadFile(_ file: DiscoveredFile, bytes: [UInt8]) -> FileCheckResult {
        let document: DocumentNode
        switch reader.parse(bytes, of: file) {
        case .success(let parsed): document = parsed
        case .failure(let diagnostic): return FileCheckResult(file: file.displayPath, profile: nil, diagnostics: [diagnostic])
        }
        let violations = SchemaDocumentValidator.diagnostics(for: document, schema: rubric.profileSchema, file: file.displayPath)
        guard violations.isEmpty else {
            return FileCheckResult(file: file.displayPath, profile: nil, diagnostics: violations)
        }
        switch ProfileDecoder.decode(document, file: file.displayPath) {
        case .failure(let failure):
            return FileCheckResult(file: file.displayPath, profile: nil, diagnostics: failure.diagnostics)
        case .success(let profile):
            let problems = ProfileConsistency.check(profile, catalogue: rubric.catalogue)
            return FileCheckResult(file: file.displayPath, profile: problems.isEmpty ? profile : nil, diagnostics: problems)
        }
    }
}
