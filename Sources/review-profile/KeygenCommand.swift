import ArgumentParser
import Foundation
import ProfileLoading
import Provenance

struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keygen",
        abstract: "Create an Ed25519 key pair for signing approval records.",
        discussion: """
            Writes <key-id>.private.json (mode 0600: keep it outside the repository, never commit it) and \
            <key-id>.public.json into DIR. The key id is the public key's fingerprint \
            (ed25519-<16 hex digits of its SHA-256>) unless --key-id names it. Existing files are never overwritten.

            To let the key sign approvals, copy the public key file into Rubrics/trusted-keys/ and commit it.

            Examples:
              review-profile keygen --out ~/.review-profile
              cp ~/.review-profile/ed25519-*.public.json Rubrics/trusted-keys/
            """
    )

    @Option(name: .long, help: ArgumentHelp("Directory for the key files (created, mode 0700, when missing).", valueName: "dir"))
    var out: String

    @Option(name: .long, help: ArgumentHelp("Key id (A–Z a–z 0–9 . _ -, at most 64); default: the key's fingerprint.", valueName: "id"))
    var keyID: String?

    func validate() throws {
        if let keyID, !KeyIdentifier.isValid(keyID) {
            throw ValidationError("--key-id must be 1–64 characters of A–Z a–z 0–9 . _ - and not start with a dot")
        }
    }

    func run() throws {
        let key = ApprovalSigningKey.generate(keyID: keyID)
        let privatePath = out + "/" + key.keyID + ".private.json"
        let publicPath = out + "/" + key.keyID + ".public.json"
        for path in [privatePath, publicPath] where FileManager.default.fileExists(atPath: path) {
            throw ConfigurationError("\(path) exists; keygen never overwrites a key")
        }
        do {
            try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw ConfigurationError("cannot create \(out): \(error.localizedDescription)")
        }
        try AtomicFile.write(Data(key.fileText.utf8), to: privatePath, permissions: 0o600)
        try AtomicFile.write(Data(key.publicKey.fileText.utf8), to: publicPath, permissions: 0o644)
        let layout = ProjectLayout.discover()
        if ProjectRelativePath.of(privatePath, root: layout.root) != nil {
            FileHandle.standardError.write(Data("warning: \(privatePath) is inside the project \(layout.root): never commit it\n".utf8))
        }
        print("""
            key id:      \(key.keyID)
            private key: \(privatePath)  (mode 0600; keep it secret, outside the repository)
            public key:  \(publicPath)
            next: cp \(publicPath) Rubrics/trusted-keys/ && git add Rubrics/trusted-keys/
            """)
    }
}
