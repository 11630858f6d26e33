/// The five dimensions every level profile is scored on, with the keys used in JSON, reports and
/// `Rubrics/panel.yaml`.
public enum Dimension: String, Sendable, CaseIterable, Comparable, Codable {
    case levelDifferentiation = "level_differentiation"
    case focusSpecificity = "focus_specificity"
    case concreteness
    case factualAccuracy = "factual_accuracy"
    case realWorldCoverage = "real_world_coverage"

    public var title: String {
        switch self {
        case .levelDifferentiation: return "Level differentiation"
        case .focusSpecificity: return "Focus specificity"
        case .concreteness: return "Concreteness"
        case .factualAccuracy: return "Factual accuracy"
        case .realWorldCoverage: return "Real-world coverage"
        }
    }

    public static func < (lhs: Dimension, rhs: Dimension) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
