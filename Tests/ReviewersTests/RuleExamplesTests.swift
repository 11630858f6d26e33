import ProfileModel
import Reviewers
import Testing

/// Every rule's documented examples are its tests: a failing example must make the rule report a
/// point-costing finding on that level, a passing one must not.
@Suite("Rule examples")
struct RuleExamplesTests {
    /// Per-profile rules; corpus rules need a corpus and are tested on one (CrossCorpusBoilerplateTests).
    static let cases = RuleRegistry.all.filter { !$0.isCorpusRule }.map { RuleCase(id: $0.description.id) }

    @Test(arguments: cases)
    func failingExamplesAreCaught(_ ruleCase: RuleCase) throws {
        let description = ruleCase.rule.description
        #expect(!description.failingExamples.isEmpty, "\(description.id) documents no failing example")
        for example in description.failingExamples {
            let findings = try ReviewTestSupport.scoringFindings(ruleCase.rule, overlay: example.overlay, level: example.level)
            #expect(!findings.isEmpty, "\(description.id) missed its failing example:\n\(example.overlay)")
            #expect(findings.allSatisfy { $0.rule == description.id && $0.dimension == description.dimension })
            #expect(findings.allSatisfy { !$0.evidence.isEmpty && !$0.message.isEmpty && $0.location.line > 0 })
        }
    }

    @Test(arguments: cases)
    func passingExamplesAreAccepted(_ ruleCase: RuleCase) throws {
        let description = ruleCase.rule.description
        #expect(!description.passingExamples.isEmpty, "\(description.id) documents no passing example")
        for example in description.passingExamples {
            let findings = try ReviewTestSupport.scoringFindings(ruleCase.rule, overlay: example.overlay, level: example.level)
            #expect(findings.isEmpty, "\(description.id) flagged its passing example: \(findings.map(\.message))")
        }
    }

    @Test(arguments: cases)
    func theExampleProfileItselfPassesOnEveryLevel(_ ruleCase: RuleCase) throws {
        let profile = try ExampleProfile.profile(applying: "")
        for level in profile.levels.map(\.code.value) {
            let outcome = ReviewTestSupport.run(ruleCase.rule, on: profile, level: level)
            let scoring = outcome.findings.filter { $0.severity != .info }
            #expect(scoring.isEmpty, "\(ruleCase.id) on \(level): \(scoring.map(\.message))")
            #expect(outcome.checksRun > 0, "\(ruleCase.id) ran no check on \(level)")
        }
    }
}

extension RuleExamplesTests {
    /// No rule may cost points on the bundled profiles: they are the product's demo and must be approved.
    @Test(arguments: cases)
    func bundledProfilesHaveNoPointCostingFindings(_ ruleCase: RuleCase) {
        let findings = BundledProfilesFixture.scoringFindings(ruleCase.rule)
        #expect(findings.isEmpty, "\(ruleCase.id): \(findings)")
    }
}

@Suite("Rule registry")
struct RuleRegistryTests {
    @Test func idsAreUniqueSnakeCaseAndDocumented() {
        let ids = RuleRegistry.all.map { $0.description.id }
        #expect(Set(ids).count == ids.count)
        for rule in RuleRegistry.all {
            let description = rule.description
            #expect(description.id.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "_" }, "\(description.id)")
            #expect(!description.summary.isEmpty && !description.rationale.isEmpty && !description.name.isEmpty)
            let names = description.parameters.map(\.name)
            #expect(Set(names).count == names.count, "\(description.id) declares a parameter twice")
        }
    }

    @Test func everyDimensionHasRules() {
        for dimension in Dimension.allCases {
            #expect(RuleRegistry.all.filter { $0.description.dimension == dimension }.count >= 2, "\(dimension)")
        }
    }
}
