/// A tunable number, word or word list of a rule, declared by the rule with its default and
/// overridable per rubric in `Rubrics/panel.yaml`.
public enum ParameterValue: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case text(String)
    case list([String])

    public var description: String {
        switch self {
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .text(let text): return text
        case .list(let items): return "[" + items.joined(separator: ", ") + "]"
        }
    }

    public var kind: String {
        switch self {
        case .number: return "number"
        case .text: return "string"
        case .list: return "list of strings"
        }
    }

    public func hasSameKind(as other: ParameterValue) -> Bool { kind == other.kind }
}

/// The declaration of one parameter: its name, default and what it means.
public struct RuleParameter: Sendable {
    public var name: String
    public var defaultValue: ParameterValue
    public var description: String

    public init(_ name: String, default defaultValue: ParameterValue, _ description: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.description = description
    }
}

/// The parameter values one rule runs with: the rubric's overrides on top of the rule's defaults.
public struct RuleParameters: Sendable {
    // Names and values side by side, in declaration order (overrides of undeclared names after):
    // a rule has a handful of parameters and asks for them on every level it checks, so a scan
    // that skips names of another length beats hashing the name (measured with callgrind). Held in
    // one object: the engine hands a rule's parameters to every level it checks, and a copy then
    // retains one reference instead of three.
    private final class Storage: Sendable {
        let names: [String]
        let values: [ParameterValue]
        let preparedValues = PreparedValues()

        init(names: [String], values: [ParameterValue]) {
            self.names = names
            self.values = values
        }
    }

    private let storage: Storage

    public init(declared: [RuleParameter], overrides: [String: ParameterValue] = [:]) {
        var names: [String] = []
        var values: [ParameterValue] = []
        func set(_ name: String, _ value: ParameterValue) {
            if let index = names.firstIndex(of: name) { values[index] = value } else { names.append(name); values.append(value) }
        }
        for parameter in declared { set(parameter.name, parameter.defaultValue) }
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) { set(name, value) }
        storage = Storage(names: names, values: values)
    }

    private func value(_ name: String) -> ParameterValue? {
        let (names, values) = (storage.names, storage.values)
        let length = name.utf8.count
        for index in names.indices where names[index].utf8.count == length && names[index] == name {
            return values[index]
        }
        return nil
    }

    /// A declared number parameter. Rules only ask for parameters they declare, and the rubric
    /// loader rejects overrides of the wrong kind, so a missing value is a programming error caught
    /// by the registry test; 0 keeps a release build running.
    public func number(_ name: String) -> Double {
        if case .number(let number)? = value(name) { return number }
        assertionFailure("undeclared number parameter \(name)")
        return 0
    }

    public func integer(_ name: String) -> Int { Int(number(name)) }

    public func text(_ name: String) -> String {
        if case .text(let text)? = value(name) { return text }
        assertionFailure("undeclared text parameter \(name)")
        return ""
    }

    public func list(_ name: String) -> [String] {
        if case .list(let items)? = value(name) { return items }
        assertionFailure("undeclared list parameter \(name)")
        return []
    }

    /// A value computed from these parameters only, built once and reused by every later check
    /// that holds these parameters (the engine keeps one `RuleParameters` per rule for the run).
    /// `key` names what is derived; the same key must always be built the same way.
    public func prepared<Value: Sendable>(_ key: String, _ build: (RuleParameters) -> Value) -> Value {
        storage.preparedValues.value(key) { build(self) }
    }

    /// All values, sorted by name (for `explain` and the rubric fingerprint).
    public var sorted: [(String, ParameterValue)] {
        zip(storage.names, storage.values).sorted { $0.0 < $1.0 }
    }
}
