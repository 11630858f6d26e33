import Foundation

/// The `Link` response header GitHub paginates with:
/// `<https://api.github.com/…&page=2>; rel="next", <…&page=5>; rel="last"`.
enum LinkHeader {
    /// The URL of the link whose `rel` includes `relation`, if any.
    static func url(in header: String?, relation: String) -> URL? {
        guard let header else { return nil }
        for link in header.split(separator: ",") {
            let parts = link.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let target = parts.first, target.hasPrefix("<"), target.hasSuffix(">") else { continue }
            let relations = parts.dropFirst().compactMap { parameter -> [Substring]? in
                let pair = parameter.split(separator: "=", maxSplits: 1)
                guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "rel" else { return nil }
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\" ")).split(separator: " ")
            }.flatMap { $0 }
            if relations.contains(where: { $0 == relation }) {
                return URL(string: String(target.dropFirst().dropLast()))
            }
        }
        return nil
    }
}
