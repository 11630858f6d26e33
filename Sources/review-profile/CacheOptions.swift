import ArgumentParser
import Foundation
import Panel
import ProfileLoading

/// The review cache options of `review`, `report` and `check`.
struct CacheOptions: ParsableArguments {
    @Flag(name: .long, help: "Do not read or write the review cache (.review-cache/ at the project root).")
    var noCache = false

    @Option(name: .long, help: ArgumentHelp("Keep the review cache in this directory instead of .review-cache/.", valueName: "dir"))
    var cacheDir: String?

    func cache(in layout: ProjectLayout) -> ReviewCache? {
        guard !noCache else { return nil }
        guard let cacheDir else { return ReviewCache(layout: layout) }
        let workingDirectory = FileManager.default.currentDirectoryPath
        return ReviewCache(directory: cacheDir.hasPrefix("/") ? cacheDir : workingDirectory + "/" + cacheDir)
    }
}
