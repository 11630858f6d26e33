import LocatedDocument
import Testing

struct YAMLErrorFixture: CustomStringConvertible, Sendable {
    var file: String
    var code: String
    var line: Int
    var column: Int
    var messageContains: String
    var limits: DocumentLimits = .default

    var description: String { file }
}

@Suite struct YAMLReaderErrorTests {
    static let fixtures: [YAMLErrorFixture] = [
        YAMLErrorFixture(file: "too-large.yaml", code: "file_too_large", line: 1, column: 1,
                     messageContains: "expected at most 64 bytes", limits: DocumentLimits(maxBytes: 64)),
        YAMLErrorFixture(file: "bad-utf8.yaml", code: "invalid_utf8", line: 2, column: 12, messageContains: "byte 0xE9 at offset 22"),
        YAMLErrorFixture(file: "utf16.yaml", code: "invalid_utf8", line: 1, column: 1, messageContains: "UTF-16 (little-endian)"),
        YAMLErrorFixture(file: "too-deep.yaml", code: "too_deep", line: 1, column: 65, messageContains: "at most 64 levels"),
        YAMLErrorFixture(file: "too-many-aliases.yaml", code: "alias_limit", line: 2, column: 408, messageContains: "more than 100 aliases"),
        YAMLErrorFixture(file: "billion-laughs.yaml", code: "node_limit", line: 7, column: 12, messageContains: "more than 200000 nodes"),
        YAMLErrorFixture(file: "undefined-alias.yaml", code: "undefined_alias", line: 2, column: 8, messageContains: "*nobody"),
        YAMLErrorFixture(file: "recursive-alias.yaml", code: "recursive_alias", line: 2, column: 17, messageContains: "*loop"),
        YAMLErrorFixture(file: "duplicate-key.yaml", code: "duplicate_key", line: 7, column: 1,
                     messageContains: "duplicate key \"summary\" (first defined at line 4)"),
        YAMLErrorFixture(file: "non-scalar-key.yaml", code: "non_scalar_key", line: 2, column: 3, messageContains: "a sequence used as a mapping key"),
        YAMLErrorFixture(file: "merge-key.yaml", code: "merge_key_unsupported", line: 4, column: 3, messageContains: "merge key \"<<\""),
        YAMLErrorFixture(file: "tab-indent.yaml", code: "tab_indentation", line: 3, column: 1, messageContains: "tab character"),
        YAMLErrorFixture(file: "yaml-syntax.yaml", code: "yaml_syntax", line: 2, column: 14,
                     messageContains: "mapping values are not allowed in this context"),
        YAMLErrorFixture(file: "control-character.yaml", code: "yaml_syntax", line: 2, column: 9, messageContains: "U+0007"),
        YAMLErrorFixture(file: "multiple-documents.yaml", code: "multiple_documents", line: 2, column: 1, messageContains: "second YAML document"),
        YAMLErrorFixture(file: "only-comments.yaml", code: "empty_document", line: 1, column: 1, messageContains: "no YAML document"),
        YAMLErrorFixture(file: "unsupported-tag.yaml", code: "unsupported_tag", line: 2, column: 8, messageContains: "\"!ruby/object:Gem::Installer\""),
        YAMLErrorFixture(file: "invalid-tagged-value.yaml", code: "invalid_tagged_value", line: 2, column: 8,
                     messageContains: "found \"three\" tagged !!int; expected an integer"),
    ]

    @Test(arguments: fixtures)
    func reportsCodeAndLocation(fixture: YAMLErrorFixture) throws {
        let bytes = try YAMLTestSupport.fixture(fixture.file)
        let error = try #require(YAMLTestSupport.error(reading: bytes, limits: fixture.limits))
        #expect(error.code == fixture.code)
        #expect(error.location == YAMLTestSupport.at(fixture.line, fixture.column))
        #expect(error.message.contains(fixture.messageContains), "\(error.message)")
        #expect(error.message.contains("expected") || error.code == "yaml_syntax", "\(error.message)")
    }

    @Test func tabHintAndMergeHint() throws {
        let tab = try #require(YAMLTestSupport.error(reading: try YAMLTestSupport.fixture("tab-indent.yaml")))
        #expect(tab.hint == "indent with spaces, not tabs")
        let merge = try #require(YAMLTestSupport.error(reading: try YAMLTestSupport.fixture("merge-key.yaml")))
        #expect(merge.hint?.contains("write the merged keys out") == true)
    }

    @Test func fileTooLargeIsCheckedBeforeParsing() throws {
        let limit = DocumentLimits.default.maxBytes
        // Invalid UTF-8 and YAML throughout: only the size is looked at.
        let error = try #require(YAMLTestSupport.error(reading: [UInt8](repeating: 0xFF, count: limit + 1)))
        #expect(error.code == "file_too_large")
        let atLimit = [UInt8](repeating: UInt8(ascii: " "), count: limit - 5) + Array("a: 1\n".utf8)
        #expect(try YAMLReader.read(atLimit)["a"]?.intValue == 1)
    }

    @Test(arguments: [
        ([UInt8](), "empty file"), (Array("   \n\n".utf8), "blank lines"), ([0xEF, 0xBB, 0xBF], "BOM only"),
        (Array("# a\n\n  # b\n".utf8), "comments and blank lines"),
    ])
    func emptyStreams(bytes: [UInt8], label: String) throws {
        let error = try #require(YAMLTestSupport.error(reading: bytes))
        #expect(error.code == "empty_document", "\(label)")
        #expect(error.location == .startOfFile)
    }

    @Test(arguments: [
        ([0x61, 0x3A, 0x20, 0xC0, 0x80], 4, "overlong NUL"),
        ([0x61, 0x3A, 0x20, 0xED, 0xA0, 0x80], 4, "UTF-16 surrogate"),
        ([0x61, 0x3A, 0x20, 0xF4, 0x90, 0x80, 0x80], 4, "above U+10FFFF"),
        ([0x61, 0x3A, 0x20, 0xF5, 0x80], 4, "F5 lead byte"),
        ([0x61, 0x3A, 0x20, 0x80], 4, "stray continuation byte"),
        ([0x61, 0x3A, 0x20, 0xE2, 0x82], 4, "truncated at end of file"),
        ([0x61, 0x3A, 0x20, 0xC3, 0xA9, 0xE2, 0x82, 0x41], 5, "truncated before ASCII, after é"),
        (Array("x: 12345678901234567890 ".utf8) + [0xFE], 25, "after the 8-byte fast path"),
    ] as [([UInt8], Int, String)])
    func invalidUTF8IsLocatedAtTheFirstBadSequence(bytes: [UInt8], column: Int, label: String) throws {
        let error = try #require(YAMLTestSupport.error(reading: bytes))
        #expect(error.code == "invalid_utf8", "\(label)")
        #expect(error.location == YAMLTestSupport.at(1, column), "\(label)")
    }

    @Test(arguments: [
        ([0x00, 0x00, 0xFE, 0xFF, 0, 0, 0, 0x61], "UTF-32 (big-endian)"),
        ([0xFF, 0xFE, 0x00, 0x00, 0x61, 0, 0, 0], "UTF-32 (little-endian)"),
        ([0xFE, 0xFF, 0x00, 0x61], "UTF-16 (big-endian)"),
        ([0x00, 0x61, 0x00, 0x3A], "UTF-16 or UTF-32"),
        ([0x61, 0x00, 0x3A, 0x00], "UTF-16 or UTF-32"),
    ] as [([UInt8], String)])
    func otherUnicodeEncodingsAreRefused(bytes: [UInt8], encoding: String) throws {
        let error = try #require(YAMLTestSupport.error(reading: bytes))
        #expect(error.code == "invalid_utf8")
        #expect(error.message.contains(encoding), "\(error.message)")
    }

    @Test func tabsInOtherPlaces() throws {
        let blockScalar = try #require(YAMLTestSupport.error(reading: "a: |\n\tfoo\n"))
        #expect(blockScalar.code == "tab_indentation")
        #expect(blockScalar.location == YAMLTestSupport.at(2, 1))
        let afterCRLF = try #require(YAMLTestSupport.error(reading: "a: 1\r\nb: x\r\n\tc: 2\r\n"))
        #expect(afterCRLF.code == "tab_indentation")
        #expect(afterCRLF.location == YAMLTestSupport.at(3, 1))
        let afterMultiByte = try #require(YAMLTestSupport.error(reading: "ключ:\n  é: 1\n  \tü: 2\n"))
        #expect(afterMultiByte.code == "tab_indentation")
        #expect(afterMultiByte.location == YAMLTestSupport.at(3, 3))
        // Tabs as separators inside flow collections are valid YAML.
        #expect(try YAMLTestSupport.read("[a,\tb]\n").arrayValue?.count == 2)
        // A syntax error whose problem is not a tab stays `yaml_syntax`.
        #expect(YAMLTestSupport.error(reading: "a: [1, 2\n")?.code == "yaml_syntax")
    }

    @Test func depthLimitCountsCollectionLevels() throws {
        let limits = DocumentLimits(maxDepth: 3)
        #expect(try YAMLTestSupport.read("a: {b: [1]}\n", limits: limits)["a"]?["b"]?.arrayValue?.count == 1)
        let error = try #require(YAMLTestSupport.error(reading: "a: {b: [[1]]}\n", limits: limits))
        #expect(error.code == "too_deep")
        #expect(error.location == YAMLTestSupport.at(1, 9))
        // Exactly the default limit is fine.
        let deepest = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(try YAMLTestSupport.read(deepest).arrayValue?.count == 1)
    }

    @Test func anAliasCountsTheHeightOfWhatItStandsFor() throws {
        let limits = DocumentLimits(maxDepth: 4)
        let text = "deep: &d [[[1]]]\nshallow: *d\nnested: [[*d]]\n"
        let error = try #require(YAMLTestSupport.error(reading: text, limits: limits))
        #expect(error.code == "too_deep")
        #expect(error.location == YAMLTestSupport.at(3, 11))
    }

    @Test func nodeLimitCountsEveryNode() throws {
        // Root sequence plus five items: six nodes.
        #expect(try YAMLTestSupport.read("[1, 2, 3, 4, 5]", limits: DocumentLimits(maxNodes: 6)).arrayValue?.count == 5)
        let error = try #require(YAMLTestSupport.error(reading: "[1, 2, 3, 4, 5]", limits: DocumentLimits(maxNodes: 5)))
        #expect(error.code == "node_limit")
        #expect(error.location == YAMLTestSupport.at(1, 14))
    }

    @Test func aliasLimitIsConfigurable() throws {
        let text = "a: &a 1\nb: [*a, *a, *a]\n"
        #expect(try YAMLTestSupport.read(text, limits: DocumentLimits(maxAliases: 3))["b"]?.arrayValue?.count == 3)
        let error = try #require(YAMLTestSupport.error(reading: text, limits: DocumentLimits(maxAliases: 2)))
        #expect(error.code == "alias_limit")
        #expect(error.location == YAMLTestSupport.at(2, 13))
    }

    @Test func nonScalarKeysOfEveryKind() throws {
        let mappingKey = try #require(YAMLTestSupport.error(reading: "? {a: 1}\n: x\n"))
        #expect(mappingKey.code == "non_scalar_key")
        #expect(mappingKey.location == YAMLTestSupport.at(1, 3))
        let flowKey = try #require(YAMLTestSupport.error(reading: "{[a]: x}\n"))
        #expect(flowKey.code == "non_scalar_key")
        let aliasKey = try #require(YAMLTestSupport.error(reading: "a: &l [1]\nb: {*l : x}\n"))
        #expect(aliasKey.code == "non_scalar_key")
        #expect(aliasKey.location == YAMLTestSupport.at(2, 5))
    }

    @Test func duplicateKeysCompareResolvedText() throws {
        let quoted = try #require(YAMLTestSupport.error(reading: "1: a\n\"1\": b\n"))
        #expect(quoted.code == "duplicate_key")
        #expect(quoted.location == YAMLTestSupport.at(2, 1))
        let nested = try #require(YAMLTestSupport.error(reading: "outer:\n  x: 1\n  y: 2\n  x: 3\n"))
        #expect(nested.code == "duplicate_key")
        #expect(nested.message.contains("duplicate key \"x\" (first defined at line 2)"))
        #expect(nested.location == YAMLTestSupport.at(4, 3))
        // Canonically equivalent spellings (precomposed and decomposed é) look identical to a reviewer.
        let lookalike = try #require(YAMLTestSupport.error(reading: "caf\u{E9}: 1\ncafe\u{301}: 2\n"))
        #expect(lookalike.code == "duplicate_key")
        // The same key in different mappings is fine.
        #expect(try YAMLTestSupport.read("a: {x: 1}\nb: {x: 2}\n")["b"]?["x"]?.intValue == 2)
    }

    @Test func multipleDocumentsWithExplicitMarkers() throws {
        let error = try #require(YAMLTestSupport.error(reading: "--- a\n--- b\n"))
        #expect(error.code == "multiple_documents")
        #expect(error.location == YAMLTestSupport.at(2, 1))
    }

    @Test func syntaxErrorsCarryLibyamlContext() throws {
        let error = try #require(YAMLTestSupport.error(reading: "a:\n  - b\n  c: d\n"))
        #expect(error.code == "yaml_syntax")
        #expect(error.message.contains("expected"))
        #expect(error.message.contains("while parsing a block collection at line 2, column 3"))
        #expect(error.location.line == 3)
    }

    @Test func mergeKeysAreRefusedHoweverTheyAreWritten() throws {
        for text in ["<<: {a: 1}\n", "b: 1\n&m <<: {a: 1}\n", "x: {<<: *y}\n", "- {a: 1, <<: [1]}\n"] {
            #expect(YAMLTestSupport.error(reading: text)?.code == "merge_key_unsupported", "\(text)")
        }
        #expect(YAMLTestSupport.error(reading: "!!merge <<: {a: 1}\n")?.code == "unsupported_tag")
        #expect(try YAMLTestSupport.read("!!str <<: x\n")["<<"]?.stringValue == "x")
        #expect(try YAMLTestSupport.read("a: <<\n")["a"]?.stringValue == "<<")
    }

    @Test func anAnchoredKeyCanBeReusedAndStillCountsAsADuplicate() throws {
        let node = try YAMLTestSupport.read("&k code: 1\nvalue: *k\n")
        #expect(node["value"]?.stringValue == "code")
        let error = try #require(YAMLTestSupport.error(reading: "&k code: 1\n*k : 2\n"))
        #expect(error.code == "duplicate_key")
        #expect(error.location == YAMLTestSupport.at(2, 1))
    }
}
