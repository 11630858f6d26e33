import Foundation
import ProfileLoading

/// The public keys whose approval records count: every `*.json` file in `Rubrics/trusted-keys/`.
/// Other files (a README) are ignored; a broken key file is a configuration error, never skipped.
public struct TrustedKeys: Sendable {
    public static let directoryName = "trusted-keys"

    public private(set) var keys: [String: ApprovalPublicKey]

    public init(_ keys: [ApprovalPublicKey]) throws(ConfigurationError) {
        self.keys = [:]
        for key in keys {
            guard self.keys[key.keyID] == nil else {
                throw ConfigurationError("two trusted keys have the id \(key.keyID)")
            }
            self.keys[key.keyID] = key
        }
    }

    public func key(id: String) -> ApprovalPublicKey? { keys[id] }

    /// True when this exact key (id and bytes) is trusted.
    public func trusts(_ key: ApprovalPublicKey) -> Bool {
        keys[key.keyID]?.rawKey == key.rawKey
    }

    /// `<rubric directory>/trusted-keys`.
    public static func directory(inRubric rubricDirectory: String) -> String {
        rubricDirectory + "/" + directoryName
    }

    /// Loads every key file of the directory; a missing directory trusts no one.
    public static func load(from directory: String) throws(ConfigurationError) -> TrustedKeys {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return try TrustedKeys([]) }
        var keys: [ApprovalPublicKey] = []
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let path = directory + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ConfigurationError("trusted key file cannot be read", file: path)
            }
            keys.append(try ApprovalPublicKey.parse(Array(data), file: path))
        }
        return try TrustedKeys(keys)
    }
}
