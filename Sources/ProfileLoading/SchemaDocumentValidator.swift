import LocatedDocument
import ProfileModel
import SchemaValidation

/// Validates arbitrary JSON or YAML documents against any schema (`validate --schema FILE`), so the
/// validator is usable on its own.
public struct SchemaDocumentValidator: Sendable {
    public var schema: JSONSchema
    public var reader: DocumentFileReader

    public init(schema: JSONSchema, limits: DocumentLimits = .default) {
        self.schema = schema
        self.reader = DocumentFileReader(limits: limits)
    }

    public func validate(_ files: [DiscoveredFile]) -> [FileCheckResult] {
        files.parallelMap { file in
            switch reader.read(file) {
            case .failure(let diagnostic):
                return FileCheckResult(file: file.displayPath, profile: nil, diagnostics: [diagnostic])
            case .success(let document):
                let diagnostics = Self.diagnostics(for: document, schema: schema, file: file.displayPath)
                return FileCheckResult(file: file.displayPath, profile: nil, diagnostics: diagnostics)
            }
        }
    }

    static func diagnostics(for document: DocumentNode, schema: JSONSchema, file: String) -> [Diagnostic] {
        schema.validate(document).map { violation in
            Diagnostic(file: file, location: violation.location, pointer: violation.pointer, code: violation.keyword,
                       message: violation.message)
        }
    }
}
