import ArgumentParser
import Foundation
import Panel
import ProfileLoading
import SourceChecking

struct SourcesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sources",
        abstract: "List each profile's sources and the layers they back; with --check, verify the URLs.",
        discussion: """
            Flags used layers no source supports, sources no used layer needs, duplicate URLs (scheme, www., \
            fragment and trailing slash ignored) and retrieved dates after today (SOURCE_DATE_EPOCH fixes today).

            --check requests every distinct URL (HEAD, then GET when HEAD is rejected), follows up to 5 redirects \
            by hand and records status, final URL, content type, retrieved_at and the SHA-256 of the body read \
            into Reports/sources.json. Profile URLs are untrusted: a URL whose host is, or resolves to, a loopback, \
            private, link-local (cloud metadata), CGNAT or unspecified address is refused without connecting, \
            on every redirect hop, unless --allow-private is given. Dead and refused links are problems.

            Exit 0 when there are no problems, 1 when there are, 2 on configuration errors.

            Examples:
              review-profile sources
              review-profile sources Profiles/clinical-nursing --format json
              review-profile sources --check --concurrency 8 --timeout 5
              review-profile sources --check --allow-private --output /tmp/sources.json
            """
    )

    @Argument(help: ArgumentHelp("Files or directories (default: Profiles/).", valueName: "path"))
    var paths: [String] = []

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Request every distinct source URL and record what it returns.")
    var check = false

    @Option(name: .long, help: ArgumentHelp("URLs checked at the same time.", valueName: "n"))
    var concurrency = 4

    @Option(name: .long, help: ArgumentHelp("Seconds allowed per request and per host lookup.", valueName: "seconds"))
    var timeout: Double = 10

    @Option(name: .long, help: ArgumentHelp("Body bytes read (and hashed) per URL.", valueName: "bytes"))
    var maxBodyBytes = 1 << 20

    @Flag(name: .long, help: "GET every URL (hashing every body) instead of HEAD first.")
    var alwaysGet = false

    @Flag(name: .long, help: "Also check URLs on loopback, private and link-local addresses (internal wikis).")
    var allowPrivate = false

    @Option(name: .long, help: ArgumentHelp("Where --check writes its record (default: Reports/sources.json).", valueName: "file"))
    var output: String?

    @OptionGroup var rubricOptions: RubricOptions

    func validate() throws {
        guard (1...64).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 64") }
        guard timeout > 0, timeout <= 300 else { throw ValidationError("--timeout must be between 0 and 300 seconds") }
        guard maxBodyBytes >= 0 else { throw ValidationError("--max-body-bytes must not be negative") }
        if !check, output != nil || allowPrivate || alwaysGet {
            throw ValidationError("--output, --allow-private and --always-get only apply with --check")
        }
    }

    func run() throws {
        let layout = try ProjectLayout.configured()
        let files = try ProfileDiscovery().discover(paths.isEmpty ? [layout.profilesDirectory] : paths)
        guard !files.isEmpty else {
            throw ConfigurationError("no YAML or JSON files found in \(paths.isEmpty ? "Profiles/" : paths.joined(separator: ", "))")
        }
        let rubric = try RubricSet.load(from: rubricOptions.rubricDirectory(in: layout), limits: rubricOptions.limits)
        let results = ProfileLoader(rubric: rubric, limits: rubricOptions.limits).load(files)
        let inventory = SourceInventory(results: results, today: ReviewDate.today())
        var links: [LinkCheckResult]?
        if check {
            let options = checkOptions()
            let checked = Self.runBlocking { await LinkChecker(options: options).check(inventory.distinctURLs) }
            let record = SourcesJSONRenderer.renderCheckRecord(checked, inventory: inventory, options: options)
            try AtomicFile.write(record, to: output ?? layout.reportsDirectory + "/sources.json")
            links = checked
        }
        switch format {
        case .text: print(SourcesTextRenderer.render(inventory, links: links), terminator: "")
        case .json: print(SourcesJSONRenderer.render(inventory, links: links), terminator: "")
        }
        let linkProblems = links.map(inventory.linkProblems) ?? []
        if !inventory.problems.isEmpty || !linkProblems.isEmpty {
            throw ExitStatus.profilesFailed.exitCode
        }
    }

    private func checkOptions() -> SourceCheckOptions {
        var options = SourceCheckOptions()
        options.concurrency = concurrency
        options.timeout = timeout
        options.maxBodyBytes = maxBodyBytes
        options.alwaysGet = alwaysGet
        options.allowPrivate = allowPrivate
        if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            options.fixedRetrievedAt = Date(timeIntervalSince1970: epoch)
        }
        options.userAgent = "\(ToolInfo.name)/\(ToolInfo.version) (source check)"
        return options
    }

    /// The command tree is synchronous; the check is async. The main thread waits here, outside the
    /// cooperative pool, so the check's tasks never wait on the thread they need.
    private static func runBlocking<Value: Sendable>(_ body: @escaping @Sendable () async -> Value) -> Value {
        let box = ResultBox<Value>()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = await body()
            done.signal()
        }
        done.wait()
        return box.value!
    }
}

/// Carries the async result back to the waiting thread; the semaphore orders the write before the read.
private final class ResultBox<Value>: @unchecked Sendable {
    var value: Value?
}
