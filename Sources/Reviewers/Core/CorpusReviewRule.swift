import LocatedDocument
import ProfileModel

/// A rule whose findings depend on other files: it runs in the review's FINALIZE stage over the
/// corpus index, not in the per-file LOCAL stage (whose results are cached per file). As a
/// `ReviewRule` it sits on a reviewer like any rule; its per-profile `check` examines nothing.
public protocol CorpusReviewRule: ReviewRule {
    func check(_ subject: CorpusSubject) -> RuleOutcome
}

extension CorpusReviewRule {
    /// A corpus rule has nothing to check on one profile alone.
    public func check(_ subject: ReviewSubject) -> RuleOutcome {
        RuleOutcome(checksRun: 0)
    }
}

extension CorpusReviewRule {
    public static var isCorpusRule: Bool { true }
}

/// One responsibility bullet of the level under review, as FINALIZE sees it (no parsed tree).
public struct BulletAnchor: Sendable, Equatable {
    /// The level code the bullet belongs to.
    public var level: String
    public var text: String
    public var location: SourceLocation
    public var pointer: JSONPointer

    public init(level: String, text: String, location: SourceLocation, pointer: JSONPointer) {
        (self.level, self.text, self.location, self.pointer) = (level, text, location, pointer)
    }
}

/// What a corpus rule sees for one level profile: the corpus index, the profile's place in it, the
/// level's bullets, and the rule's parameters.
public struct CorpusSubject: Sendable {
    public var corpus: CorpusIndex
    /// Neighbourhoods of the clusters of the reviewed bullets, computed once per run.
    public var neighbourhoods: [Int: CorpusIndex.Neighbourhood]
    /// The profile's member index in `corpus`.
    public var member: Int
    public var file: String
    /// The level's bullets, each with its bullet index within the whole profile (the index into the corpus entry).
    public var bullets: [(index: Int, anchor: BulletAnchor)]
    public var parameters: RuleParameters
    public var rule: RuleDescription
    public var severityOverride: Severity?

    public init(
        corpus: CorpusIndex, neighbourhoods: [Int: CorpusIndex.Neighbourhood], member: Int, file: String,
        bullets: [(index: Int, anchor: BulletAnchor)], parameters: RuleParameters, rule: RuleDescription,
        severityOverride: Severity? = nil
    ) {
        (self.corpus, self.neighbourhoods, self.member, self.file) = (corpus, neighbourhoods, member, file)
        (self.bullets, self.parameters, self.rule, self.severityOverride) = (bullets, parameters, rule, severityOverride)
    }

    public func finding(_ message: String, about anchor: BulletAnchor, suggestion: String? = nil) -> Finding {
        Finding(
            rule: rule.id, dimension: rule.dimension, severity: severityOverride ?? rule.defaultSeverity, message: message,
            file: file, location: anchor.location, pointer: anchor.pointer, evidence: anchor.text, suggestion: suggestion
        )
    }
}
