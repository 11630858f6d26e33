import TextAnalysis

/// The shipped O*NET-SOC occupations (`Rubrics/reference/onet/occupation-data.tsv`): code → title
/// and description.
public struct OccupationCatalogue: Sendable {
    public struct Occupation: Sendable, Equatable {
        public var code: String
        public var title: String
        public var description: String
        /// Content stems of the description, computed once when the catalogue loads rather than on
        /// every profile review that compares a profile against it.
        public let descriptionStems: HashedTermSet

        public init(code: String, title: String, description: String) {
            self.code = code
            self.title = title
            self.description = description
            self.descriptionStems = HashedTermSet.contentStems(Tokenizer.tokenize(description))
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
        let lines: [[String]]
        if let byteLines = splitLinesAndFields(text) {
            lines = byteLines
        } else {
            // O*NET ships CRLF files, and "\r\n" is one Character in Swift: split on both forms.
            lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }.map { line in
                let trimmed = line.hasSuffix("\r") ? line.dropLast() : line
                return trimmed.isEmpty ? [] : trimmed.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            }
        }
        for (index, fields) in lines.enumerated() {
            if index == 0 || fields.isEmpty { continue }
            guard fields.count >= 3, !fields[0].isEmpty else {
                return .failure(OccupationDataError(line: index + 1, message: "expected code, title and description separated by tabs"))
            }
            occupations.append(Occupation(code: fields[0], title: fields[1], description: fields[2]))
        }
        return .success(OccupationCatalogue(occupations))
    }

    /// Lines split into tab-separated fields on the UTF-8 bytes (an empty line gives no fields),
    /// the same split as by Characters when every CR is part of a CR LF: line feeds and tabs are
    /// always Characters of their own. Nil for text with a lone CR, which the Character split handles.
    private static func splitLinesAndFields(_ text: String) -> [[String]]? {
        let bytes = Array(text.utf8)
        var lines: [[String]] = []
        var fields: [String] = []
        var fieldStart = 0
        var index = 0
        func field(_ end: Int) -> String { String(decoding: bytes[fieldStart..<end], as: UTF8.self) }
        while index <= bytes.count {
            let byte: UInt8 = index < bytes.count ? bytes[index] : 0x0A
            switch byte {
            case 0x0D:
                guard index + 1 < bytes.count, bytes[index + 1] == 0x0A else { return nil }
                index += 1
                continue
            case 0x0A:
                let end = index > 0 && bytes[index - 1] == 0x0D && index < bytes.count ? index - 1 : index
                if end == fieldStart && fields.isEmpty {
                    lines.append([])
                } else {
                    fields.append(field(end))
                    lines.append(fields)
                }
                fields = []
                fieldStart = index + 1
            case 0x09:
                fields.append(field(index))
                fieldStart = index + 1
            default:
                break
            }
            index += 1
        }
        return lines
    }
}

public struct OccupationDataError: Error, Sendable {
    public var line: Int
    public var message: String
}
