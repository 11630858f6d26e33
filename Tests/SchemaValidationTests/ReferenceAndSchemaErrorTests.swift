import LocatedDocument
import SchemaValidation
import Testing

@Suite struct ReferenceTests {
    @Test func refsToDefsDefinitionsAnchorsAndEscapes() throws {
        let schema = """
        {"$defs": {"code": {"pattern": "^M[1-6]$"}, "a/b~c": {"type": "integer"}, "named": {"$anchor": "level", "minimum": 1}},
         "definitions": {"legacy": {"type": "string"}},
         "properties": {"code": {"$ref": "#/$defs/code"}, "n": {"$ref": "#/$defs/a~1b~0c"},
                        "l": {"$ref": "#level"}, "s": {"$ref": "#/definitions/legacy"}, "p": {"$ref": "#/%24defs/code"}}}
        """
        #expect(try violations(schema, #"{"code": "M3", "n": 1, "l": 2, "s": "x", "p": "M1"}"#).isEmpty)
        #expect(try reported(schema, #"{"code": "X", "n": "1", "l": 0, "s": 1, "p": "Q"}"#).map(\.keyword) == ["pattern", "type", "minimum", "type", "pattern"])
    }

    @Test func recursiveRefTerminates() throws {
        let tree = ##"{"type": "object", "properties": {"children": {"type": "array", "items": {"$ref": "#"}}, "v": {"type": "integer"}}}"##
        let found = try reported(tree, #"{"children": [{"children": [{"v": "x"}]}]}"#)
        #expect(found == [Reported("/children/0/children/0/v", 1, 35, "type", #"expected integer, found string "x""#)])
    }

    @Test func idBasedResolutionInsideTheDocument() throws {
        let schema = """
        {"$id": "https://example.com/root.json", "$ref": "item.json",
         "$defs": {"item": {"$id": "item.json", "$ref": "#/$defs/inner", "$defs": {"inner": {"type": "string"}}}}}
        """
        #expect(try violations(schema, #""x""#).isEmpty)
        #expect(try violations(schema, "1").count == 1)
    }
}

@Suite struct SchemaErrorTests {
    @Test(arguments: ["unevaluatedProperties", "unevaluatedItems", "$dynamicRef", "$dynamicAnchor", "$recursiveRef",
                      "$recursiveAnchor", "dependencies", "additionalItems"])
    func unsupportedKeywordsAreErrors(keyword: String) throws {
        let error = try #require(try schemaError("{\n  \"properties\": {\"a\": {\"\(keyword)\": false}}\n}"))
        #expect(error.message == "keyword \(keyword) is not supported by this validator")
        #expect(error.schemaPointer.description == "/properties/a/\(keyword)")
        #expect(error.location == SourceLocation(line: 2, column: 24))
    }

    @Test func unknownAndAnnotationKeywordsAreIgnored() throws {
        let schema = #"{"title": "t", "description": "d", "default": 1, "examples": [], "$comment": "c", "deprecated": true, "x-custom": {"anything": 1}, "id": "urn:x", "readOnly": true}"#
        #expect(try violations(schema, "1").isEmpty)
    }

    @Test func brokenRegexIsAnError() throws {
        let error = try #require(try schemaError(#"{"properties": {"code": {"pattern": "^(M[1-6]$"}}}"#))
        #expect(error.schemaPointer.description == "/properties/code/pattern")
        #expect(error.message.contains("not a valid regular expression"))
        #expect(error.location == SourceLocation(line: 1, column: 37))
        let inKey = try #require(try schemaError(#"{"patternProperties": {"[": {}}}"#))
        #expect(inKey.schemaPointer.description == "/patternProperties/[")
    }

    @Test func externalAndDanglingRefsAreErrors() throws {
        let external = try #require(try schemaError(#"{"$ref": "https://json-schema.org/draft/2020-12/schema"}"#))
        #expect(external.message.contains("outside this schema document"))
        #expect(external.schemaPointer.description == "/$ref")
        let dangling = try #require(try schemaError(##"{"$ref": "#/$defs/missing"}"##))
        #expect(dangling.message.contains("does not exist"))
        let anchor = try #require(try schemaError(##"{"$ref": "#nowhere"}"##))
        #expect(anchor.message.contains("does not name"))
    }

    @Test func refLoopWithoutProgressIsAnError() throws {
        let error = try #require(try schemaError(##"{"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"anyOf": [{"$ref": "#/$defs/a"}]}}, "$ref": "#/$defs/a"}"##))
        #expect(error.message.contains("refers back to itself"))
    }

    @Test func malformedKeywordValues() throws {
        #expect(try schemaError(#"{"type": "text"}"#)?.schemaPointer.description == "/type")
        #expect(try schemaError(#"{"minLength": -1}"#)?.message == "expected minLength to be a non-negative integer, found integer -1")
        #expect(try schemaError(#"{"required": "a"}"#) != nil)
        #expect(try schemaError(#"{"multipleOf": 0}"#) != nil)
        #expect(try schemaError(#"{"properties": {"a": 1}}"#)?.schemaPointer.description == "/properties/a")
        #expect(try schemaError(#"{"anyOf": []}"#) != nil)
        // A broken definition is reported even if nothing refers to it.
        #expect(try schemaError(#"{"$defs": {"unused": {"type": 5}}}"#)?.schemaPointer.description == "/$defs/unused/type")
    }
}

@Suite struct ReportOrderTests {
    @Test func violationsAreSortedAndStable() throws {
        let schema = #"{"required": ["z"], "properties": {"b": {"type": "string"}, "a": {"type": "string", "minLength": 5}}, "additionalProperties": false}"#
        let instance = "{\n  \"b\": 1,\n  \"a\": 2, \"c\": 3\n}"
        let first = try reported(schema, instance)
        #expect(first == [
            Reported("", 1, 1, "required", #"missing required key "z""#),
            Reported("/b", 2, 8, "type", "expected string, found integer 1"),
            Reported("/a", 3, 8, "type", "expected string, found integer 2"),
            Reported("/c", 3, 11, "additionalProperties", #"unknown key "c"; allowed keys: b, a"#),
        ])
        for _ in 0..<5 { #expect(try reported(schema, instance) == first) }
    }

    @Test func samePlaceSortsByKeyword() throws {
        let found = try reported(#"{"type": "integer", "minimum": 5, "multipleOf": 2}"#, "1.5")
        #expect(found.map(\.keyword) == ["minimum", "multipleOf", "type"])
    }
}

@Suite struct CompiledSchemaReuseTests {
    @Test func oneCompiledSchemaValidatesManyDocuments() throws {
        let schema = try compile("""
        {"type": "object", "required": ["id", "levels"], "additionalProperties": false,
         "properties": {"id": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$"}, "status": {"enum": ["draft", "approved"]},
           "levels": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/level"}}},
         "$defs": {"level": {"type": "object", "required": ["code"], "properties": {"code": {"pattern": "^M[1-6]$"}, "title": {"type": "string"}}}}}
        """)
        let instance = try document(#"{"id": "eng", "status": "draft", "levels": [{"code": "M1", "title": "a"}, {"code": "M2"}, {"code": "M3"}]}"#)
        var valid = 0
        for _ in 0..<1_000 where schema.isValid(instance) { valid += 1 }
        #expect(valid == 1_000)
    }

    @Test func oneCompiledSchemaIsSharedAcrossTasks() async throws {
        let schema = try compile(#"{"type": "object", "properties": {"n": {"type": "integer", "minimum": 0}}}"#)
        let good = try document(#"{"n": 3}"#)
        let bad = try document(#"{"n": -3}"#)
        let counts = await withTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var violations = 0
                    for _ in 0..<500 { violations += schema.validate(good).count + schema.validate(bad).count }
                    return violations
                }
            }
            return await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(counts == Array(repeating: 500, count: 8))
    }
}
