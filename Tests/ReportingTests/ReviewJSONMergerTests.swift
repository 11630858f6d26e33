import LocatedDocument
import ProfileLoading
import Reporting
import Testing

@Suite("Merging review JSON documents (the library behind review-profile merge)")
struct ReviewJSONMergerTests {
    static func document(shard: (Int, Int, Int)?, files: [(String, [String])], extra: [(String, JSONValue)] = [],
                         summaryExtra: [(String, JSONValue)] = []) -> ReviewJSONMerger.Input {
        var profiles: [JSONValue] = []
        for (file, decisions) in files {
            for (index, decision) in decisions.enumerated() {
                profiles.append(.object([("id", .string("\(file).L\(index)")), ("file", .string(file)), ("decision", .string(decision)),
                                         ("min_score", .double(4.5))]))
            }
        }
        func count(_ decision: String) -> Int { files.flatMap(\.1).count { $0 == decision } }
        var members: [(String, JSONValue)] = [
            ("tool", .object([("name", .string("review-profile")), ("version", .string("0.1.0"))])),
            ("rubric", .object([("id", .string("r")), ("version", .string("1")), ("sha256", .string("ab"))])),
        ]
        if let (index, total, corpus) = shard {
            members.append(("shard", .object([("index", .int(index)), ("count", .int(total)), ("files", .int(files.count)),
                                              ("corpus_files", .int(corpus)), ("corpus_fingerprint", .string("0123456789abcdef"))])))
        }
        members += extra
        members.append(("profiles", .array(profiles)))
        members.append(("summary", .object([("approved", .int(count("approved"))), ("rejected", .int(count("rejected"))),
                                            ("invalid", .int(count("invalid")))] + summaryExtra)))
        let name = shard.map { "shard-\($0.0).json" } ?? "plain.json"
        return ReviewJSONMerger.Input(name: name, bytes: Array((JSONValue.object(members).prettySerialized() + "\n").utf8))
    }

    @Test func ordersFilesAsDiscoveryDoesAndKeepsLevelOrderWithinAFile() throws {
        let whole = Self.document(shard: nil, files: [("A/x.yaml", ["approved", "rejected"]), ("B.yaml", ["invalid"]),
                                                      ("a/y.yaml", ["approved"]), ("é.yaml", ["approved", "approved"])])
        let first = Self.document(shard: (1, 2, 4), files: [("B.yaml", ["invalid"]), ("é.yaml", ["approved", "approved"])])
        let second = Self.document(shard: (2, 2, 4), files: [("A/x.yaml", ["approved", "rejected"]), ("a/y.yaml", ["approved"])])
        let merged = try ReviewJSONMerger.merge([first, second])
        let expected = try ReviewJSONMerger.merge([whole])
        #expect(merged.text == expected.text)
        #expect(merged.text == String(decoding: whole.bytes, as: UTF8.self))
        #expect(merged.approved == 4 && merged.rejected == 1 && merged.invalid == 1 && !merged.passed)
    }

    @Test func membersItDoesNotKnowPassThroughAndExtraCountsAreSummed() throws {
        let corpus: (String, JSONValue) = ("corpus", .object([("index_sha256", .string("feed"))]))
        let first = Self.document(shard: (1, 2, 2), files: [("a.yaml", ["approved"])], extra: [corpus], summaryExtra: [("waived", .int(2))])
        let second = Self.document(shard: (2, 2, 2), files: [("b.yaml", ["approved"])], extra: [corpus], summaryExtra: [("waived", .int(3))])
        let merged = try ReviewJSONMerger.merge([second, first])
        #expect(merged.text.contains(#""index_sha256": "feed""#) && merged.text.contains(#""waived": 5"#) && merged.passed)
        #expect(!merged.text.contains(#""shard""#))
        let other = Self.document(shard: (2, 2, 2), files: [("b.yaml", ["approved"])],
                                  extra: [("corpus", .object([("index_sha256", .string("beef"))]))], summaryExtra: [("waived", .int(3))])
        #expect(throws: ConfigurationError.self) { try ReviewJSONMerger.merge([first, other]) }
    }

    @Test func aFileSplitAcrossInputsOrRepeatedInOneIsAnOverlap() {
        let split1 = Self.document(shard: nil, files: [("a.yaml", ["approved"])])
        let split2 = Self.document(shard: nil, files: [("a.yaml", ["approved"]), ("b.yaml", ["approved"])])
        #expect(throws: ConfigurationError.self) { try ReviewJSONMerger.merge([split1, split2]) }
        let repeated = Self.document(shard: nil, files: [("a.yaml", ["approved"]), ("b.yaml", ["approved"]), ("a.yaml", ["approved"])])
        do {
            _ = try ReviewJSONMerger.merge([repeated])
            Issue.record("expected an overlap")
        } catch {
            #expect(error.message == "a.yaml is reviewed twice in plain.json: the inputs overlap")
        }
    }

    @Test func shardFileCountsMustAddUpToTheCorpus() {
        let first = Self.document(shard: (1, 2, 5), files: [("a.yaml", ["approved"])])
        let second = Self.document(shard: (2, 2, 5), files: [("b.yaml", ["approved"])])
        do {
            _ = try ReviewJSONMerger.merge([first, second])
            Issue.record("expected a coverage error")
        } catch {
            #expect(error.message == "the shards reviewed 2 files in all, but the corpus has 5")
        }
    }
}
