import Foundation
import LocatedDocument
import Panel
import ProfileModel
import Reviewers
import Testing

/// The panel must approve good profiles and reject degraded ones on the right dimension.
@Suite("Calibration: bundled profiles and degraded variants")
struct CalibrationTests {
    static let upstream = "Profiles/manufacturing-operations/production-supervision-upstream.yaml"

    static func failingDimensions(_ review: LevelReview) -> Set<Dimension> {
        var failing = Set(Dimension.allCases.filter { (review.scores[$0] ?? 1) < 4 })
        for finding in review.findings where finding.severity == .blocker { failing.insert(finding.dimension) }
        return failing
    }

    /// The upstream profile with `bullets` appended to every level's responsibilities.
    static func upstreamWithBulletsAdded(_ bullets: [String]) throws -> DocumentNode {
        var document = try PanelTestSupport.document(upstream)
        for index in 0..<(document["levels"]?.arrayValue?.count ?? 0) {
            document.update([.key("levels"), .index(index), .key("responsibilities")]) { node in
                guard case .array(let items) = node.value else { return }
                node.value = .array(items + bullets.map { DocumentNode(.string($0)) })
            }
        }
        return document
    }

    /// Prints the scores of a variant, so the calibration figures can be read from the test log.
    static func record(_ variant: String, _ reviews: [LevelReview]) {
        for review in reviews {
            let scores = Dimension.allCases.map { ApprovalGate.format(review.scores[$0] ?? 0) }.joined(separator: " ")
            print("calibration | \(variant) | \(review.level) | \(scores) | \(review.decision.rawValue)")
        }
    }

    static func describe(_ reviews: [LevelReview]) -> String {
        reviews.map { review in
            "\(review.id) \(review.decision) " + Dimension.allCases.map { "\($0.rawValue)=\(review.scores[$0] ?? 0)" }.joined(separator: " ")
                + " " + review.findings.filter { $0.severity != .info }.map { "[\($0.severity) \($0.rule)] \($0.message)" }.joined(separator: "; ")
        }.joined(separator: "\n")
    }

    @Test func everyBundledProfileIsApproved() throws {
        let profilesDirectory = PanelTestSupport.packageRoot.appendingPathComponent("Profiles").path
        let enumerator = FileManager.default.enumerator(atPath: profilesDirectory)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".yaml") { files.append(path) }
        }
        #expect(files.count >= 6)
        for file in files.sorted() {
            let reviews = try PanelTestSupport.review(try PanelTestSupport.document("Profiles/" + file))
            Self.record("bundled " + file, reviews)
            #expect(reviews.allSatisfy { $0.decision == .approved }, "\(file)\n\(Self.describe(reviews))")
        }
    }

    @Test func higherLevelsCopiedFromM1AreRejectedOnLevelDifferentiation() throws {
        var document = try PanelTestSupport.document(Self.upstream)
        let m1 = try #require(document["levels"]?.arrayValue?[0]["responsibilities"])
        for index in [1, 2] {
            document.update([.key("levels"), .index(index), .key("responsibilities")]) { $0 = m1 }
        }
        let reviews = try PanelTestSupport.review(document)
        Self.record("M2/M3 bullets copied from M1", reviews)
        for review in reviews.dropFirst() {
            #expect(review.decision == .rejected, "\(Self.describe([review]))")
            #expect(Self.failingDimensions(review).contains(.levelDifferentiation), "\(Self.describe([review]))")
        }
    }

    @Test func equipmentNamesReplacedByEquipmentAreRejectedOnConcreteness() throws {
        var document = try PanelTestSupport.document(Self.upstream)
        let pack = try #require(PanelTestSupport.rubric.knowledge.domains["biomanufacturing"])
        let names = pack.entities.flatMap { [$0.name] + $0.aliases }.sorted { $0.count > $1.count }
        document.update([.key("levels")]) { levels in
            levels.mapStrings { text in
                var text = text
                for name in names { text = text.replacingOccurrences(of: name, with: "equipment", options: .caseInsensitive) }
                return text
            }
        }
        let reviews = try PanelTestSupport.review(document)
        Self.record("equipment names replaced by equipment", reviews)
        #expect(reviews.contains { Self.failingDimensions($0).contains(.concreteness) && $0.decision == .rejected },
                "\(Self.describe(reviews))")
    }

    @Test func vagueFillerIsRejectedOnConcreteness() throws {
        let document = try Self.upstreamWithBulletsAdded([
            "Handles various tasks as needed and helps with other things, etc.",
            "Performs other duties as assigned by management when appropriate.",
        ])
        let reviews = try PanelTestSupport.review(document)
        Self.record("vague filler added", reviews)
        for review in reviews {
            #expect(review.decision == .rejected && Self.failingDimensions(review).contains(.concreteness), "\(Self.describe([review]))")
        }
    }

    @Test func downstreamDutiesInTheUpstreamProfileAreRejectedOnFocusSpecificity() throws {
        let document = try Self.upstreamWithBulletsAdded([
            "Runs Protein A capture chromatography on the ÄKTA process skid and packs MabSelect columns for each purification campaign.",
            "Performs viral filtration with Planova filters and low-pH viral inactivation holds before bulk drug substance fill.",
        ])
        let reviews = try PanelTestSupport.review(document)
        Self.record("downstream duties mixed in", reviews)
        for review in reviews {
            #expect(review.decision == .rejected && Self.failingDimensions(review).contains(.focusSpecificity), "\(Self.describe([review]))")
        }
    }

    @Test func payMedianAboveHighIsRejectedOnFactualAccuracy() throws {
        var document = try PanelTestSupport.document(Self.upstream)
        let high = try #require(document["levels"]?.arrayValue?[1]["pay"]?["high"]?.doubleValue)
        document.set([.key("levels"), .index(1), .key("pay"), .key("median")], to: .integer(Int(high) + 15_000))
        let reviews = try PanelTestSupport.review(document)
        Self.record("pay median above high (M2)", reviews)
        let review = try #require(reviews.first { $0.level == "M2" })
        #expect(review.decision == .rejected, "\(Self.describe([review]))")
        #expect(Self.failingDimensions(review).contains(.factualAccuracy), "\(Self.describe([review]))")
    }

    @Test func aClassificationCodeThatDoesNotExistIsRejectedOnFactualAccuracy() throws {
        var document = try PanelTestSupport.document(Self.upstream)
        document.set([.key("classifications"), .index(0), .key("code")], to: .string("51-9999.00"))
        let reviews = try PanelTestSupport.review(document)
        Self.record("O*NET code that does not exist", reviews)
        for review in reviews {
            #expect(review.decision == .rejected && Self.failingDimensions(review).contains(.factualAccuracy), "\(Self.describe([review]))")
        }
    }

    @Test func removedSourcesAreRejected() throws {
        var document = try PanelTestSupport.document(Self.upstream)
        let sources = try #require(document["sources"]?.arrayValue)
        var pay = try #require(sources.first { $0["supports"]?.arrayValue?.contains { $0.stringValue == "pay" } == true })
        pay.set([.key("supports")], to: DocumentNode.strings(["pay"]))
        document.set([.key("sources")], to: .array([pay]))
        let reviews = try PanelTestSupport.review(document)
        Self.record("sources removed", reviews)
        for review in reviews {
            #expect(review.decision == .rejected, "\(Self.describe([review]))")
            #expect(review.gateReasons.contains { $0.hasPrefix("provenance incomplete") })
            #expect(review.findings.contains { $0.rule == "unsourced_layer" && $0.severity == .blocker })
        }
    }
}
