import Foundation
import ProfileLoading
import Testing

/// Files written through `AtomicFile` appear whole or not at all: a stream that fails part-way
/// leaves neither the target nor its temporary file, and an old target stays as it was.
@Suite("Atomic files")
struct AtomicFileTests {
    struct Interrupted: Error {}

    static func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("atomic-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aStreamedFileHoldsEveryChunkInOrder() throws {
        let folder = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/nested/out.json"
        try AtomicFile.stream(to: target) { write in
            for index in 0..<100 { try write(Array("chunk \(index)\n".utf8)) }
        }
        let expected = (0..<100).map { "chunk \($0)\n" }.joined()
        #expect(try String(contentsOfFile: target, encoding: .utf8) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/nested") == ["out.json"])
    }

    @Test func aStreamThatFailsLeavesNoFileAndTheOldOneIntact() throws {
        let folder = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let target = folder + "/out.json"
        try AtomicFile.write("old\n", to: target)
        #expect(throws: Interrupted.self) {
            try AtomicFile.stream(to: target) { write in
                try write(Array("new, half".utf8))
                throw Interrupted()
            }
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["out.json"], "no temporary file left behind")
    }
}
