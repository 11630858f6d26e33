import LocatedDocument
import ProfileLoading
import Reporting
import Testing

/// How merge combines the `waivers` members: per waiver, what each input says (nothing, a level its
/// profile lacks, a profile it did not review) decides what the unsharded run lists.
@Suite("Merging the waivers of review JSON documents")
struct ReviewJSONMergerWaiverTests {
    /// A waiver problem as `ReviewJSONReporter` writes it, for the waiver entry `/waivers/<index>`.
    static func problem(_ index: Int, _ kind: String, failsRun: Bool) -> JSONValue {
        .object([
            ("rule", .string("waiver_unmatched")), ("kind", .string(kind)), ("fails_run", .bool(failsRun)),
            ("message", .string("waiver \(index): \(kind), \(failsRun ? "failing" : "not checked")")),
            ("profile", .string("P\(index).F")), ("waived_rule", .string("vague_language")),
            ("file", .string("Rubrics/waivers.yaml")), ("line", .int(3 + 6 * index)), ("column", .int(5)),
            ("pointer", .string("/waivers/\(index)")),
        ])
    }

    static func notReviewed(_ index: Int, failing: Bool) -> JSONValue { problem(index, "profile_not_reviewed", failsRun: failing) }
    static func missingLevel(_ index: Int) -> JSONValue { problem(index, "level_not_in_profile", failsRun: true) }

    /// A review document with one approved level profile per file, `waived` of its findings waived.
    /// - Parameter corpusProblems: `shard.waiver_problems`; the document is a shard `index`/`count` when given.
    static func document(
        _ file: String, waived: Int = 0, problems: [JSONValue], shard: (index: Int, count: Int)? = nil,
        corpusProblems: [JSONValue]? = nil, recordsCorpusProblems: Bool = true
    ) -> ReviewJSONMerger.Input {
        let waiver = JSONValue.object([("profile", .string("P0.F")), ("reason", .string("on purpose"))])
        let findings = (0..<waived).map { _ in JSONValue.object([("rule", .string("vague_language")), ("waiver", waiver)]) }
            + [.object([("rule", .string("onet_coverage")), ("waiver", .null)])]
        var members: [(String, JSONValue)] = [
            ("tool", .object([("name", .string("review-profile")), ("version", .string("0.1.0"))])),
            ("rubric", .object([("id", .string("r")), ("version", .string("1")), ("sha256", .string("ab"))])),
        ]
        if let shard {
            var metadata: [(String, JSONValue)] = [
                ("index", .int(shard.index)), ("count", .int(shard.count)), ("files", .int(1)),
                ("corpus_files", .int(shard.count)), ("corpus_fingerprint", .string("0123456789abcdef")),
            ]
            if recordsCorpusProblems { metadata.append(("waiver_problems", .array(corpusProblems ?? problems))) }
            members.append(("shard", .object(metadata)))
        }
        members += [
            ("profiles", .array([.object([
                ("id", .string("\(file).M1")), ("file", .string(file)), ("decision", .string("approved")), ("findings", .array(findings)),
            ])])),
            ("waivers", .object([("waived_findings", .int(waived)), ("problems", .array(problems))])),
            ("summary", .object([("approved", .int(1)), ("rejected", .int(0)), ("invalid", .int(0))])),
        ]
        return ReviewJSONMerger.Input(
            name: shard.map { "shard-\($0.index).json" } ?? "\(file).json",
            bytes: Array((JSONValue.object(members).prettySerialized() + "\n").utf8)
        )
    }

    /// The `waivers` member of a merged document, as its text.
    static func waivers(_ merged: ReviewJSONMerger.Merged) throws -> String {
        let root = try JSONReader.read(Array(merged.text.utf8))
        return JSONValue(try #require(root["waivers"])).serialized()
    }

    static func expected(waived: Int, _ problems: [JSONValue]) -> String {
        JSONValue.object([("waived_findings", .int(waived)), ("problems", .array(problems))]).serialized()
    }

    @Test func aProblemStaysOnlyWhenEveryShardHasItAndTakesTheUnshardedJudgement() throws {
        // Waiver 0: shard 2 reviewed the level shard 1 lacks (one profile id in two files): no problem.
        // Waiver 1: shard 2 reviewed the profile without the level: a missing level, once.
        // Waiver 2: no shard reviewed the profile: the whole-corpus judgement (failing) of the shards.
        // Waiver 3: shard 1 reviewed it: no problem.
        let first = Self.document(
            "a.yaml", waived: 2, problems: [Self.missingLevel(0), Self.notReviewed(1, failing: false), Self.notReviewed(2, failing: false)],
            shard: (1, 2), corpusProblems: [Self.missingLevel(0), Self.notReviewed(1, failing: true), Self.notReviewed(2, failing: true)]
        )
        let second = Self.document(
            "b.yaml", waived: 1,
            problems: [Self.missingLevel(1), Self.notReviewed(2, failing: false), Self.notReviewed(3, failing: false)],
            shard: (2, 2),
            corpusProblems: [Self.missingLevel(1), Self.notReviewed(2, failing: true), Self.notReviewed(3, failing: true)]
        )
        for inputs in [[first, second], [second, first]] {
            let merged = try ReviewJSONMerger.merge(inputs)
            #expect(try Self.waivers(merged) == Self.expected(waived: 3, [Self.missingLevel(1), Self.notReviewed(2, failing: true)]))
            #expect(merged.failingWaiverProblems == 2 && !merged.passed && merged.approved == 2)
            #expect(!merged.text.contains("not checked") && !merged.text.contains("waiver_problems"))
        }
    }

    @Test func aSelectionsUncheckedWaiversDoNotFailTheMerge() throws {
        let first = Self.document("a.yaml", problems: [Self.notReviewed(0, failing: false)], shard: (1, 2))
        let second = Self.document("b.yaml", problems: [Self.notReviewed(0, failing: false)], shard: (2, 2))
        let merged = try ReviewJSONMerger.merge([first, second])
        #expect(try Self.waivers(merged) == Self.expected(waived: 0, [Self.notReviewed(0, failing: false)]))
        #expect(merged.failingWaiverProblems == 0 && merged.passed)
    }

    @Test func plainDocumentsOverDisjointPathsCombineTheSameWay() throws {
        // b.json was a review of all of Profiles/ (its unreviewed profile fails); a.json of some files.
        let plainA = Self.document("a.yaml", problems: [Self.notReviewed(0, failing: false), Self.notReviewed(1, failing: false)])
        let plainB = Self.document("b.yaml", problems: [Self.notReviewed(1, failing: true)])
        for inputs in [[plainA, plainB], [plainB, plainA]] {
            let merged = try ReviewJSONMerger.merge(inputs)
            #expect(try Self.waivers(merged) == Self.expected(waived: 0, [Self.notReviewed(1, failing: true)]))
            #expect(merged.failingWaiverProblems == 1)
        }
    }

    @Test func editedOrOlderInputsAreConfigurationErrors() {
        func message(_ inputs: [ReviewJSONMerger.Input]) -> String? {
            do {
                _ = try ReviewJSONMerger.merge(inputs)
                return nil
            } catch {
                return error.message
            }
        }
        let second = Self.document("b.yaml", problems: [], shard: (2, 2))
        // waived_findings that the profiles do not hold.
        let inflated = Self.document("a.yaml", waived: 1, problems: [], shard: (1, 2))
        let inflatedText = String(decoding: inflated.bytes, as: UTF8.self)
            .replacingOccurrences(of: #""waived_findings": 1"#, with: #""waived_findings": 4"#)
        #expect(message([ReviewJSONMerger.Input(name: "shard-1.json", bytes: Array(inflatedText.utf8)), second])
            == "the inputs count 4 waived findings but their profiles hold 1")
        // A shard of a build that did not record the unsharded judgement.
        let old = Self.document("a.yaml", problems: [], shard: (1, 2), recordsCorpusProblems: false)
        #expect(message([old, second])?.hasPrefix("the \"shard\" member has no \"waiver_problems\"") == true)
        // The two lists of a shard name different waivers.
        let mismatched = Self.document("a.yaml", problems: [Self.notReviewed(0, failing: false)], shard: (1, 2), corpusProblems: [])
        #expect(message([mismatched, second]) == "shard.waiver_problems does not list the waivers of waivers.problems")
        // A kind this build does not know.
        let unknown = Self.document("a.yaml", problems: [Self.problem(0, "level_renamed", failsRun: true)], shard: (1, 2))
        #expect(message([unknown, second]) == "unknown waiver problem kind \"level_renamed\"")
    }
}
