import Foundation
import LocatedDocument
import ProfileLoading
import SchemaValidation

/// `.review-profile.yml` at the repository root: where the profiles, rubric and reports live, and the
/// defaults of `check`. Optional; every setting has a flag that overrides it. The file is read with
/// the project's own YAML reader and validated against `ProjectConfigurationSchema`, so an unknown or
/// misspelt key is a configuration error pointing at `file:line:column`.
public struct ProjectConfiguration: Sendable, Equatable {
    public static let fileName = ".review-profile.yml"

    /// The file it was read from; nil for the defaults (no file).
    public var file: String?
    /// The directory relative paths are resolved against (the file's directory).
    public var root: String
    public var profilesDirectory: String?
    public var rubricDirectory: String?
    public var reportsDirectory: String?
    public var check = CheckDefaults()

    /// The defaults of `review-profile check`, paths already absolute.
    public struct CheckDefaults: Sendable, Equatable {
        public var base: String?
        public var includeWorkingTree: Bool?
        public var json: String?
        public var sarif: String?
        public var junit: String?
        public var markdown: String?

        public init() {}
    }

    public init(root: String) {
        self.root = root
    }

    /// The nearest `.review-profile.yml` from `directory` upwards, stopping at the repository root (the
    /// first directory holding `.git`); an empty configuration rooted at `fallbackRoot` when there is none.
    public static func locate(from directory: String, fallbackRoot: String) throws(ConfigurationError) -> ProjectConfiguration {
        var candidate = (directory as NSString).standardizingPath
        while true {
            let path = candidate + "/" + fileName
            if FileManager.default.fileExists(atPath: path) { return try load(path) }
            if FileManager.default.fileExists(atPath: candidate + "/.git") || candidate == "/" || candidate.isEmpty { break }
            candidate = (candidate as NSString).deletingLastPathComponent
        }
        return ProjectConfiguration(root: fallbackRoot)
    }

    /// Reads and validates one configuration file.
    public static func load(_ path: String) throws(ConfigurationError) -> ProjectConfiguration {
        // A file of nothing but comments (a template with every setting commented out) means the defaults.
        if let text = try? String(contentsOfFile: path, encoding: .utf8),
           text.split(whereSeparator: \.isNewline).allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty || $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }) {
            return ProjectConfiguration(root: (path as NSString).deletingLastPathComponent)
        }
        let document = try RubricSet.loadDocument(path, limits: DocumentLimits(maxBytes: 64 * 1024))
        if case .null = document.value {
            return ProjectConfiguration(root: (path as NSString).deletingLastPathComponent)
        }
        if let violation = schema.validate(document).first {
            throw ConfigurationError(violation.message, file: path, location: violation.location,
                                     hint: "see `review-profile check --print-config-schema` for the keys")
        }
        let root = (path as NSString).deletingLastPathComponent
        var configuration = ProjectConfiguration(root: root)
        configuration.file = path
        func absolute(_ node: DocumentNode?) -> String? {
            guard let text = node?.stringValue else { return nil }
            return text.hasPrefix("/") ? text : ((root + "/" + text) as NSString).standardizingPath
        }
        configuration.profilesDirectory = absolute(document["profiles_dir"])
        configuration.rubricDirectory = absolute(document["rubric_dir"])
        configuration.reportsDirectory = absolute(document["reports_dir"])
        if let check = document["check"] {
            configuration.check.base = check["base"]?.stringValue
            configuration.check.includeWorkingTree = check["working_tree"]?.boolValue
            configuration.check.json = absolute(check["json"])
            configuration.check.sarif = absolute(check["sarif"])
            configuration.check.junit = absolute(check["junit"])
            configuration.check.markdown = absolute(check["markdown"])
        }
        return configuration
    }

    /// The project layout: the configuration's root with the configured directories applied.
    public var layout: ProjectLayout {
        var layout = ProjectLayout(root: root)
        layout.profilesDirectory = profilesDirectory ?? layout.profilesDirectory
        layout.rubricDirectory = rubricDirectory ?? layout.rubricDirectory
        layout.reportsDirectory = reportsDirectory ?? layout.reportsDirectory
        return layout
    }

    /// The layout every subcommand uses: `ProjectLayout.discover()` (the directory holding
    /// `Rubrics/profile.schema.json`), overridden by `.review-profile.yml` when there is one, in which
    /// case its directory is the root.
    public static func projectLayout(from directory: String = FileManager.default.currentDirectoryPath)
        throws(ConfigurationError) -> (layout: ProjectLayout, configuration: ProjectConfiguration) {
        let discovered = ProjectLayout.discover(from: directory)
        let configuration = try locate(from: directory, fallbackRoot: discovered.root)
        return (configuration.file == nil ? discovered : configuration.layout, configuration)
    }

    /// The compiled schema (the text is a constant of this target, so failing to compile it is a bug).
    static let schema: JSONSchema = {
        do {
            let document = try JSONReader.read(Array(ProjectConfigurationSchema.text.utf8))
            return try JSONSchema(document)
        } catch {
            fatalError("ProjectConfigurationSchema does not compile: \(error)")
        }
    }()
}
