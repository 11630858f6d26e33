import LocatedDocument
import SchemaValidation
import Testing

func document(_ text: String) throws -> DocumentNode {
    try JSONReader.read(Array(text.utf8))
}

func compile(_ schemaText: String, formatAssertion: Bool = false) throws -> JSONSchema {
    try JSONSchema(try document(schemaText), options: SchemaOptions(formatAssertion: formatAssertion))
}

/// Validates `instanceText` against `schemaText` and checks that the fast path agrees.
func violations(_ schemaText: String, _ instanceText: String, formatAssertion: Bool = false) throws -> [SchemaViolation] {
    let schema = try compile(schemaText, formatAssertion: formatAssertion)
    let instance = try document(instanceText)
    let found = schema.validate(instance)
    #expect(schema.isValid(instance) == found.isEmpty, "fast path and reporting path disagree")
    return found
}

/// The schema error raised by compiling `schemaText`, if any.
func schemaError(_ schemaText: String) throws -> SchemaError? {
    let node = try document(schemaText)
    do {
        _ = try JSONSchema(node)
        return nil
    } catch {
        return error
    }
}

/// A violation reduced to what the tests compare: pointer, line, column, keyword, message.
struct Reported: Equatable, CustomStringConvertible {
    var pointer: String
    var line: Int
    var column: Int
    var keyword: String
    var message: String

    init(_ pointer: String, _ line: Int, _ column: Int, _ keyword: String, _ message: String) {
        self.pointer = pointer
        self.line = line
        self.column = column
        self.keyword = keyword
        self.message = message
    }

    init(_ violation: SchemaViolation) {
        self.init(violation.pointer.description, violation.location.line, violation.location.column, violation.keyword, violation.message)
    }

    var description: String { "\(pointer) \(line):\(column) [\(keyword)] \(message)" }
}

func reported(_ schemaText: String, _ instanceText: String, formatAssertion: Bool = false) throws -> [Reported] {
    try violations(schemaText, instanceText, formatAssertion: formatAssertion).map(Reported.init)
}
