import LocatedDocument
import Panel
import ProfileModel
import PullRequestCheck
import Testing

@Suite("Rubric impact: comparing the base and the new rubric's reviews")
struct RubricImpactTests {
    private func level(_ id: String, file: String, _ decision: Decision, concreteness: Double = 5) -> LevelReview {
        var scores = Dictionary(uniqueKeysWithValues: Dimension.allCases.map { ($0, 5.0) })
        scores[.concreteness] = concreteness
        return LevelReview(id: id, file: file, level: String(id.split(separator: ".").last ?? ""), decision: decision, scores: scores,
                           minScore: scores.values.min() ?? 1, contentSHA256: "", findings: [], gateReasons: [])
    }

    private func run(_ files: [FileReview], id: String) -> ReviewRun {
        ReviewRun(rubricID: id, rubricVersion: "1", rubricSHA256: id + "-sha", files: files)
    }

    private func invalid(_ file: String) -> FileReview {
        FileReview(file: file, profileID: nil, levels: [],
                   diagnostics: [Diagnostic(file: file, location: .startOfFile, code: "x", message: "broken")])
    }

    @Test func flipsScoreChangesAndInvalidTransitionsAreReported() {
        let before = run([
            FileReview(file: "a.yaml", profileID: "A", levels: [level("A.M1", file: "a.yaml", .approved), level("A.M2", file: "a.yaml", .approved)],
                       diagnostics: []),
            invalid("b.yaml"),
            FileReview(file: "c.yaml", profileID: "C", levels: [level("C.P1", file: "c.yaml", .approved)], diagnostics: []),
            invalid("d.yaml"),
        ], id: "base")
        let after = run([
            FileReview(file: "a.yaml", profileID: "A", levels: [level("A.M1", file: "a.yaml", .rejected, concreteness: 4),
                                                                level("A.M2", file: "a.yaml", .approved)], diagnostics: []),
            FileReview(file: "b.yaml", profileID: "B", levels: [level("B.P1", file: "b.yaml", .approved)], diagnostics: []),
            invalid("c.yaml"),
            invalid("d.yaml"),
        ], id: "new")
        let impact = RubricImpact.compare(before: before, after: after)
        #expect(impact.baseRubric == RubricImpact.Rubric(id: "base", version: "1", sha256: "base-sha"))
        #expect(impact.comparedCount == 2)
        #expect(impact.approvedBefore == 3)
        #expect(impact.approvedAfter == 2)
        #expect(impact.meanDeltas[.concreteness] == -0.5)
        #expect(impact.meanDeltas[.factualAccuracy] == 0)
        #expect(impact.changes.map(\.id) == ["A.M1", "B.P1", "C.P1"])
        #expect(impact.flips.map { "\($0.id) \($0.before.rawValue)→\($0.after.rawValue)" }
            == ["A.M1 approved→rejected", "B.P1 invalid→approved", "C.P1 approved→invalid"])
        #expect(impact.changes[0].delta(.concreteness) == -1)
        #expect(impact.changes[1].delta(.concreteness) == nil)
    }

    @Test func identicalRunsHaveNoImpact() {
        let files = [FileReview(file: "a.yaml", profileID: "A", levels: [level("A.M1", file: "a.yaml", .approved)], diagnostics: [])]
        let impact = RubricImpact.compare(before: run(files, id: "x"), after: run(files, id: "x"))
        #expect(impact.changes.isEmpty)
        #expect(impact.comparedCount == 1)
        #expect(impact.unavailableReason == nil)
    }
}
