import ArgumentParser
import Foundation
import Panel
import ProfileLoading
import Provenance

struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Review profiles and append a signed approval record for every level profile the gate approves.",
        discussion: """
            Runs the same review as `review`. For each approved level profile it appends one signed JSON line to \
            Reports/approvals/<level-profile-id>.jsonl (hash-chained to the line before; the file is rewritten \
            atomically). Rejected level profiles get no record. When the latest record already holds the same \
            judgement (content, rubric, tool, scores, findings, key), nothing is appended.

            The signing key comes from --signing-key FILE, else from $REVIEW_PROFILE_SIGNING_KEY: a path to the \
            key file, or the key file's JSON itself when the value starts with `{`. Its public key must be in \
            Rubrics/trusted-keys/. A key file readable by others is refused.

            Exit 0 when every level profile is approved and recorded, 1 when any is rejected, invalid or refused \
            (an existing record file that does not verify is never extended), 2 on configuration errors.
            SOURCE_DATE_EPOCH fixes reviewed_at; git_commit is `git rev-parse HEAD` when available.

            Examples:
              review-profile approve --signing-key ~/.review-profile/ed25519-0123456789abcdef.private.json
              REVIEW_PROFILE_SIGNING_KEY=~/key.private.json review-profile approve Profiles/clinical-nursing
            """
    )

    @Argument(help: ArgumentHelp("Files or directories to approve (default: Profiles/).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Private key file (default: $REVIEW_PROFILE_SIGNING_KEY).", valueName: "file"))
    var signingKey: String?

    @OptionGroup var rubricOptions: RubricOptions

    func run() throws {
        let layout = try ProjectLayout.configured()
        let key = try ApprovalSigningKey.resolve(option: signingKey, environment: ProcessInfo.processInfo.environment)
        let rubricDirectory = rubricOptions.rubricDirectory(in: layout)
        let verifier = try ApprovalVerifier.project(root: layout.root, rubricDirectory: rubricDirectory)
        guard verifier.trustedKeys.trusts(key.publicKey) else {
            throw ConfigurationError(
                "signing key \(key.keyID) is not in \(TrustedKeys.directory(inRubric: rubricDirectory))/: its records would not verify",
                hint: "add its public key file there first (review-profile keygen wrote <key-id>.public.json beside the private key)"
            )
        }
        let files = try ProfileDiscovery().discover(paths.isEmpty ? [layout.profilesDirectory] : paths)
        guard !files.isEmpty else {
            throw ConfigurationError("no YAML or JSON files found in \(paths.isEmpty ? "Profiles/" : paths.joined(separator: ", "))")
        }
        let rubric = try ReviewRubric.load(from: rubricDirectory, today: ReviewDate.today(), limits: rubricOptions.limits)
        // The same review as `review` (corpus findings included); approving never trusts a cache.
        let session = try ReviewSession(
            rubric: rubric, limits: rubricOptions.limits, corpus: CorpusSource(directory: layout.profilesDirectory)
        )
        let run = session.review(files: files, coverage: ReviewCoverage.of(paths: paths, profilesDirectory: layout.profilesDirectory))
        let recorder = ApprovalRecorder(
            signingKey: key, verifier: verifier, reviewedAt: ApprovalClock.now(), gitCommit: GitCommit.head(in: layout.root)
        )
        var counts = (recorded: 0, unchanged: 0, notApproved: 0, refused: 0)
        var lines: [String] = []
        for (review, outcome) in try recorder.record(run) {
            switch outcome {
            case .recorded(let path):
                counts.recorded += 1
                lines.append("recorded      \(review.id)  \(path)")
            case .unchanged(let path):
                counts.unchanged += 1
                lines.append("unchanged     \(review.id)  \(path) (latest record holds this judgement)")
            case .notApproved(let decision):
                counts.notApproved += 1
                let why = review.gateReasons.joined(separator: "; ")
                lines.append("not recorded  \(review.id)  \(decision.rawValue), min \(review.minScore)\(why.isEmpty ? "" : ": " + why)")
            case .refused(let reasons):
                counts.refused += 1
                lines.append("REFUSED       \(review.id)  " + reasons.joined(separator: "\n              "))
            }
        }
        lines += run.files.filter(\.isInvalid).map { "\($0.file): error: cannot be loaded, not reviewed (run review-profile validate)" }
        lines.append(
            "approve: \(counts.recorded) recorded, \(counts.unchanged) unchanged, \(counts.notApproved) not approved, "
                + "\(counts.refused) refused, \(run.invalidCount) invalid files; key \(key.keyID)"
        )
        print(lines.joined(separator: "\n"))
        if counts.notApproved > 0 || counts.refused > 0 || run.invalidCount > 0 {
            throw ExitStatus.profilesFailed.exitCode
        }
    }
}
