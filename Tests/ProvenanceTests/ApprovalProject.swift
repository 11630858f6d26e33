import Foundation
import _CommandTestSupport
import Provenance

/// A throwaway project (Rubrics/ and two bundled profiles copied into a temporary directory) with a
/// trusted signing key, driven through the built `review-profile` binary as a user would.
struct ApprovalProject {
    typealias Output = ToolOutput

    /// 2026-11-24T12:00:00Z: after the bundled sources' retrieval dates, so the bundled profiles pass.
    static let epoch = "1795521600"
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let finance = "Profiles/finance-accounting/general-ledger-close.yaml"
    static let software = "Profiles/software-engineering/backend-platform-services.yaml"
    static let financeLevels = ["FINACC1.FINACCT02A1.P1", "FINACC1.FINACCT02A1.P2", "FINACC1.FINACCT02A1.P3", "FINACC1.FINACCT02A1.P4"]

    let root: URL
    /// Outside the project, as a real private key must be.
    let keyDirectory: URL
    let key: ApprovalSigningKey

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("provenance-\(UUID().uuidString)")
        root = base.appendingPathComponent("project")
        keyDirectory = base.appendingPathComponent("keys")
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("Profiles"), withIntermediateDirectories: true)
        try manager.copyItem(at: Self.packageRoot.appendingPathComponent("Rubrics"), to: root.appendingPathComponent("Rubrics"))
        for file in [Self.finance, Self.software] {
            let target = root.appendingPathComponent(file)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.copyItem(at: Self.packageRoot.appendingPathComponent(file), to: target)
        }
        // The repository's own trusted keys are not this project's.
        try? manager.removeItem(at: root.appendingPathComponent("Rubrics/trusted-keys"))
        key = ApprovalSigningKey.generate()
        try manager.createDirectory(at: keyDirectory, withIntermediateDirectories: true)
        try Data(key.fileText.utf8).write(to: keyPath)
        try manager.setAttributes([.posixPermissions: 0o600], ofItemAtPath: keyPath.path)
        try trust(key.publicKey)
    }

    var keyPath: URL { keyDirectory.appendingPathComponent("signing.private.json") }
    var records: URL { root.appendingPathComponent("Reports/approvals") }

    func trust(_ key: ApprovalPublicKey) throws {
        let directory = root.appendingPathComponent("Rubrics/trusted-keys")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(key.fileText.utf8).write(to: directory.appendingPathComponent(key.keyID + ".json"))
    }

    func recordURL(_ levelProfileID: String) -> URL { records.appendingPathComponent(levelProfileID + ".jsonl") }

    func recordLines(_ levelProfileID: String) throws -> [String] {
        try String(contentsOf: recordURL(levelProfileID), encoding: .utf8).split(separator: "\n").map(String.init)
    }

    func writeRecordLines(_ levelProfileID: String, _ lines: [String]) throws {
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: recordURL(levelProfileID))
    }

    func text(_ file: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
    }

    func replace(_ old: String, with new: String, in file: String) throws {
        let current = try text(file)
        precondition(current.contains(old), "\(old) not in \(file)")
        try Data(current.replacingOccurrences(of: old, with: new).utf8).write(to: root.appendingPathComponent(file))
    }

    @discardableResult
    func approve(_ arguments: [String] = [], environment: [String: String] = [:]) throws -> Output {
        try run(["approve", "--signing-key", keyPath.path] + arguments, environment: environment)
    }

    func verify(_ arguments: [String] = []) throws -> Output {
        try run(["verify"] + arguments)
    }

    /// `verify --format json` as id → state.
    func states(_ arguments: [String] = []) throws -> [String: String] {
        let output = try run(["verify", "--format", "json"] + arguments)
        let document = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        var states: [String: String] = [:]
        for level in document?["level_profiles"] as? [[String: Any]] ?? [] {
            states[level["id"] as? String ?? ""] = level["state"] as? String
        }
        return states
    }

    func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Output {
        try ToolProcess.run(
            arguments, in: directory ?? root, environment: ["SOURCE_DATE_EPOCH": Self.epoch].merging(environment) { $1 },
            removing: [ApprovalSigningKey.environmentVariable]
        )
    }

    func remove() {
        try? FileManager.default.removeItem(at: root.deletingLastPathComponent())
    }
}
