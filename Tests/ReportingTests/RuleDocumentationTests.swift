import Foundation
import Reporting
import Reviewers
import Testing

@Suite("Rule documentation")
struct RuleDocumentationTests {
    /// docs/rules.md is generated from the rules' metadata; regenerate it with
    /// `review-profile explain --markdown > docs/rules.md` when this fails.
    @Test func committedRulesDocumentIsCurrent() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/rules.md")
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == RuleDocumentation.catalogue(), "docs/rules.md is stale: run `review-profile explain --markdown > docs/rules.md`")
    }

    @Test func listNamesEveryRule() {
        let list = RuleDocumentation.list()
        for rule in RuleRegistry.all {
            #expect(list.contains(rule.description.id))
        }
    }
}
