import ProfileModel

/// A bullet that many unrelated families carry nearly verbatim is filler, however well it reads.
public struct CrossCorpusBoilerplateRule: CorpusReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "cross_corpus_boilerplate",
        name: "Cross-corpus boilerplate",
        dimension: .focusSpecificity,
        defaultSeverity: .minor,
        summary: """
            A responsibility bullet that appears nearly verbatim (estimated Jaccard similarity of its \
            `shingle_words`-word shingles at least `min_similarity`) in profiles of at least \
            `min_other_families` other families across every profile under the profiles directory. Families are \
            function codes (`family_grouping: function`) or function and focus codes (`focus`). The finding names \
            up to `max_listed` of the profiles that share the text and counts them all. MinHash signatures of \
            `bands × rows` slots, bucketed by locality-sensitive hashing in `bands` bands, keep it sub-quadratic.
            """,
        rationale: """
            A duty that fits many unrelated jobs says nothing about this one; when the same sentence is pasted into \
            a nursing, a finance and a software ladder, none of them is specific.
            """,
        parameters: [
            RuleParameter("shingle_words", default: .number(2), "Words per shingle (a shorter bullet is one shingle)."),
            RuleParameter("bands", default: .number(8), "LSH bands (signature length is bands × rows, at most 64 × 16)."),
            RuleParameter("rows", default: .number(4), "Signature slots per band."),
            RuleParameter("min_similarity", default: .number(0.7), "Share of equal signature slots that makes two bullets the same text."),
            RuleParameter("min_other_families", default: .number(3), "Other families sharing the text that make it boilerplate."),
            RuleParameter("family_grouping", default: .text("function"), "What a family is: `function` (function code) or `focus` (function and focus codes)."),
            RuleParameter("max_listed", default: .number(5), "Profiles named in a finding (the rest are counted)."),
        ],
        passingExamples: [RuleExample("", level: "M2", note: """
            The bullets of the example profile appear in no other family's profile (in a corpus where they are \
            shared only by profiles of function MANUFA3, the same family, nothing is found either).
            """)],
        failingExamples: [RuleExample("""
            levels:
              - code: M2
                responsibilities:
                  - Leads shift leads and senior associates on all shifts of the upstream suite, setting one handover standard.
                  - Authors and approves upstream deviations, CAPAs and change controls within delegated limits with QA.
                  - Trends viable cell concentration, viability and titre across batches and multiple shifts in JMP.
                  - Partners with stakeholders across the organisation to deliver business outcomes and continuous improvement.
            """, level: "M2", note: """
            The last bullet also appears, word for word, in profiles of three other functions (finance, nursing, \
            software) of the corpus.
            """)]
    )

    /// The signature scheme its parameters describe (the LOCAL stage computes signatures with it).
    public static func scheme(_ parameters: RuleParameters) -> MinHashScheme {
        MinHashScheme(shingleWords: parameters.integer("shingle_words"), bands: parameters.integer("bands"), rows: parameters.integer("rows"))
    }

    public static func grouping(_ parameters: RuleParameters) -> CorpusFamilyGrouping {
        CorpusFamilyGrouping(rawValue: parameters.text("family_grouping")) ?? .function
    }

    public func check(_ subject: CorpusSubject) -> RuleOutcome {
        let minimum = max(subject.parameters.integer("min_other_families"), 1)
        let listed = max(subject.parameters.integer("max_listed"), 0)
        let corpus = subject.corpus
        let family = corpus.members[subject.member].family
        var findings: [Finding] = []
        for bullet in subject.bullets {
            guard let cluster = corpus.cluster(member: subject.member, bullet: bullet.index),
                  let neighbourhood = subject.neighbourhoods[cluster] else { continue }
            let sameFamily = neighbourhood.count(inFamily: family)
            let otherFamilies = neighbourhood.familyCount - (sameFamily > 0 ? 1 : 0)
            guard otherFamilies >= minimum else { continue }
            let otherProfiles = neighbourhood.members.count - sameFamily
            var names: [String] = []
            for member in neighbourhood.members where names.count < listed {
                let other = corpus.members[Int(member)]
                if other.family != family, !names.contains(other.profileID) { names.append(other.profileID) }
            }
            let more = otherProfiles - names.count
            let list = names.joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
            findings.append(subject.finding(
                "The bullet appears nearly verbatim in \(otherProfiles) profile\(otherProfiles == 1 ? "" : "s") of \(otherFamilies) other famil\(otherFamilies == 1 ? "y" : "ies") (\(list))",
                about: bullet.anchor,
                suggestion: "Say what this focus does that the others do not: its own work, artefacts, systems and standards."))
        }
        return RuleOutcome(findings: findings, checksRun: subject.bullets.count)
    }
}
