import Foundation
import Provenance
import Testing

/// Key generation and the rules for where keys may come from.
@Suite struct KeyFileTests {
    @Test func keygenWritesAPrivateKeyOnlyItsOwnerCanRead() throws {
        let project = try ApprovalProject()
        defer { project.remove() }
        let directory = project.keyDirectory.appendingPathComponent("new")
        let output = try project.run(["keygen", "--out", directory.path])
        #expect(output.status == 0, "\(output.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names.count == 2)
        let privateName = try #require(names.first { $0.hasSuffix(".private.json") })
        let publicName = try #require(names.first { $0.hasSuffix(".public.json") })
        let attributes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(privateName).path)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o777 } == 0o600)
        let publicKey = try ApprovalPublicKey.parse(Array(try Data(contentsOf: directory.appendingPathComponent(publicName))), file: publicName)
        #expect(publicKey.keyID == KeyIdentifier.fingerprint(rawKey: publicKey.rawKey))
        #expect(publicName == publicKey.keyID + ".public.json")
        #expect(try project.run(["keygen", "--out", directory.path, "--key-id", publicKey.keyID]).status == 2, "never overwrites")
    }

    @Test func keygenTakesAKeyIDAndRefusesUnsafeOnes() throws {
        let project = try ApprovalProject()
        defer { project.remove() }
        let directory = project.keyDirectory.appendingPathComponent("named")
        #expect(try project.run(["keygen", "--out", directory.path, "--key-id", "hr-approvals-2026"]).status == 0)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("hr-approvals-2026.public.json").path))
        #expect(try project.run(["keygen", "--out", directory.path, "--key-id", "../escape"]).status == 2)
    }

    @Test func aKeyOthersCanReadIsRefused() throws {
        let project = try ApprovalProject()
        defer { project.remove() }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: project.keyPath.path)
        let approve = try project.approve()
        #expect(approve.status == 2)
        #expect(approve.stderr.contains("readable by others"))
    }

    @Test func aPrivateKeyAmongTheTrustedKeysIsAConfigurationError() throws {
        let project = try ApprovalProject()
        defer { project.remove() }
        try FileManager.default.copyItem(at: project.keyPath, to: project.root.appendingPathComponent("Rubrics/trusted-keys/oops.json"))
        let verify = try project.verify()
        #expect(verify.status == 2)
        #expect(verify.stderr.contains("PRIVATE key"))
    }

    @Test func signingWithAnUntrustedKeyIsRefused() throws {
        let project = try ApprovalProject()
        defer { project.remove() }
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("Rubrics/trusted-keys"))
        let approve = try project.approve()
        #expect(approve.status == 2)
        #expect(approve.stderr.contains("is not in"))
        #expect(!FileManager.default.fileExists(atPath: project.records.path))
    }

    @Test func theEnvironmentVariableTakesAPathOrTheKeyItself() throws {
        let project = try ApprovalProject()
        defer { project.remove() }
        let byPath = try project.run(["approve", ApprovalProject.finance], environment: [ApprovalSigningKey.environmentVariable: project.keyPath.path])
        #expect(byPath.status == 0, "\(byPath.stderr)")
        let inline = try project.run(["approve", ApprovalProject.software], environment: [ApprovalSigningKey.environmentVariable: project.key.fileText])
        #expect(inline.status == 0, "\(inline.stderr)")
        #expect(try project.verify(["--strict"]).status == 0)
        let none = try project.run(["approve"])
        #expect(none.status == 2)
        #expect(none.stderr.contains(ApprovalSigningKey.environmentVariable))
    }
}
