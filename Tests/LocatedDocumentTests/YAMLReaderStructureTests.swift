import LocatedDocument
import Testing

@Suite struct YAMLReaderStructureTests {
    private func at(_ line: Int, _ column: Int) -> LocatedDocument.SourceLocation {
        YAMLTestSupport.at(line, column)
    }

    @Test func locatesNestedNodesAndKeysInBlockStyle() throws {
        let node = try YAMLTestSupport.read("""
            code: ENG-3
            levels:
              - code: L1
                skills:
                  - design
                  - review
              - code: L2
            """)
        let levels = try #require(node.member(named: "levels"))
        #expect(levels.keyLocation == at(2, 1))
        #expect(levels.value.location == at(3, 3))
        let second = try #require(levels.value.arrayValue?[1])
        #expect(second.location == at(7, 5))
        #expect(second.member(named: "code")?.keyLocation == at(7, 5))
        #expect(second["code"]?.location == at(7, 11))
        let skills = try #require(levels.value.arrayValue?[0].member(named: "skills"))
        #expect(skills.keyLocation == at(4, 5))
        #expect(skills.value.arrayValue?.map(\.location) == [at(5, 9), at(6, 9)])
        #expect(skills.value.arrayValue?.map(\.stringValue) == ["design", "review"])
    }

    @Test func locatesNodesInFlowStyle() throws {
        let node = try YAMLTestSupport.read("a: {b: [1, {c: x}], d: 'y'}\n")
        let inner = try #require(node["a"])
        #expect(inner.location == at(1, 4))
        #expect(inner.member(named: "b")?.keyLocation == at(1, 5))
        let list = try #require(inner["b"]?.arrayValue)
        #expect(list.map(\.location) == [at(1, 9), at(1, 12)])
        #expect(list[1].member(named: "c")?.keyLocation == at(1, 13))
        #expect(list[1]["c"]?.location == at(1, 16))
        #expect(inner["d"]?.location == at(1, 24))
        #expect(inner["d"]?.stringValue == "y")
    }

    /// libyaml counts columns in characters, so multi-byte UTF-8 (2-, 3- and 4-byte sequences) before
    /// a node counts one column per code point, matching `SourceLocation`.
    @Test func columnsCountCodePointsAfterMultiByteText() throws {
        let node = try YAMLTestSupport.read("""
            ключ: значение
            "日本語": {名前: 😀, x: y}
            é😀: [ü, ö]
            """)
        let first = try #require(node.member(named: "ключ"))
        #expect(first.value.location == at(1, 7))
        let second = try #require(node.member(named: "日本語"))
        #expect(second.keyLocation == at(2, 1))
        #expect(second.value.location == at(2, 8))
        #expect(second.value.member(named: "名前")?.keyLocation == at(2, 9))
        #expect(second.value["名前"]?.location == at(2, 13))
        #expect(second.value.member(named: "x")?.keyLocation == at(2, 16))
        #expect(second.value["x"]?.location == at(2, 19))
        let third = try #require(node["é😀"]?.arrayValue)
        #expect(third.map(\.location) == [at(3, 6), at(3, 9)])
    }

    @Test func locationsAfterCRLFLineBreaks() throws {
        let node = try YAMLTestSupport.read("a: 1\r\nb:\r\n  - x\r\n")
        #expect(node.member(named: "b")?.keyLocation == at(2, 1))
        #expect(node["b"]?.arrayValue?.first?.location == at(3, 5))
    }

    @Test func readsBlockScalars() throws {
        let node = try YAMLTestSupport.read("""
            literal: |
              line one
                indented
              line three
            stripped: |-
              no newline
            folded: >-
              folded
              text

              new paragraph
            kept: >+
              kept

            after: x
            """)
        #expect(node["literal"]?.stringValue == "line one\n  indented\nline three\n")
        #expect(node["literal"]?.location == at(1, 10))
        #expect(node["stripped"]?.stringValue == "no newline")
        #expect(node["folded"]?.stringValue == "folded text\nnew paragraph")
        #expect(node["kept"]?.stringValue == "kept\n\n")
        #expect(node.member(named: "after")?.keyLocation == at(15, 1))
    }

    @Test func keepsMemberOrder() throws {
        let node = try YAMLTestSupport.read("z: 1\na: 2\nm: 3\n")
        #expect(node.objectValue?.map(\.key) == ["z", "a", "m"])
    }

    @Test func expandsAliasesToTheAnchoredValue() throws {
        let node = try YAMLTestSupport.read("""
            base: &base
              track: engineering
              grades: [5, 6]
            name: &name Platform
            copy: *base
            names: [*name, *name]
            """)
        let copy = try #require(node["copy"])
        #expect(copy.isJSONEqual(to: try #require(node["base"])))
        // The alias node sits where the alias is written; its contents keep their anchored positions.
        #expect(copy.location == at(5, 7))
        #expect(copy.member(named: "track")?.keyLocation == at(2, 3))
        #expect(node["names"]?.arrayValue?.map(\.stringValue) == ["Platform", "Platform"])
        #expect(node["names"]?.arrayValue?.map(\.location) == [at(6, 9), at(6, 16)])
    }

    @Test func aliasOfAScalarCanBeAKey() throws {
        let node = try YAMLTestSupport.read("keys: [&k code]\nmap: {*k : ENG-3}\n")
        #expect(node["map"]?["code"]?.stringValue == "ENG-3")
        #expect(node["map"]?.member(named: "code")?.keyLocation == at(2, 7))
    }

    @Test func anAnchorMayBeRedefined() throws {
        let node = try YAMLTestSupport.read("a: &x 1\nb: *x\nc: &x 2\nd: *x\n")
        #expect(node["b"]?.intValue == 1)
        #expect(node["d"]?.intValue == 2)
    }

    @Test func quotedMergeKeyIsAnOrdinaryKey() throws {
        let node = try YAMLTestSupport.read("\"<<\": x\n")
        #expect(node["<<"]?.stringValue == "x")
    }

    @Test func emptyValuesAndEmptyCollections() throws {
        let node = try YAMLTestSupport.read("a:\nb: []\nc: {}\n")
        #expect(node["a"].flatMap { YAMLExpectedScalar($0.value) } == .null)
        #expect(node["b"]?.arrayValue?.isEmpty == true)
        #expect(node["c"]?.objectValue?.isEmpty == true)
    }

    @Test func jsonTextReadsAsTheSameTree() throws {
        let json = try YAMLReader.read(YAMLTestSupport.fixture("profile.json"))
        let yaml = try YAMLReader.read(YAMLTestSupport.fixture("profile.yaml"))
        #expect(json.isJSONEqual(to: yaml))

        // Exact types, not only JSON equality.
        #expect(json["grade"].flatMap { YAMLExpectedScalar($0.value) } == .integer(7))
        #expect(json["salary_band"]?.arrayValue?.compactMap { YAMLExpectedScalar($0.value) } == [.integer(95000), .integer(128_000), .number(150_000)])
        #expect(yaml["salary_band"]?.arrayValue?.compactMap { YAMLExpectedScalar($0.value) } == [.integer(95000), .integer(128_000), .number(150_000)])
        #expect(json["title"]?.stringValue == "Senior Engineer – Платформа")
        #expect(json["notes"]?.stringValue == "Line one.\nLine two.\n")
        #expect(json["active"]?.boolValue == true)
        #expect(json["levels"]?.arrayValue?[1]["weight"].flatMap { YAMLExpectedScalar($0.value) } == .null)
        #expect(json["levels"]?.arrayValue?[1]["code"]?.stringValue == "L2")
        #expect(yaml["tags"]?["remote"]?.stringValue == "yes")
        #expect(yaml["review_date"]?.stringValue == "2026-05-02")

        // JSON locations: line 12 is written without spaces, line 11 has an emoji before "weight".
        let second = try #require(json["levels"]?.arrayValue?[1])
        #expect(second.location == at(12, 5))
        #expect(second.member(named: "label")?.keyLocation == at(12, 18))
        #expect(second["label"]?.location == at(12, 26))
        let first = try #require(json["levels"]?.arrayValue?[0])
        #expect(first["label"]?.location == at(11, 29))
        #expect(first.member(named: "weight")?.keyLocation == at(11, 42))
        #expect(first["weight"]?.location == at(11, 52))
    }

    @Test func jsonScalarsAndEscapes() throws {
        let node = try YAMLTestSupport.read(#"{"a": [1, -0, 1.5e-3, 1E2, true, false, null, "x\/y\u00e9\n", ""]}"#)
        let items = try #require(node["a"]?.arrayValue).compactMap { YAMLExpectedScalar($0.value) }
        #expect(items == [.integer(1), .integer(0), .number(0.0015), .number(100), .bool(true), .bool(false), .null, .string("x/yé\n"), .string("")])
    }

    @Test func largeMappingsStillDetectDuplicatesAndKeepAllKeys() throws {
        let keys = (0..<500).map { "key\($0)" }
        let text = keys.map { "\($0): 1\n" }.joined()
        let node = try YAMLTestSupport.read(text)
        #expect(node.objectValue?.map(\.key) == keys)
        let error = try #require(YAMLTestSupport.error(reading: text + "key123: 2\n"))
        #expect(error.code == "duplicate_key")
        #expect(error.location == at(501, 1))
        #expect(error.message.contains("(first defined at line 124)"))
    }

    /// Collections are built on shared stacks; each must get its own right-sized storage rather than
    /// a share of the stack's spare capacity (a hostile 1 MiB file once needed ~170 MB this way).
    @Test func collectionsDoNotKeepTheBuildersSpareCapacity() throws {
        let text = (0..<2_000).map { "k\($0): [\($0)]\n" }.joined()
        let node = try YAMLTestSupport.read(text)
        let inner = try #require(node.objectValue).compactMap(\.value.arrayValue)
        #expect(inner.count == 2_000)
        #expect(inner.allSatisfy { $0.count == 1 && $0.capacity < 8 })
    }
}
