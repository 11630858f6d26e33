import ProfileModel
import TextAnalysis

/// The topics any real job at this level covers, from the domain pack's checklist.
public struct MissingTopicsRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "missing_topics",
        name: "Required topics covered",
        dimension: .realWorldCoverage,
        defaultSeverity: .minor,
        summary: """
            Every topic the domain pack requires at this level (its `required_from` level for the track or lower) \
            must be named, by any of its terms, in the level's bullets or guidelines. One missing topic is minor, \
            two or more major, `blocker_missing` or more a blocker. Without a pack, `fallback_topics` apply.
            """,
        rationale: """
            A real upstream supervisor handles safety, GMP, documentation, scheduling, equipment, people and \
            deviations every week; a profile that never mentions some of them describes an idealised job, not the \
            one people will be hired into and assessed against.
            """,
        parameters: [
            RuleParameter("major_missing", default: .number(2), "Missing topics from which the finding is major."),
            RuleParameter("blocker_missing", default: .number(4), "Missing topics from which the finding is a blocker."),
            RuleParameter("fallback_topics", default: .list([
                "people:team|coach|mentor|hire|train|training|supervise|staff|precept|onboard|delegate",
                "quality:quality|audit|review|standard|accuracy|error|compliance|policy|verify|safety|control",
                "planning:plan|planning|schedule|forecast|prioritise|prioritize|priority|deadline|roadmap|capacity|close",
                "metrics:metric|kpi|measure|target|trend|score|rate|sla|slo|variance|budget|cost|report",
            ]), "Checklist when no domain pack applies, as `topic:term|term|…`; required at every level."),
        ],
        passingExamples: [
            RuleExample("levels:\n  - code: M1\n    guidelines:\n      complexity: Solves routine production and paperwork problems with established fixes.\n",
                        level: "M1", note: "Other text of the level still covers every topic."),
        ],
        failingExamples: [
            RuleExample("""
                levels:
                  - code: M1
                    responsibilities:
                      - Runs the upstream shift and keeps cultures growing from thaw to harvest.
                      - Talks with colleagues on the floor about what happened during the day.
                    guidelines:
                      knowledge: Knows how cell culture works in an upstream suite.
                      complexity: Handles the problems that come up in a day.
                      collaboration: Talks with other people in the building.
                      experience: Usually 3 to 6 years in cell culture.

                """, level: "M1", note: "Safety, GMP, documentation, scheduling, people and deviations all missing."),
        ]
    )

    struct Topic {
        var name: String
        var terms: PhraseSet
    }

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        guard let (topics, fromPack) = requiredTopics(subject), !topics.isEmpty else { return RuleOutcome(checksRun: 0) }
        let texts = subject.level.allTexts
        var covered: [String] = []
        var missing: [Topic] = []
        for topic in topics {
            if texts.contains(where: { topic.terms.contains(in: $0.tokens) }) {
                covered.append(topic.name)
            } else {
                missing.append(topic)
            }
        }
        let code = subject.level.level.code.value
        let source = fromPack.map { "the \($0) checklist" } ?? "the generic checklist (no domain pack applies)"
        var findings = [subject.finding(
            "\(code) covers \(covered.count) of \(topics.count) topics of \(source)",
            at: subject.level.level.location, pointer: subject.level.pointer,
            evidence: covered.isEmpty ? "none covered" : "covered: " + covered.joined(separator: ", "), severity: .info)]
        if !missing.isEmpty {
            findings.append(missingFinding(subject, missing: missing, total: topics.count, source: source))
        }
        return RuleOutcome(findings: findings, checksRun: topics.count)
    }

    private func missingFinding(_ subject: ReviewSubject, missing: [Topic], total: Int, source: String) -> Finding {
        let count = missing.count
        let severity: Severity = count >= subject.parameters.integer("blocker_missing") ? .blocker
            : count >= subject.parameters.integer("major_missing") ? .major : .minor
        let evidence = missing.map { topic in
            "\(topic.name) (e.g. " + topic.terms.phrases.prefix(4).joined(separator: ", ") + ")"
        }.joined(separator: "; ")
        return subject.finding(
            "\(subject.level.level.code.value) never mentions \(count) of \(total) required topics of \(source): "
                + missing.map(\.name).joined(separator: ", "),
            at: subject.level.level.location, pointer: subject.level.pointer, evidence: evidence, severity: severity,
            suggestion: "Add a bullet on what this level does about " + missing.map(\.name).joined(separator: ", ") + "."
        )
    }

    /// The pack's topics required at this level, or the fallback checklist; the pack's name when it applied.
    private func requiredTopics(_ subject: ReviewSubject) -> ([Topic], String?)? {
        guard let pack = subject.analysis.domain else { return (subject.parameters.prepared("fallback_topics") { fallback($0.list("fallback_topics")) }, nil) }
        guard let track = subject.analysis.track, let rank = subject.level.rank else { return nil }
        let topics = pack.topics.filter { topic in
            guard let from = topic.requiredFrom[track.id], let fromRank = track.rank(of: from) else { return false }
            return fromRank <= rank
        }
        return (topics.map { Topic(name: $0.name, terms: $0.terms) }, pack.name)
    }

    /// Parses `topic:term|term|…` entries; malformed entries are skipped.
    func fallback(_ entries: [String]) -> [Topic] {
        entries.compactMap { entry in
            guard let colon = entry.firstIndex(of: ":") else { return nil }
            let name = String(entry[..<colon])
            let terms = entry[entry.index(after: colon)...].split(separator: "|").map { String($0) }.filter { !$0.isEmpty }
            return name.isEmpty || terms.isEmpty ? nil : Topic(name: name, terms: PhraseSet(terms))
        }
    }
}
