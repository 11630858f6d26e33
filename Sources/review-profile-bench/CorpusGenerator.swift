import Foundation

/// Writes a deterministic benchmark corpus: `count` profiles, each a variation of one of the
/// bundled templates (Profiles/). The variations are the ones a real taxonomy has between sibling
/// profiles, made on the YAML text so the files keep the templates' layout (folded scalars, flow
/// mappings): new focus codes and ids, a site suffix on some focus names, pay scaled by a
/// location factor, version and confidence changed, synonyms swapped in bullets, bullets
/// reordered, and the top or bottom level dropped from some ladders. File `i` depends only on
/// `i` and the templates.
struct CorpusGenerator {
    struct Template {
        var name: String
        var lines: [Substring]
    }

    let templates: [Template]

    /// Whole-word replacements applied, each with some probability, to responsibility and
    /// guideline text.
    static let synonyms: [(String, String)] = [
        ("Coordinates", "Organises"), ("Reviews", "Checks"), ("ensures", "makes sure"), ("every", "each"),
        ("across", "throughout"), ("Leads", "Directs"), ("records", "logs"),
        ("team", "crew"), ("weekly", "every week"), ("monthly", "every month"), ("issues", "problems"),
        ("Tracks", "Monitors"), ("builds", "develops"), ("sets", "defines"),
    ]

    init(templateDirectory: String) throws {
        var templates: [Template] = []
        let enumerator = FileManager.default.enumerator(atPath: templateDirectory)
        var paths: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".yaml") { paths.append(relative) }
        }
        for relative in paths.sorted() {
            let text = try String(contentsOfFile: templateDirectory + "/" + relative, encoding: .utf8)
            let name = (relative as NSString).lastPathComponent.replacingOccurrences(of: ".yaml", with: "")
            templates.append(Template(name: name, lines: text.split(separator: "\n", omittingEmptySubsequences: false)))
        }
        guard !templates.isEmpty else {
            throw BenchError("no *.yaml templates under \(templateDirectory)")
        }
        self.templates = templates
    }

    /// Writes files `0..<count` under `directory/Profiles/<nn>/`, 1,000 per folder.
    func write(count: Int, to directory: String) throws {
        for index in 0..<count {
            let (name, text) = profile(index)
            let folder = directory + "/Profiles/" + String(format: "%03d", index / 1000)
            if index % 1000 == 0 {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            }
            try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
        }
    }

    /// The file name and text of corpus file `index`.
    func profile(_ index: Int) -> (String, String) {
        let template = templates[index % templates.count]
        var random = SeededRandom(seed: UInt64(index) &* 0x2545_F491_4F6C_DD1D &+ 1)
        let variant = "V" + String(index, radix: 36).uppercased()
        var lines = template.lines
        lines = dropLevels(lines, random: &random)
        lines = shuffleBullets(lines, random: &random)
        let payFactor = Double.random(in: 0.85...1.2, using: &random)
        let site = random.chance(0.5) ? " - Site \(Int.random(in: 1...40, using: &random))" : ""
        var focusCode = ""
        var output: [String] = []
        output.reserveCapacity(lines.count)
        for line in lines {
            var text = String(line)
            if text.hasPrefix("focus: { code: "), let code = text.dropFirst(15).split(separator: ",").first {
                focusCode = String(code)
                text = text.replacingOccurrences(of: "code: \(code),", with: "code: \(code)\(variant),")
                if text.hasSuffix(" }") { text = String(text.dropLast(2)) + site + " }" }
            } else if text.hasPrefix("    pay: {") {
                text = scalePay(text, by: payFactor)
            } else if text.hasPrefix("version: ") {
                text = "version: \(Int.random(in: 1...6, using: &random))"
            } else if text.hasPrefix("confidence: ") {
                text = "confidence: \(Double(Int.random(in: 60...95, using: &random)) / 100)"
            } else if text.hasPrefix("        ") || text.hasPrefix("      - ") {
                text = swapSynonyms(text, random: &random)
            }
            output.append(text)
        }
        if !focusCode.isEmpty {
            for i in output.indices where output[i].hasPrefix("id: ") {
                output[i] = output[i].replacingOccurrences(of: ".\(focusCode)", with: ".\(focusCode)\(variant)")
            }
        }
        return ("\(template.name)-\(variant.lowercased()).yaml", output.joined(separator: "\n"))
    }

    /// A quarter of the ladders lose their top level, a tenth their bottom one (never below two levels).
    private func dropLevels(_ lines: [Substring], random: inout SeededRandom) -> [Substring] {
        guard let levelsLine = lines.firstIndex(of: "levels:") else { return lines }
        var end = levelsLine + 1
        while end < lines.count, lines[end].hasPrefix(" ") || lines[end].isEmpty { end += 1 }
        let starts = (levelsLine + 1..<end).filter { lines[$0].hasPrefix("  - code: ") }
        guard starts.count > 2 else { return lines }
        var result = lines
        if random.chance(0.25), let last = starts.last {
            result.removeSubrange(last..<end)
        } else if random.chance(0.1) {
            result.removeSubrange(starts[0]..<starts[1])
        }
        return result
    }

    /// Most responsibility lists come out in a different order.
    private func shuffleBullets(_ lines: [Substring], random: inout SeededRandom) -> [Substring] {
        var result: [Substring] = []
        result.reserveCapacity(lines.count)
        var i = 0
        while i < lines.count {
            result.append(lines[i])
            guard lines[i] == "    responsibilities:" else {
                i += 1
                continue
            }
            i += 1
            var items: [[Substring]] = []
            while i < lines.count, lines[i].hasPrefix("      ") {
                if lines[i].hasPrefix("      - ") || items.isEmpty { items.append([]) }
                items[items.count - 1].append(lines[i])
                i += 1
            }
            if random.chance(0.7) { items.shuffle(using: &random) }
            result += items.joined()
        }
        return result
    }

    private func scalePay(_ line: String, by factor: Double) -> String {
        var parts: [String] = []
        for part in line.split(separator: " ", omittingEmptySubsequences: false) {
            let digits = part.prefix { $0.isNumber }
            if digits.count >= 4, let value = Double(digits) {
                parts.append(String(Int((value * factor / 500).rounded()) * 500) + part.dropFirst(digits.count))
            } else {
                parts.append(String(part))
            }
        }
        return parts.joined(separator: " ")
    }

    private func swapSynonyms(_ line: String, random: inout SeededRandom) -> String {
        var text = line
        for (word, replacement) in Self.synonyms where random.chance(0.3) {
            text = text.replacingOccurrences(of: " \(word) ", with: " \(replacement) ")
        }
        return text
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
