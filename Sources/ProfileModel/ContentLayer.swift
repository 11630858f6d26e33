/// The layers of a profile that must each be backed by a cited source.
public enum ContentLayer: String, Sendable, CaseIterable, Comparable {
    case summary
    case responsibilities
    case guidelines
    case skills
    case pay
    case classifications

    public static func < (lhs: ContentLayer, rhs: ContentLayer) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
