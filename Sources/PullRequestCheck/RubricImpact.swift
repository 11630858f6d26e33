import Panel
import ProfileModel

/// What a rubric change does to the corpus: every profile reviewed with the base rubric and with the
/// new one, and the differences — per level profile, per dimension, and decisions that flip.
public struct RubricImpact: Sendable {
    /// The rubric at the base, when it could be loaded.
    public struct Rubric: Sendable, Equatable {
        public var id: String
        public var version: String
        public var sha256: String

        public init(id: String, version: String, sha256: String) {
            (self.id, self.version, self.sha256) = (id, version, sha256)
        }
    }

    /// One level profile whose scores or decision differ between the two rubrics.
    public struct LevelChange: Sendable {
        public var id: String
        public var file: String
        public var before: Decision
        public var after: Decision
        /// Scores under each rubric; empty on the side where the file was invalid.
        public var scoresBefore: [Dimension: Double]
        public var scoresAfter: [Dimension: Double]

        public var flips: Bool { before != after }

        /// After minus before, for the dimensions scored on both sides.
        public func delta(_ dimension: Dimension) -> Double? {
            guard let old = scoresBefore[dimension], let new = scoresAfter[dimension] else { return nil }
            return new - old
        }
    }

    public var baseRubric: Rubric?
    /// Why the base rubric could not be compared (it did not exist, or did not load); nil when it was.
    public var unavailableReason: String?
    /// Level profiles compared on both sides (valid under both rubrics).
    public var comparedCount: Int
    public var approvedBefore: Int
    public var approvedAfter: Int
    /// Mean of (new − base) per dimension over the compared level profiles.
    public var meanDeltas: [Dimension: Double]
    /// Level profiles whose scores or decision changed, in review order.
    public var changes: [LevelChange]

    public var flips: [LevelChange] { changes.filter(\.flips) }

    public static func unavailable(_ reason: String) -> RubricImpact {
        RubricImpact(baseRubric: nil, unavailableReason: reason, comparedCount: 0, approvedBefore: 0, approvedAfter: 0,
                     meanDeltas: [:], changes: [])
    }

    /// Compares the same files reviewed with the base rubric (`before`) and the new one (`after`).
    public static func compare(before: ReviewRun, after: ReviewRun) -> RubricImpact {
        let beforeByFile = Dictionary(before.files.map { ($0.file, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [LevelChange] = []
        var sums: [Dimension: Double] = [:]
        var compared = 0
        for file in after.files {
            guard let old = beforeByFile[file.file] else { continue }
            switch (old.isInvalid, file.isInvalid) {
            case (true, true):
                continue
            case (true, false):
                changes += file.levels.map {
                    LevelChange(id: $0.id, file: $0.file, before: .invalid, after: $0.decision, scoresBefore: [:], scoresAfter: $0.scores)
                }
            case (false, true):
                changes += old.levels.map {
                    LevelChange(id: $0.id, file: $0.file, before: $0.decision, after: .invalid, scoresBefore: $0.scores, scoresAfter: [:])
                }
            case (false, false):
                let oldLevels = Dictionary(old.levels.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                for level in file.levels {
                    guard let previous = oldLevels[level.id] else { continue }
                    compared += 1
                    for dimension in Dimension.allCases {
                        sums[dimension, default: 0] += (level.scores[dimension] ?? 1) - (previous.scores[dimension] ?? 1)
                    }
                    if previous.decision != level.decision || previous.scores != level.scores {
                        changes.append(LevelChange(id: level.id, file: level.file, before: previous.decision, after: level.decision,
                                                   scoresBefore: previous.scores, scoresAfter: level.scores))
                    }
                }
            }
        }
        var means: [Dimension: Double] = [:]
        for dimension in Dimension.allCases {
            means[dimension] = compared == 0 ? 0 : (sums[dimension] ?? 0) / Double(compared)
        }
        return RubricImpact(
            baseRubric: Rubric(id: before.rubricID, version: before.rubricVersion, sha256: before.rubricSHA256),
            unavailableReason: nil, comparedCount: compared, approvedBefore: before.approvedCount, approvedAfter: after.approvedCount,
            meanDeltas: means, changes: changes
        )
    }

    /// A signed delta as text: "+0.5", "-1", "0".
    public static func format(_ delta: Double) -> String {
        let hundredths = Int((delta * 100).rounded())
        if hundredths == 0 { return "0" }
        let magnitude = abs(hundredths)
        var text = String(magnitude / 100)
        if magnitude % 100 != 0 {
            var fraction = String(magnitude % 100)
            if fraction.count == 1 { fraction = "0" + fraction }
            if fraction.hasSuffix("0") { fraction.removeLast() }
            text += "." + fraction
        }
        return (hundredths > 0 ? "+" : "-") + text
    }
}
