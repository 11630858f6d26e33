import Foundation
import Panel
import ProfileLoading
import ProfileModel
import Reporting
import Reviewers
import Testing

/// The cross-corpus reviewer: a bullet shared nearly verbatim by profiles of many unrelated
/// families is flagged, naming them; shared within one family it is not; the index covers the
/// whole corpus even when one file is reviewed, and its cache spares re-reading the corpus.
@Suite("Cross-corpus boilerplate")
struct CrossCorpusBoilerplateTests {
    static let finance = "Profiles/finance-accounting/general-ledger-close.yaml"
    static let nursing = "Profiles/clinical-nursing/registered-nurse-medical-surgical.yaml"
    static let software = "Profiles/software-engineering/backend-platform-services.yaml"
    static let logistics = "Profiles/logistics-operations/warehouse-operations-supervision.yaml"
    static let upstream = "Profiles/manufacturing-operations/production-supervision-upstream.yaml"
    static let downstream = "Profiles/manufacturing-operations/production-supervision-downstream.yaml"

    /// The shared sentence: the last bullet of the rule's documented failing example.
    static let sentence: String = {
        let overlay = CrossCorpusBoilerplateRule.description.failingExamples[0].overlay
        let line = overlay.split(separator: "\n").last { $0.contains("- ") }!
        return String(line.split(separator: "-", maxSplits: 1)[1]).trimmingCharacters(in: .whitespaces)
    }()

    /// Adds `bullet` as the first responsibility of the profile's first level.
    static func inject(_ bullet: String, into project: CacheProject, _ file: String) throws {
        let text = try project.read(file)
        let marker = "    responsibilities:\n"
        let range = try #require(text.range(of: marker))
        try project.write(file, text.replacingCharacters(in: range, with: marker + "      - \(bullet)\n"))
    }

    static func findings(_ run: ReviewRun, file: String) -> [Finding] {
        run.files.filter { $0.file == file }.flatMap(\.levels).flatMap(\.findings).filter { $0.rule == "cross_corpus_boilerplate" }
    }

    @Test func aBulletSharedByThreeOtherFamiliesIsFlaggedNamingThem() throws {
        let project = try CacheProject(files: [Self.finance, Self.nursing, Self.software, Self.logistics])
        for file in [Self.finance, Self.nursing, Self.software, Self.logistics] { try Self.inject(Self.sentence, into: project, file) }
        let run = try project.review(cache: nil)
        let findings = Self.findings(run, file: Self.finance)
        #expect(findings.count == 1)
        let finding = try #require(findings.first)
        #expect(finding.evidence == Self.sentence)
        #expect(finding.severity == .minor && finding.dimension == .focusSpecificity)
        #expect(finding.message.contains("3 profiles of 3 other families (LOGIST2.LOGISTIC04A1, NURSIN1.NURSING03A1, SOFTWA2.SOFTWARE07B1)"),
                "\(finding.message)")
        #expect(finding.location.line > 1 && finding.pointer?.description == "/levels/0/responsibilities/0")
        // The generic_content reviewer counts the rule's checks and scores the finding.
        let level = try #require(run.files.first { $0.file == Self.finance }?.levels.first)
        let reviewer = try #require(level.reviewers.first { $0.id == "generic_content" })
        #expect(reviewer.rules.contains("cross_corpus_boilerplate") && reviewer.findings.contains(finding))
        for file in [Self.nursing, Self.software, Self.logistics] { #expect(Self.findings(run, file: file).count == 1, "\(file)") }
    }

    @Test func twoOtherFamiliesAreBelowTheThreshold() throws {
        let project = try CacheProject(files: [Self.finance, Self.nursing, Self.software])
        for file in [Self.finance, Self.nursing, Self.software] { try Self.inject(Self.sentence, into: project, file) }
        let run = try project.review(cache: nil)
        #expect(run.files.allSatisfy { Self.findings(run, file: $0.file).isEmpty })
    }

    @Test func aBulletSharedWithinOneFamilyIsNotFlagged() throws {
        // Five profiles of function MANUFA3 (two bundled, three more focuses): one family.
        let project = try CacheProject(files: [Self.upstream, Self.downstream, Self.finance])
        for index in 5...7 {
            let text = try project.read(Self.upstream).replacingOccurrences(of: "MANUFACT13A2", with: "MANUFACT13A\(index)")
            try project.write("Profiles/manufacturing-operations/copy-\(index).yaml", text)
        }
        let manufacturing = [Self.upstream, Self.downstream] + (5...7).map { "Profiles/manufacturing-operations/copy-\($0).yaml" }
        for file in manufacturing { try Self.inject(Self.sentence, into: project, file) }
        let run = try project.review(cache: nil)
        #expect(run.files.count == 6)
        #expect(run.files.allSatisfy { Self.findings(run, file: $0.file).isEmpty })
    }

    @Test func aNearVerbatimCopyCountsAndAnUnrelatedSentenceDoesNot() throws {
        let project = try CacheProject(files: [Self.finance, Self.nursing, Self.software, Self.logistics])
        try Self.inject(Self.sentence, into: project, Self.finance)
        try Self.inject(Self.sentence, into: project, Self.nursing)
        try Self.inject(Self.sentence.replacingOccurrences(of: "improvement", with: "improvements"), into: project, Self.software)
        try Self.inject("Counts pallets received at the dock against the advance shipping notice before the trailer leaves.", into: project, Self.logistics)
        let strict = try project.review(cache: nil)
        // Two other families (one of them near-verbatim) are below 3; lowering the bar to 2 flags it.
        #expect(Self.findings(strict, file: Self.finance).isEmpty)
        let panel = try project.read("Rubrics/panel.yaml")
        try project.write("Rubrics/panel.yaml", panel.replacingOccurrences(of: "min_other_families: 3", with: "min_other_families: 2"))
        let lenient = try project.review(cache: nil)
        let finding = try #require(Self.findings(lenient, file: Self.finance).first)
        #expect(finding.message.contains("2 profiles of 2 other families (NURSIN1.NURSING03A1, SOFTWA2.SOFTWARE07B1)"), "\(finding.message)")
        #expect(Self.findings(lenient, file: Self.logistics).isEmpty)
    }

    @Test func reviewingOneFileSeesTheWholeCorpusAndTheIndexCacheSparesRereading() throws {
        let files = [Self.finance, Self.nursing, Self.software, Self.logistics]
        let project = try CacheProject(files: files)
        for file in files { try Self.inject(Self.sentence, into: project, file) }
        let full = try project.review(cache: nil)
        let expected = Self.findings(full, file: Self.finance)
        #expect(expected.count == 1)

        // Without a cache, the other three are read for the index.
        let uncached = try project.review([Self.finance], cache: nil)
        #expect(Self.findings(uncached, file: Self.finance) == expected)
        #expect(uncached.statistics.corpusFilesRead.count == 3)

        // A full run leaves a fresh index; then one file's review reads no other file.
        _ = try project.review(cache: project.cache())
        let cached = try project.review([Self.finance], cache: project.cache())
        #expect(Self.findings(cached, file: Self.finance) == expected)
        #expect(cached.statistics.corpusFilesRead.isEmpty && cached.statistics.corpusFilesFromCache == 3)

        // Editing another profile re-reads exactly that one, and its change counts.
        let software = try project.read(Self.software)
        try project.write(Self.software, software.replacingOccurrences(of: Self.sentence, with: "Keeps the Terraform state of every service locked, reviewed and backed up."))
        let edited = try project.review([Self.finance], cache: project.cache())
        #expect(edited.statistics.corpusFilesRead.map { $0.hasSuffix(Self.software) } == [true])
        #expect(Self.findings(edited, file: Self.finance).isEmpty, "only two other families share it now")
    }

    /// `check` starts reading the stored index before the rubric has loaded: the run is the one a
    /// review that reads the index itself gives, and a read of another cache's index is not used.
    @Test func anIndexReadStartedFirstGivesTheSameRun() throws {
        let files = [Self.finance, Self.nursing, Self.software, Self.logistics]
        let project = try CacheProject(files: files)
        for file in files { try Self.inject(Self.sentence, into: project, file) }
        _ = try project.review(cache: project.cache())
        let software = try project.read(Self.software)
        try project.write(Self.software, software.replacingOccurrences(of: Self.sentence, with: "Keeps the Terraform state of every service locked."))
        let plain = try project.review([Self.finance], cache: project.cache())
        #expect(plain.statistics.corpusFilesFromCache == 2 && plain.statistics.corpusFilesRead.count == 1)

        let first = try project.reviewReadingIndexFirst([Self.finance], cache: project.cache())
        #expect(ReviewJSONReporter.render(first) == ReviewJSONReporter.render(plain))
        #expect(first.statistics == plain.statistics)

        let elsewhere = ReviewCache(directory: project.root.path + "/another-cache", toolVersion: ToolInfo.version)
        let ignored = try project.reviewReadingIndexFirst([Self.finance], cache: project.cache(), readFrom: elsewhere)
        #expect(ReviewJSONReporter.render(ignored) == ReviewJSONReporter.render(plain))
        #expect(ignored.statistics == plain.statistics, "the session read its own index")
    }

    /// A reviewed file whose bytes stayed but whose fingerprint moved (a checkout, a touch) is
    /// recorded again, so the next run that does not review it does not read it either.
    @Test func aTouchedReviewedFileIsRecordedAgain() throws {
        let files = [Self.finance, Self.nursing, Self.software, Self.logistics]
        let project = try CacheProject(files: files)
        _ = try project.review(cache: project.cache())
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -2)],
                                              ofItemAtPath: project.root.path + "/" + Self.finance)
        let touched = try project.review([Self.finance], cache: project.cache())
        #expect(touched.statistics.corpusFilesRead.isEmpty && touched.statistics.corpusFilesFromCache == 3)
        let next = try project.review([Self.software], cache: project.cache())
        #expect(next.statistics.corpusFilesRead.isEmpty, "the touched file was recorded with its new fingerprint")
        #expect(next.statistics.corpusFilesFromCache == 3)
    }

    /// The stored index names files relative to the corpus directory: a project moved elsewhere
    /// with its cache reads no other file to review one, and finds the same.
    @Test func aMovedProjectKeepsItsStoredIndex() throws {
        let files = [Self.finance, Self.nursing, Self.software, Self.logistics]
        let project = try CacheProject(files: files)
        for file in files { try Self.inject(Self.sentence, into: project, file) }
        _ = try project.review(cache: project.cache())
        let before = try project.review([Self.finance], cache: project.cache())
        let moved = try project.moved()
        let after = try moved.review([Self.finance], cache: moved.cache())
        #expect(after.statistics.corpusFilesRead.isEmpty && after.statistics.corpusFilesFromCache == 3)
        #expect(Self.findings(after, file: Self.finance).map(\.message) == Self.findings(before, file: Self.finance).map(\.message))
        #expect(Self.findings(after, file: Self.finance).count == 1)
    }

    @Test func aDamagedCorpusIndexIsIgnoredAndRebuilt() throws {
        let files = [Self.finance, Self.nursing, Self.software, Self.logistics]
        let project = try CacheProject(files: files)
        for file in files { try Self.inject(Self.sentence, into: project, file) }
        let expected = Self.findings(try project.review(cache: nil), file: Self.finance)
        _ = try project.review(cache: project.cache())
        let index = URL(fileURLWithPath: project.cacheDirectory + "/corpus-index")
        var bytes = try [UInt8](Data(contentsOf: index))
        for damaged in [Array(bytes.prefix(bytes.count - 7)), Array("garbage".utf8), { bytes[bytes.count / 3] ^= 1; return bytes }()] {
            try Data(damaged).write(to: index)
            let run = try project.review([Self.finance], cache: project.cache())
            #expect(Self.findings(run, file: Self.finance) == expected)
            #expect(run.statistics.corpusFilesRead.count == 3, "a damaged index is not trusted")
            let again = try project.review([Self.finance], cache: project.cache())
            #expect(again.statistics.corpusFilesRead.isEmpty, "and it was rebuilt")
            bytes = try [UInt8](Data(contentsOf: index))
        }
    }

    @Test(arguments: [("min_similarity: 0.7", "min_similarity: 0.75"), ("family_grouping: \"function\"", "family_grouping: \"focus\"")])
    func aStoredIndexBuiltUnderOtherIndexParametersIsRebuilt(old: String, new: String) throws {
        // The panel is not among the corpus index's dependency inputs; the stored index records the
        // grouping and the similarity bar it was built with, and is not used under others.
        let files = [Self.finance, Self.nursing, Self.software, Self.logistics]
        let project = try CacheProject(files: files)
        for file in files { try Self.inject(Self.sentence, into: project, file) }
        _ = try project.review(cache: project.cache())
        let panel = try project.read("Rubrics/panel.yaml")
        #expect(panel.contains(old))
        try project.write("Rubrics/panel.yaml", panel.replacingOccurrences(of: old, with: new))
        let cached = try project.review([Self.finance], cache: project.cache())
        #expect(cached.statistics.corpusFilesRead.count == 3, "the index was not reused")
        let uncached = try project.review([Self.finance], cache: nil)
        #expect(Self.findings(cached, file: Self.finance) == Self.findings(uncached, file: Self.finance))
        let again = try project.review([Self.finance], cache: project.cache())
        #expect(again.statistics.corpusFilesRead.isEmpty, "and it was stored again under the new parameters")
    }

    @Test func aReviewedFileOutsideTheCorpusJoinsThatRunOnlyNotTheStoredIndex() throws {
        // Three families in Profiles/ share the sentence; a draft outside Profiles/ is a fourth.
        let files = [Self.finance, Self.nursing, Self.software]
        let project = try CacheProject(files: files + [Self.logistics])
        for file in files { try Self.inject(Self.sentence, into: project, file) }
        let draft = "Drafts/warehouse.yaml"
        try project.write(draft, try project.read(Self.logistics))
        try Self.inject(Self.sentence, into: project, draft)
        for cache in [nil, project.cache()] {
            let run = try project.review([draft], cache: cache)
            let finding = try #require(Self.findings(run, file: draft).first, "the draft sees the corpus")
            #expect(finding.message.contains("3 profiles of 3 other families"), "\(finding.message)")
        }
        // The draft was reviewed with the corpus but is not part of it: a corpus file still sees two other families.
        let corpusRun = try project.review([Self.finance], cache: project.cache())
        #expect(Self.findings(corpusRun, file: Self.finance).isEmpty)
        #expect(Self.findings(try project.review([Self.finance], cache: nil), file: Self.finance).isEmpty)
    }

    @Test func theBundledProfilesShareNoBoilerplateAndStayApproved() throws {
        let rubric = PanelTestSupport.rubric
        let directory = PanelTestSupport.packageRoot.appendingPathComponent("Profiles").path
        let session = try ReviewSession(rubric: rubric, corpus: CorpusSource(directory: directory))
        let run = session.review(files: try ProfileDiscovery().discover([directory]))
        #expect(run.files.count == 7 && run.passed)
        #expect(run.levelReviews.allSatisfy { review in review.findings.allSatisfy { $0.rule != "cross_corpus_boilerplate" } })
        let checks = run.levelReviews.flatMap(\.reviewers).filter { $0.id == "generic_content" }.map(\.checksRun)
        #expect(checks.allSatisfy { $0 > 0 })
    }

    @Test func theIndexStaysCorrectWhenOneSignatureIsInManyProfiles() {
        // 600 profiles of 200 families all carry one sentence; a lone one and a near copy are found too.
        let scheme = CrossCorpusBoilerplateRule.scheme(RuleParameters(declared: CrossCorpusBoilerplateRule.description.parameters))
        var profiles: [(key: String, profile: CorpusProfile)] = []
        for index in 0..<600 {
            let bullets = [(level: "P1", text: Self.sentence), (level: "P1", text: "Duty \(index) keeps ledger \(index * 31) balanced against \(index * 97) entries nightly")]
            profiles.append((key: "f\(index)", profile: CorpusProfile(
                profileID: "F\(index % 200).X\(index)", functionCode: "F\(index % 200)", focusCode: "X\(index)", bullets: bullets, scheme: scheme)))
        }
        let index = CorpusIndex(profiles: profiles, grouping: .function, scheme: scheme, minSimilarity: 0.7)
        #expect(index.clusterCount == 601)
        let member = index.member(forKey: "f0")!
        let shared = index.neighbourhood(ofCluster: index.cluster(member: member, bullet: 0)!)
        #expect(shared.members.count == 600 && shared.familyCount == 200 && shared.count(inFamily: index.members[member].family) == 3)
        let unique = index.neighbourhood(ofCluster: index.cluster(member: member, bullet: 1)!)
        #expect(unique.members.count == 1)
    }
}
