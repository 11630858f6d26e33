import LocatedDocument
import ProfileModel

/// A problem in a rubric data file (lexicon, domain pack, panel), with its position. The rubric
/// loader turns these into configuration errors (exit 2).
public struct RubricDataError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var location: SourceLocation
    public var message: String

    public init(file: String, location: SourceLocation, message: String) {
        self.file = file
        self.location = location
        self.message = message
    }

    public var description: String { "\(file):\(location.line):\(location.column): \(message)" }
}

/// Typed reads from a schema-checked rubric document that fail with a located error.
struct RubricReader {
    let file: String

    func error(_ node: DocumentNode, _ message: String) -> RubricDataError {
        RubricDataError(file: file, location: node.location, message: message)
    }

    func string(_ node: DocumentNode, _ key: String) throws(RubricDataError) -> String {
        guard let text = node[key]?.stringValue else { throw error(node, "expected a string \"\(key)\"") }
        return text
    }

    func optionalString(_ node: DocumentNode, _ key: String) -> String? {
        node[key]?.stringValue
    }

    func array(_ node: DocumentNode, _ key: String) throws(RubricDataError) -> [DocumentNode] {
        guard let items = node[key]?.arrayValue else { throw error(node, "expected a list \"\(key)\"") }
        return items
    }

    func optionalArray(_ node: DocumentNode, _ key: String) -> [DocumentNode] {
        node[key]?.arrayValue ?? []
    }

    func strings(_ node: DocumentNode, _ key: String, required: Bool = true) throws(RubricDataError) -> [String] {
        let items = required ? try array(node, key) : optionalArray(node, key)
        var result: [String] = []
        for item in items {
            guard let text = item.stringValue else { throw error(item, "expected a string in \"\(key)\"") }
            result.append(text)
        }
        return result
    }

    func severity(_ node: DocumentNode, _ key: String) throws(RubricDataError) -> Severity? {
        guard let child = node[key] else { return nil }
        guard let text = child.stringValue, let severity = Severity(rawValue: text) else {
            throw error(child, "expected a severity (blocker, major, minor, info)")
        }
        return severity
    }
}
