import ProfileModel
import TextAnalysis

/// How many different publishers back the profile.
public struct FewIndependentSourcesRule: ProfileWideRule {
    public init() {}

    public static let description = RuleDescription(
        id: "few_independent_sources",
        name: "Independent sources",
        dimension: .realWorldCoverage,
        defaultSeverity: .major,
        summary: """
            Distinct publishers (case, spacing and a trailing parenthetical ignored) must number at least \
            `min_publishers` (else blocker: nothing in the profile can be cross-checked) and preferably \
            `preferred_publishers` (else minor). Profile-wide.
            """,
        rationale: """
            A profile resting on one publisher repeats one view of the job. Independent sources — an occupational \
            database, wage statistics, the governing regulation — let a panel cross-check what the profile claims.
            """,
        parameters: [
            RuleParameter("min_publishers", default: .number(2), "Fewer distinct publishers than this is a blocker."),
            RuleParameter("preferred_publishers", default: .number(3), "Fewer distinct publishers than this is minor."),
        ],
        passingExamples: [
            RuleExample(ExampleSources.yaml(), note: "O*NET, BLS and FDA: three publishers."),
        ],
        failingExamples: [
            RuleExample("""
                sources:
                  - { id: s1, title: 'O*NET OnLine summary: 51-1011.00', publisher: O*NET, url: 'https://www.onetonline.org/link/summary/51-1011.00', retrieved: 2026-11-20, supports: [summary, classifications, skills, pay] }
                  - { id: s2, title: 'O*NET OnLine summary: 11-3051.00', publisher: 'o*net ', url: 'https://www.onetonline.org/link/summary/11-3051.00', retrieved: 2026-11-20, supports: [classifications, guidelines, responsibilities] }

                """, note: "Both sources come from one publisher."),
        ]
    )

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        let sources = subject.profile.sources
        let (location, pointer) = RuleText.node("sources", in: subject.profile)
        guard !sources.isEmpty else {
            return RuleOutcome(findings: [subject.finding(
                "The profile cites no source at all", at: location, pointer: pointer, evidence: "sources: []",
                severity: .blocker, suggestion: "Cite the occupational, wage and regulatory sources the content came from.")],
                checksRun: 1)
        }
        var publishers: [String] = []
        var seen: Set<String> = []
        for source in sources where seen.insert(Self.normalised(source.publisher.value)).inserted {
            publishers.append(source.publisher.value)
        }
        let minimum = subject.parameters.integer("min_publishers")
        let preferred = subject.parameters.integer("preferred_publishers")
        guard publishers.count < preferred else { return RuleOutcome(checksRun: sources.count) }
        let severity: Severity = publishers.count < minimum ? .blocker : .minor
        let finding = subject.finding(
            "\(sources.count) source(s) come from \(publishers.count) distinct publisher(s); "
                + (severity == .blocker ? "at least \(minimum) required" : "\(preferred) preferred"),
            at: location, pointer: pointer, evidence: publishers.joined(separator: "; "), severity: severity,
            suggestion: "Add an independent source, e.g. wage statistics (BLS) or the governing regulation or standard.")
        return RuleOutcome(findings: [finding], checksRun: sources.count)
    }

    /// Lowercased, whitespace collapsed, a trailing "(…)" qualifier removed: "FDA (eCFR)" is the FDA.
    static func normalised(_ publisher: String) -> String {
        var publisher = publisher
        return publisher.withUTF8 { asciiNormalised($0) } ?? generalNormalised(publisher)
    }

    /// ``normalised(_:)`` by String's Unicode-aware operations, for any text.
    static func generalNormalised(_ publisher: String) -> String {
        var text = publisher.lowercased()
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") { text = String(text[..<open]) }
        return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    /// ``normalised(_:)`` of all-ASCII text, on its bytes; nil for other text. "\r\n" is one
    /// Character to String, so text holding it takes the general path too.
    private static func asciiNormalised(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard !bytes.contains(where: { $0 >= 0x80 || $0 == 0x0D }) else { return nil }
        var end = bytes.count
        if end > 0, bytes[end - 1] == UInt8(ascii: ")"), let open = bytes.lastIndex(of: UInt8(ascii: "(")) { end = open }
        var result: [UInt8] = []
        result.reserveCapacity(end)
        var pendingSpace = false
        for byte in bytes[..<end] {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A {
                pendingSpace = !result.isEmpty
                continue
            }
            if pendingSpace { result.append(0x20); pendingSpace = false }
            result.append(ASCIIByte.lowercased(byte))
        }
        return String(decoding: result, as: UTF8.self)
    }
}
