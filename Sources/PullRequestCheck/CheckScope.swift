/// How a check chose what to review.
public enum CheckScope: Sendable, Equatable {
    /// The files changed since `ref`, whose merge base with HEAD is `mergeBase`.
    case changedSince(ref: String, mergeBase: String, includesWorkingTree: Bool)
    /// Explicit paths on the command line: exactly those files.
    case givenPaths([String])
    /// Not inside a git work tree (or no git): every profile under the profiles directory.
    case noRepository
    /// In a repository, but no base (no `--base`, no configured base, no `origin/main`): every profile.
    case noBase

    public var name: String {
        switch self {
        case .changedSince: return "changed_since_base"
        case .givenPaths: return "given_paths"
        case .noRepository: return "no_repository"
        case .noBase: return "no_base"
        }
    }

    /// One sentence for the text and Markdown outputs.
    public var summary: String {
        switch self {
        case .changedSince(let ref, let mergeBase, let workingTree):
            return "profiles changed since \(ref) (merge base \(mergeBase.prefix(12)))"
                + (workingTree ? ", uncommitted changes included" : ", committed changes only")
        case .givenPaths(let paths):
            return "the given paths: \(paths.joined(separator: ", "))"
        case .noRepository:
            return "every profile (not in a git repository, so changes cannot be detected)"
        case .noBase:
            return "every profile (no base: origin/main does not exist and no --base was given)"
        }
    }
}
