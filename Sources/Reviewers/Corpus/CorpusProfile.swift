import ProfileModel

/// What the corpus index knows of one profile: who it is, which family it belongs to, and the
/// MinHash signature of each responsibility bullet (flat, `scheme.length` slots per bullet).
public struct CorpusProfile: Sendable, Equatable {
    public var profileID: String
    public var functionCode: String
    public var focusCode: String
    /// The level code of each bullet, in reading order.
    public var bulletLevels: [String]
    /// `bulletLevels.count × scheme.length` signature slots; a bullet without words has all slots `UInt32.max`.
    public var signatures: [UInt32]

    public init(profileID: String, functionCode: String, focusCode: String, bulletLevels: [String], signatures: [UInt32]) {
        (self.profileID, self.functionCode, self.focusCode) = (profileID, functionCode, focusCode)
        (self.bulletLevels, self.signatures) = (bulletLevels, signatures)
    }

    /// Signatures of `bullets` (level code, text) under `scheme`.
    public init(profileID: String, functionCode: String, focusCode: String, bullets: [(level: String, text: String)], scheme: MinHashScheme) {
        var signatures: [UInt32] = []
        signatures.reserveCapacity(bullets.count * scheme.length)
        for bullet in bullets {
            signatures += scheme.signature(of: bullet.text) ?? [UInt32](repeating: .max, count: scheme.length)
        }
        self.init(profileID: profileID, functionCode: functionCode, focusCode: focusCode,
                  bulletLevels: bullets.map(\.level), signatures: signatures)
    }

    /// The corpus entry of a loaded profile: every level's responsibilities, in reading order.
    public init(profile: Profile, scheme: MinHashScheme) {
        let bullets = profile.levels.flatMap { level in level.responsibilities.map { (level: level.code.value, text: $0.value) } }
        self.init(profileID: profile.id.value, functionCode: profile.function.code.value, focusCode: profile.focus.code.value,
                  bullets: bullets, scheme: scheme)
    }

    /// The family this profile belongs to under `grouping`: bullets shared inside one family are
    /// expected (sibling focuses of one function reuse duties); shared across many families they are filler.
    public func family(_ grouping: CorpusFamilyGrouping) -> String {
        switch grouping {
        case .function: return functionCode
        case .focus: return functionCode + "." + focusCode
        }
    }
}

/// What makes two profiles "related": the same function code (the default: sibling focuses of one
/// job family are related), or the same function and focus codes (`focus`: every focus is its own family).
public enum CorpusFamilyGrouping: String, Sendable, CaseIterable {
    case function
    case focus
}
