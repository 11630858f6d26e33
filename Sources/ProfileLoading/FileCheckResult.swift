import ProfileModel

/// The outcome of loading one file: the profile when it loaded, and every problem found.
public struct FileCheckResult: Sendable {
    public var file: String
    /// The typed profile; nil when the file did not load or was checked against a custom schema.
    public var profile: Profile?
    /// Sorted for output; empty when the file is valid.
    public var diagnostics: [Diagnostic]

    public init(file: String, profile: Profile?, diagnostics: [Diagnostic]) {
        self.file = file
        self.profile = profile
        self.diagnostics = Diagnostic.sortedForOutput(diagnostics)
    }

    public var isValid: Bool { diagnostics.isEmpty }
}

extension [FileCheckResult] {
    public var validCount: Int { count { $0.isValid } }
    public var invalidCount: Int { count { !$0.isValid } }
}
