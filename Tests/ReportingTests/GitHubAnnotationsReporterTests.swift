import Foundation
import LocatedDocument
import Panel
import ProfileModel
import Reporting
import Testing

@Suite("GitHub annotations reporter")
struct GitHubAnnotationsReporterTests {
    @Test func matchesExpectedOutput() throws {
        #expect(try StatusTestFixture.check(GitHubAnnotationsReporter.render(StatusTestFixture.run), against: "review.github.txt"))
    }

    @Test func errorsForBlockerAndMajorWarningsForMinorNothingForInfo() {
        let lines = GitHubAnnotationsReporter.render(StatusTestFixture.run).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "")
        let commands = lines.dropLast()
        #expect(commands.count == 7)
        #expect(commands.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") })
        #expect(commands.filter { $0.hasPrefix("::warning ") }.allSatisfy { $0.contains("title=vague_bullet::") })
        #expect(!commands.contains { $0.contains("scope_escalation") })
        let alpha = StatusTestFixture.alpha
        #expect(commands.contains(
            "::error file=\(alpha),line=171,col=5,title=unknown_classification_code::blocker: O*NET-SOC code 53-9999.00 is not an occupation (WAREHO1.WAREHOUSE01A1.P2)"
        ))
        #expect(commands.contains("::error file=Profiles/broken/tabs.yaml,line=4,col=1,title=load/tab_indentation::found a tab character \(StatusTestFixture.script)"))
    }

    @Test func escapesDataAndProperties() {
        #expect(GitHubAnnotationsReporter.escapeData("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b")
        #expect(GitHubAnnotationsReporter.escapeProperty("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext%3A a%2Cb")
        #expect(GitHubAnnotationsReporter.escapeData("%0A") == "%250A")
    }

    @Test func hostileTextCannotBreakOrInjectCommands() {
        let file = "Profiles/a,line=1:b%0A\n::error::x.yaml"
        let message = "line one\n::warning file=evil.yaml::injected\r\n100%, title=x"
        let finding = Finding(rule: "rule,with:colon", dimension: .concreteness, severity: .major, message: message,
                              file: file, location: SourceLocation(line: 12, column: 3), evidence: "e", suggestion: "do: this\nthen that")
        let info = Finding(rule: "noted", dimension: .concreteness, severity: .info, message: "fine", file: file,
                           location: SourceLocation(line: 1, column: 1), evidence: "")
        let level = LevelReview(id: "X1.Y.P1", file: file, level: "P1", decision: .rejected, scores: [:], minScore: 1,
                                contentSHA256: "", findings: [info, finding], gateReasons: [])
        let run = ReviewRun(rubricID: "r", rubricVersion: "1", rubricSHA256: "", files: [
            FileReview(file: file, profileID: "X1.Y", levels: [level], diagnostics: []),
        ])
        let output = GitHubAnnotationsReporter.render(run)
        #expect(output == "::error file=Profiles/a%2Cline=1%3Ab%250A%0A%3A%3Aerror%3A%3Ax.yaml,line=12,col=3,title=rule%2Cwith%3Acolon"
            + "::major: line one%0A::warning file=evil.yaml::injected%0D%0A100%25, title=x (X1.Y.P1)%0AFix: do: this%0Athen that\n")
        #expect(output.filter { $0 == "\n" }.count == 1)
        #expect(!output.contains("\r"))
    }

    @Test func emptyWhenNothingToAnnotate() {
        let run = ReviewRun(rubricID: "r", rubricVersion: "1", rubricSHA256: "", files: [])
        #expect(GitHubAnnotationsReporter.render(run) == "")
    }
}
