import Foundation
import LocatedDocument
import ProfileModel
import SchemaValidation

/// The rubric files the loader needs: the profile schema and the level catalogue, read once and
/// shared by every file check. Anything wrong here is a configuration error (exit 2).
public struct RubricSet: Sendable {
    public var directory: String
    public var profileSchema: JSONSchema
    public var catalogue: LevelCatalogue

    public static let profileSchemaFile = "profile.schema.json"
    public static let levelsFile = "levels.yaml"
    public static let levelsSchemaFile = "levels.schema.json"

    public init(directory: String, profileSchema: JSONSchema, catalogue: LevelCatalogue) {
        self.directory = directory
        self.profileSchema = profileSchema
        self.catalogue = catalogue
    }

    public static func load(from directory: String, limits: DocumentLimits = .default) throws(ConfigurationError) -> RubricSet {
        guard case .directory = FileSystemPath.targetKind(of: directory) else {
            throw ConfigurationError("rubric directory not found: \(directory)",
                                     hint: "run from the repository root, or pass --rubric DIR")
        }
        let profileSchema = try loadSchema(directory + "/" + profileSchemaFile, limits: limits)
        let levelsSchema = try loadSchema(directory + "/" + levelsSchemaFile, limits: limits)
        let levelsPath = directory + "/" + levelsFile
        let levels = try loadDocument(levelsPath, limits: limits)
        if let violation = levelsSchema.validate(levels).first {
            throw ConfigurationError(violation.message, file: levelsPath, location: violation.location,
                                     hint: "fix the level catalogue (\(violation.pointer.description))")
        }
        switch LevelCatalogueDecoder.decode(levels, file: levelsPath) {
        case .success(let catalogue):
            return RubricSet(directory: directory, profileSchema: profileSchema, catalogue: catalogue)
        case .failure(let failure):
            let first = failure.diagnostics[0]
            throw ConfigurationError(first.message, file: levelsPath, location: first.location, hint: first.hint)
        }
    }

    /// Reads and compiles a JSON Schema file (JSON or YAML); format keywords assert.
    public static func loadSchema(_ path: String, limits: DocumentLimits = .default) throws(ConfigurationError) -> JSONSchema {
        let document = try loadDocument(path, limits: limits)
        do {
            return try JSONSchema(document, options: SchemaOptions(formatAssertion: true))
        } catch {
            throw ConfigurationError("invalid schema: \(error.message)", file: path, location: error.location,
                                     hint: error.schemaPointer.tokens.isEmpty ? nil : "at schema pointer \(error.schemaPointer)")
        }
    }

    public static func loadDocument(_ path: String, limits: DocumentLimits = .default) throws(ConfigurationError) -> DocumentNode {
        guard case .file = FileSystemPath.targetKind(of: path) else {
            throw ConfigurationError("file not found: \(path)")
        }
        let file = DiscoveredFile(displayPath: path, resolvedPath: path)
        switch DocumentFileReader(limits: limits).read(file) {
        case .success(let document):
            return document
        case .failure(let diagnostic):
            throw ConfigurationError(diagnostic.message, file: path, location: diagnostic.location, hint: diagnostic.hint)
        }
    }
}
