import Reviewers
import Testing

@Suite("Rule parameters")
struct RuleParametersTests {
    static let declared = [
        RuleParameter("min_bullets", default: .number(3), "fewest bullets"),
        RuleParameter("max_bullets", default: .number(12), "most bullets"),
        RuleParameter("a_parameter_name_longer_than_fifteen_bytes", default: .text("x"), "a long name"),
        RuleParameter("terms", default: .list(["a", "b"]), "a list"),
    ]

    @Test func overridesReplaceDefaultsByName() {
        let parameters = RuleParameters(declared: Self.declared, overrides: ["max_bullets": .number(9), "terms": .list(["c"])])
        #expect(parameters.integer("min_bullets") == 3)
        #expect(parameters.integer("max_bullets") == 9)
        #expect(parameters.number("max_bullets") == 9)
        #expect(parameters.text("a_parameter_name_longer_than_fifteen_bytes") == "x")
        #expect(parameters.list("terms") == ["c"])
    }

    /// Names of the same length and names built at run time (not literals) are told apart.
    @Test func namesAreComparedWhole() {
        let parameters = RuleParameters(declared: Self.declared)
        let built = ["max", "bullets"].joined(separator: "_")
        #expect(parameters.integer(built) == 12)
        #expect(parameters.integer("min" + "_bullets") == 3)
        let long = String(repeating: "a", count: 1) + "_parameter_name_longer_than_fifteen_bytes"
        #expect(parameters.text(long) == "x")
    }

    @Test func sortedListsEveryValueOnceByName() {
        let parameters = RuleParameters(declared: Self.declared, overrides: ["min_bullets": .number(4)])
        #expect(parameters.sorted.map(\.0) == ["a_parameter_name_longer_than_fifteen_bytes", "max_bullets", "min_bullets", "terms"])
        #expect(parameters.sorted.map(\.1) == [.text("x"), .number(12), .number(4), .list(["a", "b"])])
    }
}
