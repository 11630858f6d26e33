// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "review-profile",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "review-profile", targets: ["review-profile"]),
        .library(name: "ProfileLoading", targets: ["ProfileLoading"]),
        .library(name: "SchemaValidation", targets: ["SchemaValidation"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "3.12.3"),
    ],
    targets: [
        // libyaml (Debian: libyaml-dev), used only for its event parser.
        .systemLibrary(
            name: "CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // A parsed JSON or YAML document with a source position on every node.
        .target(name: "LocatedDocument", dependencies: ["CLibYAML"]),
        // JSON Schema (draft 2020-12) validator over located documents.
        .target(name: "SchemaValidation", dependencies: ["LocatedDocument"]),
        // The typed profile model and the level catalogue.
        .target(name: "ProfileModel", dependencies: ["LocatedDocument"]),
        // Discovery, hostile-input limits, parse → validate → decode, in parallel.
        .target(name: "ProfileLoading", dependencies: ["LocatedDocument", "SchemaValidation", "ProfileModel"]),
        // Tokenising, stemming, phrase matching and similarity for untrusted profile text.
        .target(name: "TextAnalysis"),
        // The rule protocol, the rubric's knowledge (lexicons, domain packs, O*NET) and every rule.
        .target(name: "Reviewers", dependencies: ["ProfileModel", "LocatedDocument", "TextAnalysis", "ProfileLoading"]),
        // Panel policy, reviewer scoring, the approval gate and the review run.
        .target(
            name: "Panel",
            dependencies: [
                "Reviewers", "ProfileLoading", "ProfileModel", "LocatedDocument", "SchemaValidation",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Approval records: canonical form, Ed25519 signatures, hash chains, verification.
        .target(
            name: "Provenance",
            dependencies: ["Panel", "ProfileLoading", "ProfileModel", "LocatedDocument", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // Source provenance: listing and auditing sources, and checking their URLs (SSRF-guarded).
        .target(
            name: "SourceChecking",
            dependencies: ["ProfileModel", "ProfileLoading", "LocatedDocument", "Reviewers", .product(name: "Crypto", package: "swift-crypto")]
        ),
        // The sticky pull request comment, over the GitHub REST API (URLSession).
        .target(name: "GitHubIntegration", dependencies: ["LocatedDocument", "ProfileLoading"]),
        // Pure functions from results to text, one reporter per format.
        .target(name: "Reporting", dependencies: ["Panel", "Provenance", "ProfileLoading", "ProfileModel", "LocatedDocument"]),
        // The pull request check: git change detection, rubric-change impact, project configuration, check reports.
        .target(
            name: "PullRequestCheck",
            dependencies: ["Panel", "Reporting", "ProfileLoading", "ProfileModel", "LocatedDocument", "SchemaValidation"]
        ),
        // The thin command-line tool.
        .executableTarget(
            name: "review-profile",
            dependencies: [
                "ProfileLoading",
                "Panel",
                "Provenance",
                "Reviewers",
                "Reporting",
                "SourceChecking",
                "GitHubIntegration",
                "PullRequestCheck",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark's corpus generator, parse-only timer and corpus-index timer (scripts/bench.sh); small on purpose.
        .executableTarget(name: "review-profile-bench", dependencies: ["LocatedDocument", "Reviewers"]),
        // Test support: runs the built binary for the end-to-end tests, and a loopback HTTP server (not part of the product).
        .target(name: "_CommandTestSupport", dependencies: ["ProfileLoading"], path: "Sources/_CommandTestSupport"),
        .testTarget(name: "LocatedDocumentTests", dependencies: ["LocatedDocument"], resources: [.copy("Fixtures")]),
        .testTarget(name: "SchemaValidationTests", dependencies: ["SchemaValidation", "LocatedDocument"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ProfileLoadingTests", dependencies: ["ProfileLoading"], resources: [.copy("Fixtures")]),
        .testTarget(name: "TextAnalysisTests", dependencies: ["TextAnalysis"]),
        .testTarget(name: "ReviewersTests", dependencies: ["Reviewers", "Panel", "ProfileLoading"]),
        .testTarget(name: "PanelTests", dependencies: ["Panel", "Reviewers", "ProfileLoading", "Reporting"], exclude: ["Fixtures"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "Panel", "Provenance", "ProfileLoading", "ProfileModel", "LocatedDocument", "SchemaValidation"], exclude: ["Expected", "Fixtures"]),
        .testTarget(name: "SourceCheckingTests", dependencies: ["SourceChecking", "ProfileLoading", "ProfileModel", "_CommandTestSupport"]),
        .testTarget(name: "ReviewProfileCLITests", dependencies: ["ProfileLoading", "_CommandTestSupport"]),
        .testTarget(name: "GitHubIntegrationTests", dependencies: ["GitHubIntegration", "LocatedDocument", "ProfileLoading", "_CommandTestSupport"]),
        .testTarget(name: "PullRequestCheckTests", dependencies: ["PullRequestCheck", "Panel", "ProfileLoading", "ProfileModel", "LocatedDocument", "_CommandTestSupport"]),
        .testTarget(name: "ProvenanceTests", dependencies: ["Provenance", "Panel", "ProfileLoading", "LocatedDocument", "_CommandTestSupport"]),
    ]
)
