import LocatedDocument
import ProfileModel

/// Which content layers a profile uses and which of them no source backs. Shared by the
/// `unsourced_layer` rule and the approval gate, so both always agree.
public enum ProvenanceCheck {
    /// The layers the profile has content in.
    public static func usedLayers(_ profile: Profile) -> [ContentLayer] {
        ContentLayer.allCases.filter { layer in
            switch layer {
            case .summary: return true
            case .responsibilities: return profile.levels.contains { !$0.responsibilities.isEmpty }
            case .guidelines: return !profile.levels.isEmpty
            case .skills: return !profile.skills.isEmpty
            case .pay: return profile.levels.contains { $0.pay != nil }
            case .classifications: return !profile.classifications.isEmpty
            }
        }
    }

    /// Used layers that no source lists in `supports`.
    public static func unsourcedLayers(_ profile: Profile) -> [ContentLayer] {
        let supported = Set(profile.sources.flatMap { $0.supports.map(\.value) })
        return usedLayers(profile).filter { !supported.contains($0) }
    }

    /// Where in the file a layer lives, for pointing findings at it.
    public static func location(of layer: ContentLayer, in profile: Profile) -> (SourceLocation, JSONPointer) {
        let node = profile.document
        let key: String
        switch layer {
        case .summary, .skills, .classifications: key = layer.rawValue
        case .responsibilities, .guidelines, .pay: key = "levels"
        }
        return (node[key]?.location ?? .startOfFile, JSONPointer.root.appending(key))
    }

    public static func isComplete(_ profile: Profile) -> Bool {
        unsourcedLayers(profile).isEmpty
    }
}
