import LocatedDocument
import ProfileModel
import TextAnalysis

/// Small formatting and lookup helpers shared by the factual-accuracy and real-world-coverage rules.
enum RuleText {
    /// "74000" → "74,000"; fractions keep two decimals ("38.5" → "38.50").
    static func amount(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        if value != value.rounded() {
            let cents = Int((value * 100).rounded())
            let fraction = abs(cents % 100)
            return grouped(cents / 100) + "." + (fraction < 10 ? "0" : "") + String(fraction)
        }
        return grouped(Int(value))
    }

    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// A share as a whole percentage: 0.256 → "26%".
    static func percent(_ share: Double) -> String {
        String(Int((share * 100).rounded())) + "%"
    }

    /// A ratio with two decimals: 3.456 → "3.46".
    static func ratio(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        return String(hundredths / 100) + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }

    /// The located node of a top-level profile key, for profile-wide findings.
    static func node(_ key: String, in profile: Profile) -> (SourceLocation, JSONPointer) {
        (profile.document[key]?.location ?? .startOfFile, JSONPointer.root.appending(key))
    }

    /// Content stems of a list of words given as a rule parameter.
    static func stems(of words: [String]) -> Set<String> {
        var stems: Set<String> = []
        for word in words { stems.formUnion(TextSimilarity.contentStems(Tokenizer.tokenize(word))) }
        return stems
    }

    /// The O*NET-SOC classifications of a profile that the shipped O*NET data knows.
    static func knownOccupations(
        of profile: Profile, in catalogue: OccupationCatalogue
    ) -> [(Classification, OccupationCatalogue.Occupation)] {
        profile.classifications.compactMap { classification in
            guard isONet(classification), let occupation = catalogue[classification.code.value] else { return nil }
            return (classification, occupation)
        }
    }

    static func isONet(_ classification: Classification) -> Bool {
        classification.system == onetSystem
    }

    static let onetSystem = "O*NET-SOC"
}
