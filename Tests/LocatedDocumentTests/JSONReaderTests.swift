import Testing
@testable import LocatedDocument

private func parse(_ text: String, limits: DocumentLimits = .default) throws(DocumentParseError) -> DocumentNode {
    try JSONReader.read(Array(text.utf8), limits: limits)
}

private func parseError(_ text: String, limits: DocumentLimits = .default) -> DocumentParseError? {
    parseError(bytes: Array(text.utf8), limits: limits)
}

private func parseError(bytes: [UInt8], limits: DocumentLimits = .default) -> DocumentParseError? {
    do {
        _ = try JSONReader.read(bytes, limits: limits)
        return nil
    } catch {
        return error
    }
}

@Suite struct JSONReaderValueTests {
    @Test func scalarsAndContainers() throws {
        let node = try parse(#"{"a": 1, "b": -2.5, "c": true, "d": null, "e": "x", "f": [1e2, 0, -0], "g": {}}"#)
        #expect(node["a"]?.intValue == 1)
        if case .integer(let value)? = node["a"]?.value { #expect(value == 1) } else { Issue.record("a is not an integer") }
        if case .number(let value)? = node["b"]?.value { #expect(value == -2.5) } else { Issue.record("b is not a number") }
        #expect(node["c"]?.boolValue == true)
        if case .null? = node["d"]?.value {} else { Issue.record("d is not null") }
        #expect(node["e"]?.stringValue == "x")
        let items = try #require(node["f"]?.arrayValue)
        if case .number(let value) = items[0].value { #expect(value == 100) } else { Issue.record("1e2 should be a number") }
        if case .integer(0) = items[1].value {} else { Issue.record("0 should be an integer") }
        if case .integer(0) = items[2].value {} else { Issue.record("-0 should be the integer 0") }
        #expect(node["g"]?.objectValue?.isEmpty == true)
        #expect(node.objectValue?.map(\.key) == ["a", "b", "c", "d", "e", "f", "g"])
    }

    @Test func integerBoundaries() throws {
        let node = try parse("[9223372036854775807, -9223372036854775808, 9223372036854775808, 1.0]")
        let items = try #require(node.arrayValue)
        if case .integer(Int.max) = items[0].value {} else { Issue.record("Int.max should stay an integer") }
        if case .integer(Int.min) = items[1].value {} else { Issue.record("Int.min should stay an integer") }
        if case .number(let value) = items[2].value { #expect(value == 9.223372036854775808e18) } else { Issue.record("overflow should become a number") }
        if case .number(1.0) = items[3].value {} else { Issue.record("1.0 has a fraction part and is a number") }
    }

    @Test func stringEscapesAndUnicode() throws {
        let node = try parse(#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u20AC", "\ud83d\ude00", "é😀", "tab\u0009"]"#)
        let items = try #require(node.arrayValue).map { $0.stringValue }
        #expect(items[0] == "a\"b\\c/d\u{08}\u{0C}\n\r\t")
        #expect(items[1] == "é€")
        #expect(items[2] == "😀")
        #expect(items[3] == "é😀")
        #expect(items[4] == "tab\t")
    }

    @Test func byteOrderMarkIsStripped() throws {
        let node = try JSONReader.read([0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8))
        #expect(node["a"]?.intValue == 1)
        #expect(node.location == SourceLocation(line: 1, column: 1))
        #expect(node.member(named: "a")?.keyLocation == SourceLocation(line: 1, column: 2))
    }
}

@Suite struct JSONReaderLocationTests {
    @Test func valueAndKeyLocations() throws {
        let text = """
        {
          "name": "Engineer",
          "levels": [
            {"code": "M1"},
            2
          ]
        }
        """
        let node = try parse(text)
        #expect(node.location == SourceLocation(line: 1, column: 1))
        let name = try #require(node.member(named: "name"))
        #expect(name.keyLocation == SourceLocation(line: 2, column: 3))
        #expect(name.value.location == SourceLocation(line: 2, column: 11))
        let levels = try #require(node["levels"]?.arrayValue)
        #expect(levels[0].location == SourceLocation(line: 4, column: 5))
        #expect(levels[0].member(named: "code")?.keyLocation == SourceLocation(line: 4, column: 6))
        #expect(levels[0]["code"]?.location == SourceLocation(line: 4, column: 14))
        #expect(levels[1].location == SourceLocation(line: 5, column: 5))
    }

    @Test func columnsCountUnicodeScalars() throws {
        // "é" is 2 bytes and "😀" 4 bytes, but one column each.
        let node = try parse(#"{"é😀": "x", "k": 1}"#)
        #expect(node.member(named: "k")?.keyLocation == SourceLocation(line: 1, column: 13))
        #expect(node["k"]?.location == SourceLocation(line: 1, column: 18))
    }

    @Test func crlfLineEndings() throws {
        let node = try parse("{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}")
        #expect(node["b"]?.location == SourceLocation(line: 3, column: 8))
    }
}

@Suite struct JSONReaderErrorTests {
    @Test(arguments: [
        ("[1, 2,]", "trailing_comma", 1, 7),
        (#"{"a": 1,}"#, "trailing_comma", 1, 9),
        ("[1] x", "trailing_content", 1, 5),
        ("[01]", "leading_zero", 1, 2),
        ("[-]", "invalid_number", 1, 3),
        ("[1.]", "invalid_number", 1, 4),
        ("[1e]", "invalid_number", 1, 4),
        ("[NaN]", "invalid_number", 1, 2),
        ("[Infinity]", "invalid_number", 1, 2),
        ("[1e999]", "number_out_of_range", 1, 2),
        (#"["a\x"]"#, "invalid_escape", 1, 4),
        (#"["\u12G4"]"#, "invalid_escape", 1, 3),
        (#"["\ud800"]"#, "lone_surrogate", 1, 3),
        (#"["\udc00"]"#, "lone_surrogate", 1, 3),
        (#"["\ud800\u0041"]"#, "lone_surrogate", 1, 3),
        ("[\"a\nb\"]", "control_character_in_string", 1, 4),
        ("[\"a\tb\"]", "control_character_in_string", 1, 4),
        (#"["abc"#, "unterminated_string", 1, 6),
        ("", "empty_document", 1, 1),
        ("   \n ", "empty_document", 2, 2),
        ("[1 2]", "unexpected_character", 1, 4),
        (#"{"a" 1}"#, "unexpected_character", 1, 6),
        ("{a: 1}", "unexpected_character", 1, 2),
        ("['a']", "unexpected_character", 1, 2),
        ("[tru]", "unexpected_character", 1, 2),
        ("[truex]", "unexpected_character", 1, 6),
        ("[1,", "unexpected_end_of_input", 1, 4),
        (#"{"a": 1"#, "unexpected_end_of_input", 1, 8),
    ] as [(String, String, Int, Int)])
    func rejectsMalformedInput(text: String, code: String, line: Int, column: Int) {
        let error = parseError(text)
        #expect(error?.code == code, "\(text)")
        #expect(error?.location == SourceLocation(line: line, column: column), "\(text)")
        #expect(error?.message.isEmpty == false)
        #expect(error?.message.contains("expected") == true)
    }

    @Test func messagesSayWhatWasExpectedAndFound() throws {
        #expect(parseError("[tru]")?.message == "expected true, found 'tru'")
        #expect(parseError("[1 2]")?.message == "expected ',' or ']' in the array starting at 1:1, found '2'")
        #expect(parseError(#"{"a": 1,}"#)?.hint == "remove the trailing comma")
        #expect(parseError("[\"é\u{7}\"]")?.message.contains("control character U+0007") == true)
    }

    @Test func duplicateKeyNamesFirstOccurrence() throws {
        let error = try #require(parseError("{\n  \"a\": 1,\n  \"b\": 2,\n  \"a\": 3\n}"))
        #expect(error.code == "duplicate_key")
        #expect(error.location == SourceLocation(line: 4, column: 3))
        #expect(error.message.contains("line 2"))
        #expect(error.hint != nil)
    }

    @Test func duplicateKeyInLargeObject() throws {
        let members = (0..<20).map { "\"k\($0)\": \($0)" }.joined(separator: ", ")
        let error = try #require(parseError("{\(members), \"k3\": 0}"))
        #expect(error.code == "duplicate_key")
        #expect(error.message.contains("\"k3\""))
    }

    @Test func invalidUTF8IsLocated() throws {
        // Line 2, after `  "a": "x`: the stray 0xFF byte.
        let bytes = Array("{\n  \"a\": \"x".utf8) + [0xFF] + Array("\"}".utf8)
        let error = try #require(parseError(bytes: bytes))
        #expect(error.code == "invalid_utf8")
        #expect(error.location == SourceLocation(line: 2, column: 10))
        // An overlong encoding and an encoded surrogate are invalid too.
        #expect(parseError(bytes: Array("[\"".utf8) + [0xC0, 0xAF] + Array("\"]".utf8))?.code == "invalid_utf8")
        #expect(parseError(bytes: Array("[\"".utf8) + [0xED, 0xA0, 0x80] + Array("\"]".utf8))?.code == "invalid_utf8")
        #expect(parseError(bytes: [0xFF])?.code == "invalid_utf8")
    }

    @Test func depthLimitIsAnErrorNotACrash() throws {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = try #require(parseError(deep))
        #expect(error.code == "too_deep")
        #expect(error.location == SourceLocation(line: 1, column: 65))
        // Even a huge configured limit is capped, so recursion never overflows the stack.
        let capped = try #require(parseError(deep, limits: DocumentLimits(maxBytes: 1 << 24, maxDepth: 1 << 30)))
        #expect(capped.code == "too_deep")
        // Exactly at the limit is fine.
        let atLimit = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try parse(atLimit) }
    }

    @Test func sizeAndNodeLimits() {
        #expect(parseError("[1, 2, 3]", limits: DocumentLimits(maxBytes: 4))?.code == "file_too_large")
        #expect(parseError("[1, 2, 3]", limits: DocumentLimits(maxNodes: 3))?.code == "node_limit")
        #expect(parseError("[1, 2]", limits: DocumentLimits(maxNodes: 3)) == nil)
    }
}

@Suite struct JSONReaderLongLineTests {
    @Test func columnsOnAVeryLongMinifiedLineAreExact() throws {
        // 20,000 objects on one line: columns must still be counted exactly (and, by design, incrementally).
        let item = { (index: Int) in #"{"id":\#(index),"name":"item \#(index)","tags":["a","b"]}"# }
        let body = (0..<20_000).map(item).joined(separator: ",")
        let node = try JSONReader.read(Array("[\(body)]".utf8), limits: DocumentLimits(maxBytes: 1 << 24, maxNodes: 1 << 20))
        let items = try #require(node.arrayValue)
        #expect(items.count == 20_000)
        #expect(items[19_999]["id"]?.intValue == 19_999)
        let expectedColumn = 2 + (0..<19_999).reduce(0) { $0 + item($1).count + 1 }
        #expect(items[19_999].location == SourceLocation(line: 1, column: expectedColumn))
    }
}
