import Foundation
import Panel
import ProfileLoading

/// What verification needs to know about one level profile as it stands now.
public struct ApprovalSubject: Sendable {
    public var levelProfileID: String
    /// As the user named it (shown in output); compared with records relative to the project root.
    public var file: String
    public var contentSHA256: String

    public init(levelProfileID: String, file: String, contentSHA256: String) {
        self.levelProfileID = levelProfileID
        self.file = file
        self.contentSHA256 = contentSHA256
    }

    public init(_ review: LevelReview) {
        self.init(levelProfileID: review.id, file: review.file, contentSHA256: review.contentSHA256)
    }
}

/// Classifies level profiles as approved, stale, unapproved or tampered from their record files.
/// This is the library behind `review-profile verify`, and what status reports call.
public struct ApprovalVerifier: Sendable {
    public var trustedKeys: TrustedKeys
    /// `Reports/approvals` of the project.
    public var recordsDirectory: String
    /// Record `file` fields are relative to this directory.
    public var projectRoot: String

    public init(trustedKeys: TrustedKeys, recordsDirectory: String, projectRoot: String) {
        self.trustedKeys = trustedKeys
        self.recordsDirectory = recordsDirectory
        self.projectRoot = projectRoot
    }

    /// `<reports directory>/approvals`.
    public static func recordsDirectory(inReports reportsDirectory: String) -> String {
        reportsDirectory + "/approvals"
    }

    /// The project's verifier: keys from `<rubric>/trusted-keys`, records from `Reports/approvals`.
    public static func project(root: String, rubricDirectory: String) throws(ConfigurationError) -> ApprovalVerifier {
        ApprovalVerifier(
            trustedKeys: try TrustedKeys.load(from: TrustedKeys.directory(inRubric: rubricDirectory)),
            recordsDirectory: recordsDirectory(inReports: root + "/Reports"), projectRoot: root
        )
    }

    public func status(for run: ReviewRun) -> [ApprovalStatus] {
        status(for: run.levelReviews.map(ApprovalSubject.init), rubricSHA256: run.rubricSHA256)
    }

    public func status(for reviews: [LevelReview], rubricSHA256: String) -> [ApprovalStatus] {
        status(for: reviews.map(ApprovalSubject.init), rubricSHA256: rubricSHA256)
    }

    public func status(for subjects: [ApprovalSubject], rubricSHA256: String) -> [ApprovalStatus] {
        subjects.map { status(of: $0, rubricSHA256: rubricSHA256) }
    }

    /// The record file of a level profile; nil when its id cannot safely name a file.
    public func recordPath(for levelProfileID: String) -> String? {
        Self.isSafeFileName(levelProfileID) ? recordsDirectory + "/" + levelProfileID + ".jsonl" : nil
    }

    /// ASCII letters, digits, `.`, `_` and `-`, not starting with a dot: profile text is untrusted
    /// and must never steer a write outside `Reports/approvals/`.
    static func isSafeFileName(_ name: String) -> Bool {
        guard (1...200).contains(name.utf8.count), !name.hasPrefix(".") else { return false }
        return name.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == 0x2E || byte == 0x5F || byte == 0x2D
        }
    }

    /// The record file as output names it: relative to the project root when inside it.
    public func displayRecordPath(for levelProfileID: String) -> String {
        (ProjectRelativePath.of(recordsDirectory, root: projectRoot) ?? recordsDirectory) + "/" + levelProfileID + ".jsonl"
    }

    public func status(of subject: ApprovalSubject, rubricSHA256: String) -> ApprovalStatus {
        var status = ApprovalStatus(levelProfileID: subject.levelProfileID, file: subject.file, state: .unapproved)
        guard let path = recordPath(for: subject.levelProfileID) else {
            status.reasons = ["level profile id cannot name a record file"]
            return status
        }
        let display = displayRecordPath(for: subject.levelProfileID)
        let chain: RecordChain
        switch RecordChain.read(path: path, displayPath: display, levelProfileID: subject.levelProfileID, trustedKeys: trustedKeys) {
        case .missing:
            status.reasons = ["no approval record"]
            return status
        case .tampered(let reasons):
            status.state = .tampered
            status.reasons = reasons
            return status
        case .intact(let intact):
            chain = intact
        }
        let latest = chain.latest
        let file = ProjectRelativePath.of(subject.file, root: projectRoot) ?? subject.file
        guard latest.file == file else {
            status.state = .tampered
            status.reasons = ["\(display):\(chain.records.count): record is for file \(latest.file), not \(file) (copied, or the profile moved: re-approve)"]
            return status
        }
        status.lastApprovedAt = latest.reviewedAt
        status.rubricVersion = latest.rubric.version
        var reasons: [String] = []
        if latest.contentSHA256 != subject.contentSHA256 {
            reasons.append("content changed since the approval of \(latest.reviewedAt)")
        }
        if latest.rubric.sha256 != rubricSHA256 {
            reasons.append("rubric changed since the approval of \(latest.reviewedAt) (approved under \(latest.rubric.id) \(latest.rubric.version))")
        }
        status.state = reasons.isEmpty ? .approved : .stale
        status.reasons = reasons
        return status
    }
}

extension ApprovalSubject {
    /// The level profiles of loaded files, with their content hashes, without running the panel:
    /// verification needs only what the profiles are now. Files that did not load are returned apart.
    public static func subjects(of results: [FileCheckResult]) -> (subjects: [ApprovalSubject], invalidFiles: [String]) {
        var subjects: [ApprovalSubject] = []
        var invalid: [String] = []
        for result in results {
            guard let profile = result.profile, result.isValid else {
                invalid.append(result.file)
                continue
            }
            let hash = ContentHash.of(profile.document)
            subjects += profile.levelProfiles.map { ApprovalSubject(levelProfileID: $0.id, file: profile.file, contentSHA256: hash) }
        }
        return (subjects, invalid)
    }
}
