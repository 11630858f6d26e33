/// A documented example of a rule: a YAML overlay applied to the bundled example profile
/// (`ExampleProfile`), and the level profile it is about. The examples are the rule's
/// documentation (`review-profile explain`) and its tests: every failing example must make the rule
/// report a finding on that level, every passing example must not.
public struct RuleExample: Sendable {
    /// YAML merged into the example profile: mappings merge key by key (`key: ~` deletes it), `levels` items merge by
    /// `code`, any other value (including a list) replaces what was there.
    public var overlay: String
    /// The level code under review; the example profile's top level when nil.
    public var level: String?
    public var note: String?

    public init(_ overlay: String, level: String? = nil, note: String? = nil) {
        self.overlay = overlay
        self.level = level
        self.note = note
    }
}
