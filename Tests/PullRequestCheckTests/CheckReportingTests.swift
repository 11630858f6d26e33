import PullRequestCheck
import Testing

@Suite("Check reports: Markdown code spans and delta formatting")
struct CheckReportingTests {
    @Test func codeSpansCannotBeBrokenOutOf() {
        #expect(CheckMarkdownReporter.code("Profiles/a.yaml") == "`Profiles/a.yaml`")
        #expect(CheckMarkdownReporter.code("x` <img src=x onerror=alert(1)> |\ny") == "`x' <img src=x onerror=alert(1)> \\| y`")
    }

    @Test func deltasAreSignedAndShort() {
        #expect(RubricImpact.format(0) == "0")
        #expect(RubricImpact.format(0.5) == "+0.5")
        #expect(RubricImpact.format(-1) == "-1")
        #expect(RubricImpact.format(-0.25) == "-0.25")
        #expect(RubricImpact.format(1.0 / 3.0) == "+0.33")
        #expect(RubricImpact.format(-0.0001) == "0")
    }
}
