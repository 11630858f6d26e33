import TextAnalysis

/// The shipped O*NET-SOC occupations (`Rubrics/reference/onet/occupation-data.tsv`): code → title
/// and description.
public struct OccupationCatalogue: Sendable {
    public struct Occupation: Sendable, Equatable {
        public var code: String
        public var title: String
        public var description: String
        /// Content stems of the description, computed once when the catalogue loads rather than on
        /// every level review that compares a profile against it.
        public let descriptionStems: Set<String>

        public init(code: String, title: String, description: String) {
            self.code = code
            self.title = title
            self.description = description
            self.descriptionStems = TextSimilarity.contentStems(Tokenizer.tokenize(description))
        }

        /// SOC major group 11: management occupations.
        public var isManagement: Bool { code.hasPrefix("11-") }
        /// "First-Line Supervisors of …" occupations (SOC xx-1xxx outside group 11).
        public var isFirstLineSupervisor: Bool { title.hasPrefix("First-Line Supervisors") }
    }

    private let byCode: [String: Occupation]

    public init(_ occupations: [Occupation]) {
        var byCode: [String: Occupation] = [:]
        for occupation in occupations { byCode[occupation.code] = occupation }
        self.byCode = byCode
    }

    public subscript(code: String) -> Occupation? { byCode[code] }

    public var count: Int { byCode.count }

    /// Parses the O*NET "Occupation Data" text file: a header line, then code, title and
    /// description separated by tabs. Malformed lines are reported by line number.
    public static func parse(tsv text: String) -> Result<OccupationCatalogue, OccupationDataError> {
        var occupations: [Occupation] = []
        // O*NET ships CRLF files, and "\r\n" is one Character in Swift: split on both forms.
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, line) in lines.enumerated() {
            let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
            if index == 0 || trimmed.isEmpty { continue }
            let fields = trimmed.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3, !fields[0].isEmpty else {
                return .failure(OccupationDataError(line: index + 1, message: "expected code, title and description separated by tabs"))
            }
            occupations.append(Occupation(code: String(fields[0]), title: String(fields[1]), description: String(fields[2])))
        }
        return .success(OccupationCatalogue(occupations))
    }
}

public struct OccupationDataError: Error, Sendable {
    public var line: Int
    public var message: String
}
