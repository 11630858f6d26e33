/// A code with its human name, as used for a profile's function and focus.
public struct CodedName: Sendable, Equatable {
    public var code: Located<String>
    public var name: Located<String>

    public init(code: Located<String>, name: Located<String>) {
        self.code = code
        self.name = name
    }
}
