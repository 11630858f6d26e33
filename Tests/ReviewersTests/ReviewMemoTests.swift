import Reviewers
import Testing

@Suite("Review memo")
struct ReviewMemoTests {
    @Test func aValueIsMadeOncePerRuleAndLevel() {
        let memo = ReviewMemo()
        var made = 0
        func value(_ rule: String, _ level: Int) -> Int {
            memo.value(rule: rule, level: level) { () -> Int in
                made += 1
                return made
            }
        }
        #expect(value("a", 0) == 1)
        #expect(value("a", 0) == 1)
        #expect(value("a", 1) == 2)
        #expect(value("b", 0) == 3)
        #expect(value("a", -1) == 4)
        #expect(made == 4)
    }

    /// The engine gives the same review with the memo shared across a profile's levels as with a
    /// fresh memo per rule call (what `ReviewTestSupport.run` does).
    @Test func sharingTheMemoChangesNoOutcome() throws {
        for id in ["decision_rights_not_rising", "skills_not_traceable"] {
            let rule = try #require(RuleRegistry.rule(id: id))
            for profile in BundledProfilesFixture.profiles {
                let analysis = ProfileAnalysis(profile: profile, knowledge: ReviewTestSupport.knowledge)
                let memo = ReviewMemo()
                for index in analysis.levels.indices {
                    let shared = ReviewSubject(
                        analysis: analysis, levelIndex: index, knowledge: ReviewTestSupport.knowledge,
                        parameters: RuleParameters(declared: rule.description.parameters), rule: rule.description, memo: memo)
                    let alone = ReviewTestSupport.run(rule, on: profile, level: analysis.levels[index].level.code.value)
                    #expect(rule.init().check(shared).findings == alone.findings, "\(id) \(profile.file) level \(index)")
                }
            }
        }
    }
}
