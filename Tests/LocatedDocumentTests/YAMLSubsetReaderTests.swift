import Foundation
@testable import LocatedDocument
import Testing

/// The subset reader against libyaml: whenever it reads a file, libyaml must read the same tree,
/// value by value and position by position; where they could differ it must give up.
@Suite struct YAMLSubsetReaderTests {
    /// What the subset reader made of `bytes` (nil: it gave up, or the bytes are not UTF-8).
    static func subsetTree(_ bytes: [UInt8], limits: DocumentLimits = .default) -> DocumentNode? {
        bytes.withUnsafeBufferPointer { whole in
            guard let input = try? YAMLReader.checkedUTF8Input(whole), !input.isEmpty else { return nil }
            return YAMLSubsetReader.read(input, limits: limits)
        }
    }

    /// Every value, key and position of a tree, as text.
    static func dump(_ node: DocumentNode) -> String {
        var out = ""
        dump(node, into: &out)
        return out
    }

    private static func dump(_ node: DocumentNode, into out: inout String) {
        out += "@\(node.location.line):\(node.location.column) "
        switch node.value {
        case .null: out += "null"
        case .bool(let flag): out += "bool(\(flag))"
        case .integer(let number): out += "int(\(number))"
        case .number(let number): out += "number(\(number.bitPattern))"
        case .string(let text): out += "string(\(text.debugDescription))"
        case .array(let items):
            out += "["
            for item in items { dump(item, into: &out); out += ", " }
            out += "]"
        case .object(let members):
            out += "{"
            for member in members {
                out += "\(member.key.debugDescription)@\(member.keyLocation.line):\(member.keyLocation.column): "
                dump(member.value, into: &out)
                out += ", "
            }
            out += "}"
        }
    }

    /// Whether the subset read `bytes`; records an issue when what it read is not libyaml's tree.
    @discardableResult
    static func expectAgreement(_ bytes: [UInt8], _ label: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Bool {
        guard let subset = subsetTree(bytes) else { return false }
        do {
            let libyaml = try YAMLReader.read(bytes, limits: .default, trySubset: false)
            let (expected, found) = (dump(libyaml), dump(subset))
            #expect(found == expected, "\(label): the subset reader's tree differs from libyaml's", sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(label): the subset reader read a file libyaml rejects (\(error.code): \(error.message))", sourceLocation: sourceLocation)
        }
        return true
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The YAML files of the project: the bundled profiles first, then every test fixture.
    static func projectYAMLFiles() throws -> (profiles: [URL], fixtures: [URL]) {
        func yamlFiles(under directory: URL) -> [URL] {
            let walker = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
            let urls = (walker?.allObjects as? [URL]) ?? []
            return urls.filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
        }
        let profiles = yamlFiles(under: packageRoot.appendingPathComponent("Profiles"))
        let fixtures = yamlFiles(under: packageRoot.appendingPathComponent("Tests"))
            + yamlFiles(under: packageRoot.appendingPathComponent("Rubrics"))
        return (profiles, fixtures)
    }

    @Test func readsEveryBundledProfileAsLibYAMLDoes() throws {
        let (profiles, fixtures) = try Self.projectYAMLFiles()
        try #require(profiles.count >= 5, "expected the bundled profiles under \(Self.packageRoot.path)/Profiles")
        for url in profiles {
            let bytes = [UInt8](try Data(contentsOf: url))
            // The bundled profiles are what the subset is for: it must read every one.
            #expect(Self.expectAgreement(bytes, url.lastPathComponent), "the subset reader gave up on \(url.lastPathComponent)")
        }
        var read = 0
        for url in fixtures where Self.expectAgreement([UInt8](try Data(contentsOf: url)), url.path) { read += 1 }
        #expect(read > 0)
    }

    @Test(arguments: [
        // Block scalars: folded and literal, clipped and stripped, trailing blank lines, comments after.
        "a: >-\n  one\n  two\nb: x\n",
        "a: >\n  one\n  two\n\n\nb: x\n",
        "a: |\n  one\n  two\n# note\nb: |-\n   three\n   four\n",
        "a:\n  - >-\n    item one\n    goes on\n  - plain # comment\n",
        "a: >-\n  no newline at the end",
        "a: >\n  clipped, no newline at the end",
        "a: |\n  one\n  two",
        // Sequences at their key's indentation, nested mappings, flow collections.
        "levels:\n- code: P1\n  name: One\n- code: P2\nnext: 1\n",
        "k: { a: 1, b: 'two', c: \"three\" }\nl: [x, y , z]\nm: {}\nn: []\n",
        "k:   spaced value   # comment\n",
        // Plain scalars that resolve to other types, and text libyaml keeps as it is.
        "a: 1\nb: 2.5\nc: true\nd: null\ne: ~\nf: 0x1F\ng: -3\nh: .inf\ni: 2026-01-01\nj: http://example.com/x?y=1#z\n",
        "title: Café — müde Straße 😀 ok\nafter: x\n",
        "k: 'it''s'\n",
        "k: \"tab\\tescape\"\n",
        "k: a: b\n",
        "k: plain\n  continued\n",
        "k:\n",
        "k: x\n  # indented comment\nl: y\n",
        "k: &anchor x\nl: *anchor\n",
        "k: x\r\nl: y\r\n",
        "k: x\u{2028}y\n",
        "--- \nk: x\n",
        "k: >+\n  keep\n\n",
        "k: >2\n   indented\n",
        "k: >-\n  one\n\n  two\n",
        "k: >-\n  one\n    more indented\n  two\n",
        "k: {a: b\n  , c: d}\n",
        "k: [a, [b]]\n",
        "k: {a: 1,}\n",
        "- a\n- b\n",
        "k: v\nk: w\n",
        "k: v\n l: w\n",
    ])
    func agreesWithLibYAMLOnEdgeCases(_ text: String) {
        Self.expectAgreement(Array(text.utf8), text.debugDescription)
    }

    @Test func readsTheSubsetItIsMeantFor() {
        let inSubset = [
            "a: >-\n  one\n  two\nb: x\n", "a: |\n  one\n  two\n# note\nb: |-\n   three\n   four\n",
            "levels:\n- code: P1\n  name: One\n- code: P2\nnext: 1\n", "k: { a: 1, b: 'two', c: \"three\" }\nl: [x, y , z]\nm: {}\nn: []\n",
            "title: Café — müde Straße 😀 ok\nafter: x\n", "a: >\n  one\n  two\n\n\nb: x\n",
        ]
        for text in inSubset { #expect(Self.subsetTree(Array(text.utf8)) != nil, "gave up on \(text.debugDescription)") }
        let outside = [
            "k: 'it''s'\n", "k: \"tab\\tescape\"\n", "k: plain\n  continued\n", "k:\n", "k: &anchor x\nl: *anchor\n",
            "k: x\r\nl: y\r\n", "k: x\u{2028}y\n", "k: >+\n  keep\n\n", "k: [a, [b]]\n", "- a\n- b\n", "k: v\nk: w\n",
        ]
        for text in outside { #expect(Self.subsetTree(Array(text.utf8)) == nil, "read \(text.debugDescription)") }
    }

    /// A deterministic generator (SplitMix64), so a failure reproduces.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// One random edit of `bytes`: a character inserted, a byte deleted or replaced, a line
    /// duplicated, dropped, re-indented or swapped with the next, or the text cut short.
    static func mutate(_ bytes: [UInt8], with random: inout Generator) -> [UInt8] {
        let pieces = [" ", "  ", "\n", "#", " #", ":", ": ", "- ", "-", "'", "\"", "{", "}", "[", "]", ",", ">", ">-", "|", "\t",
                      "&a ", "*a", "!", "?", "é", "\u{2028}", "\u{85}", "\\", "x", "0", "%", "@", "`", "~", "\r", "''", "---\n"]
        var result = bytes
        let offset = random.next(result.count + 1)
        switch random.next(8) {
        case 0, 1:
            result.insert(contentsOf: Array(pieces[random.next(pieces.count)].utf8), at: offset)
        case 2 where offset < result.count:
            result.remove(at: offset)
        case 3 where offset < result.count:
            result[offset] = Array(pieces[random.next(pieces.count)].utf8)[0]
        case 4:
            result.removeSubrange(offset...)
        default:
            var lines = result.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            let index = random.next(lines.count)
            switch random.next(4) {
            case 0: lines.insert(lines[index], at: index)
            case 1: lines.remove(at: index)
            case 2: lines[index] = random.next(2) == 0 ? [0x20] + lines[index] : Array(lines[index].drop { $0 == 0x20 })
            default: if index + 1 < lines.count { lines.swapAt(index, index + 1) }
            }
            result = Array(lines.joined(separator: [0x0A]))
        }
        return result
    }

    @Test func agreesWithLibYAMLOnMutatedProfiles() throws {
        let (profiles, _) = try Self.projectYAMLFiles()
        var random = Generator(state: 0x5EED)
        var (tried, read, changedAndRead) = (0, 0, 0)
        for url in profiles {
            let original = [UInt8](try Data(contentsOf: url))
            for round in 0..<400 {
                var bytes = original
                for _ in 0...(round % 3) { bytes = Self.mutate(bytes, with: &random) }
                tried += 1
                if Self.expectAgreement(bytes, "\(url.lastPathComponent), round \(round)") {
                    read += 1
                    if bytes != original { changedAndRead += 1 }
                }
            }
        }
        // The comparison is not vacuous: the subset read many edited files (and libyaml agreed).
        #expect(tried >= 2000)
        #expect(changedAndRead > tried / 10, "the subset read \(changedAndRead) of \(tried) edited files")
    }
}

extension YAMLSubsetReaderTests {
    /// Positions on a long line are counted once per line, not once per scalar: a 1 MB line of
    /// 100,000 flow items (non-ASCII ones, so columns are not bytes) reads in linear time, and its
    /// last item sits where libyaml puts it.
    @Test func aLongFlowLineIsReadInOnePass() throws {
        let items = (0..<100_000).map { $0 % 2 == 0 ? "é\($0)" : "x\($0)" }
        let text = "k: [" + items.joined(separator: ", ") + "]\n"
        let bytes = Array(text.utf8)
        let tree = try #require(Self.subsetTree(bytes))
        let list = try #require(tree["k"]?.arrayValue)
        #expect(list.count == 100_000)
        let libyaml = try YAMLReader.read(bytes, limits: .default, trySubset: false)
        #expect(list.last?.location == libyaml["k"]?.arrayValue?.last?.location)
        #expect(list.last?.location.column == text.unicodeScalars.count - 1 - "x99999]".count + 1)
    }
}
