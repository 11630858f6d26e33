import ProfileModel

/// Bullets and skills must speak the focus's language.
public struct LowDomainVocabularyRule: ReviewRule {
    public init() {}

    public static let description = RuleDescription(
        id: "low_domain_vocabulary",
        name: "Little domain vocabulary",
        dimension: .focusSpecificity,
        defaultSeverity: .major,
        summary: """
            Share of the level's bullets, together with the profile's skills, that use the focus vocabulary: the \
            domain pack's vocabulary, concrete terms and entities, and the profile's own focus-name, summary and \
            skill-name words except `generic_words`. Graded by bands; an info finding marks each bullet without it.
            """,
        rationale: """
            A profile for a specialised focus that reads like any supervisor's or engineer's job cannot be told \
            from its siblings and does not help anyone hire or level for that focus.
            """,
        parameters: ShareBands.parameters + [
            RuleParameter("generic_words", default: .list(LowDomainVocabularyRule.genericWords),
                          "Focus-vocabulary words too generic to show the focus."),
        ],
        passingExamples: [RuleExample("", level: "M1", note: "Every M1 bullet names upstream work.")],
        failingExamples: [
            RuleExample("""
                levels:
                  - code: M1
                    responsibilities:
                      - Manages the team day to day and keeps the work on plan so that targets are met each week.
                      - Assigns work to each team member, checks that they are trained, and gives feedback on performance.
                      - Leads the team's daily meeting and follows up on actions until they are closed.
                      - Supports the manager with reports and plans, and raises problems with the right people.
                skills:
                  - { name: People Leadership, description: Leads and develops people and manages their performance. }
                  - { name: Planning, description: Plans work and follows it up. }
                  - { name: Communication, description: Talks clearly with the team and the manager. }
                """, level: "M1", note: "A generic supervisor: no bullet or skill names the focus."),
        ]
    )

    static let genericWords = [
        "manage", "management", "manager", "team", "lead", "leader", "leadership", "people", "work", "staff",
        "ensure", "support", "plan", "planning", "operation", "level", "role", "job", "family", "track", "daily",
        "own", "first", "line", "senior", "individual", "contributor", "supervise", "supervision", "supervisor",
        "performance", "develop", "development", "good", "practice", "skill", "knowledge", "service", "business",
        "process", "quality", "run", "separate", "owns", "stop", "do", "from", "through", "part",
    ]

    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        // The focus terms and the skills that use them are the profile's, the same on every level:
        // worked out on the first level the rule checks.
        let (terms, skillHits) = subject.memo.value(rule: Self.description.id, level: -1) { () -> (FocusTerms, Int) in
            let terms = FocusTerms(subject, ignoring: subject.parameters.prepared("generic_words all stems") {
                FocusTerms.ignoredStems($0.list("generic_words"))
            })
            return (terms, subject.analysis.skills.filter { terms.occurs(in: $0.name) || terms.occurs(in: $0.description) }.count)
        }
        let bullets = subject.level.bullets
        var findings: [Finding] = []
        var hits = 0
        for bullet in bullets {
            if terms.occurs(in: bullet) {
                hits += 1
            } else {
                findings.append(subject.finding(
                    "This bullet uses no vocabulary of the focus \"\(subject.profile.focus.name.value)\"", about: bullet,
                    severity: .info, suggestion: "Name the focus's equipment, materials, records or measures."))
            }
        }
        let total = bullets.count + subject.analysis.skills.count
        guard total > 0 else { return RuleOutcome(checksRun: 0) }
        let share = Double(hits + skillHits) / Double(total)
        if let severity = ShareBands.severity(share, subject.parameters) {
            let level = subject.level
            findings.append(subject.finding(
                "Only \(hits) of \(bullets.count) \(level.level.code.value) bullets and \(skillHits) of \(subject.analysis.skills.count) skills use the focus vocabulary (\(ShareBands.percent(share)) < \(ShareBands.percent(subject.parameters.number("minor_below"))))",
                at: level.level.location, pointer: level.pointer.appending("responsibilities"),
                evidence: findings.map(\.evidence).joined(separator: "\n"), severity: severity,
                suggestion: "Rewrite generic bullets around the focus's own work: its equipment, materials, records and measures."))
        }
        return RuleOutcome(findings: findings, checksRun: total)
    }
}
