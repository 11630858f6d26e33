import LocatedDocument
import SchemaValidation
import Testing

@Suite struct TypeKeywordTests {
    @Test func typeReportsExpectedAndFound() throws {
        let found = try reported(#"{"properties": {"n": {"type": "integer"}, "m": {"type": ["integer", "null"]}}}"#,
                                 "{\n  \"n\": \"one\",\n  \"m\": 1.5\n}")
        #expect(found == [
            Reported("/n", 2, 8, "type", #"expected integer, found string "one""#),
            Reported("/m", 3, 8, "type", "expected integer or null, found number 1.5"),
        ])
    }

    @Test func integerIsNumberWithZeroFraction() throws {
        #expect(try violations(#"{"type": "integer"}"#, "2.0").isEmpty)
        #expect(try violations(#"{"type": "number"}"#, "2").isEmpty)
        #expect(try reported(#"{"type": "integer"}"#, "2.5") == [Reported("", 1, 1, "type", "expected integer, found number 2.5")])
    }

    @Test func enumListsOptionsAndSuggests() throws {
        let found = try reported(#"{"properties": {"status": {"enum": ["draft", "in-review", "approved", "retired"]}}}"#,
                                 #"{"status": "aproved"}"#)
        #expect(found == [Reported("/status", 1, 12, "enum",
                                   #"expected one of draft, in-review, approved, retired; found "aproved" (did you mean "approved"?)"#)])
        #expect(try violations(#"{"enum": [1, "a", null]}"#, "1.0").isEmpty)
    }

    @Test func constComparesByJSONValue() throws {
        #expect(try violations(#"{"const": {"a": [1, 2]}}"#, #"{"a": [1.0, 2]}"#).isEmpty)
        #expect(try reported(#"{"const": "x"}"#, #""y""#) == [Reported("", 1, 1, "const", #"expected "x", found "y""#)])
        // Code points, not canonical equivalence: "é" precomposed is not "e" + combining acute.
        #expect(try violations(#"{"const": "\u00e9"}"#, #""e\u0301""#).count == 1)
    }
}

@Suite struct NumericKeywordTests {
    @Test func bounds() throws {
        let schema = #"{"items": [{"minimum": 1}, {"maximum": 5}, {"exclusiveMinimum": 0}, {"exclusiveMaximum": 10}]}"#
        #expect(try violations(schema, "[1, 5, 0.5, 9.99]").isEmpty)
        #expect(try reported(schema, "[0, 6, 0, 10]") == [
            Reported("/0", 1, 2, "minimum", "expected a number >= 1, found 0"),
            Reported("/1", 1, 5, "maximum", "expected a number <= 5, found 6"),
            Reported("/2", 1, 8, "exclusiveMinimum", "expected a number > 0, found 0"),
            Reported("/3", 1, 11, "exclusiveMaximum", "expected a number < 10, found 10"),
        ])
    }

    @Test func draft04BooleanExclusiveBounds() throws {
        #expect(try reported(#"{"minimum": 1, "exclusiveMinimum": true}"#, "1") == [Reported("", 1, 1, "exclusiveMinimum", "expected a number > 1, found 1")])
        #expect(try violations(#"{"maximum": 1, "exclusiveMaximum": false}"#, "1").isEmpty)
    }

    @Test func multipleOfHandlesDecimalsAndOverflow() throws {
        #expect(try violations(#"{"multipleOf": 0.0001}"#, "0.0075").isEmpty)
        #expect(try violations(#"{"multipleOf": 0.01}"#, "19.99").isEmpty)
        #expect(try violations(#"{"multipleOf": 0.1}"#, "0.3").isEmpty)
        #expect(try reported(#"{"multipleOf": 0.0001}"#, "0.00751") == [Reported("", 1, 1, "multipleOf", "expected a multiple of 0.0001, found 0.00751")])
        #expect(try violations(#"{"multipleOf": 0.123456789}"#, "1e308").count == 1)
        #expect(try violations(#"{"multipleOf": 3}"#, "9223372036854775806").isEmpty)
        #expect(try violations(#"{"multipleOf": 3}"#, "9223372036854775807").count == 1)
    }
}

@Suite struct StringKeywordTests {
    @Test func lengthCountsScalars() throws {
        #expect(try violations(#"{"maxLength": 2}"#, #""😀é""#).isEmpty)
        #expect(try reported(#"{"minLength": 3}"#, #""ab""#) == [Reported("", 1, 1, "minLength", #"expected at least 3 characters, found 2 in "ab""#)])
        #expect(try reported(#"{"maxLength": 1}"#, #""ab""#) == [Reported("", 1, 1, "maxLength", #"expected at most 1 character, found 2 in "ab""#)])
    }

    @Test func patternIsUnanchoredSearch() throws {
        #expect(try violations(#"{"pattern": "M[1-6]"}"#, #""xxM3yy""#).isEmpty)
        let found = try reported(#"{"properties": {"code": {"pattern": "^M[1-6]$"}}}"#, "{\n\"code\": \"X9\"}")
        #expect(found == [Reported("/code", 2, 9, "pattern", #"value "X9" does not match pattern ^M[1-6]$"#)])
    }

    @Test func patternFollowsECMAScriptWhereICUDiffers() throws {
        // ECMA-262 \d is ASCII only; `$` does not match before a final newline.
        #expect(try violations(#"{"pattern": "^\\d+$"}"#, #""\u0967\u0968""#).count == 1)
        #expect(try violations(#"{"pattern": "^[a-z]+$"}"#, #""abc\n""#).count == 1)
        #expect(try violations(#"{"pattern": "^[\\d.]+$"}"#, #""1.5""#).isEmpty)
    }

    @Test func formatIsAnnotationUnlessAsserted() throws {
        #expect(try violations(#"{"format": "date"}"#, #""2021-02-29""#).isEmpty)
        #expect(try reported(#"{"format": "date"}"#, #""2021-02-29""#, formatAssertion: true)
                == [Reported("", 1, 1, "format", #"expected a date like 2024-01-31 (RFC 3339 full-date), found "2021-02-29""#)])
        #expect(try violations(#"{"format": "date"}"#, #""2024-02-29""#, formatAssertion: true).isEmpty)
        #expect(try violations(#"{"format": "date-time"}"#, #""2024-02-29T23:59:60Z""#, formatAssertion: true).isEmpty)
        #expect(try violations(#"{"format": "date-time"}"#, #""2024-02-29T23:58:60Z""#, formatAssertion: true).count == 1)
        #expect(try violations(#"{"format": "email"}"#, #""a.b@example.com""#, formatAssertion: true).isEmpty)
        #expect(try violations(#"{"format": "email"}"#, #""a..b@example.com""#, formatAssertion: true).count == 1)
        #expect(try violations(#"{"format": "uri"}"#, #""https://example.com/a?b#c""#, formatAssertion: true).isEmpty)
        #expect(try violations(#"{"format": "uri"}"#, #""/relative/path""#, formatAssertion: true).count == 1)
        // Other format names stay annotations even when asserting.
        #expect(try violations(#"{"format": "hostname"}"#, #""!!""#, formatAssertion: true).isEmpty)
    }
}

@Suite struct ArrayKeywordTests {
    @Test func itemCountsAndItems() throws {
        let found = try reported(#"{"minItems": 3, "items": {"type": "integer"}}"#, "[1, \"one\"]")
        #expect(found == [
            Reported("", 1, 1, "minItems", "expected at least 3 items, found 2"),
            Reported("/1", 1, 5, "type", #"expected integer, found string "one""#),
        ])
        #expect(try reported(#"{"maxItems": 1}"#, "[1, 2]") == [Reported("", 1, 1, "maxItems", "expected at most 1 item, found 2")])
    }

    @Test func prefixItemsThenForbiddenRest() throws {
        let found = try reported(#"{"prefixItems": [{"type": "string"}, {"type": "integer"}], "items": false}"#, #"["a", 1, true, null]"#)
        #expect(found == [Reported("/2", 1, 10, "items", "expected at most 2 items, found 4; item 2 is not allowed")])
    }

    @Test func uniqueItemsReportsTheDuplicate() throws {
        let found = try reported(#"{"uniqueItems": true}"#, #"[{"a": 1}, 2, {"a": 1.0}]"#)
        #expect(found == [Reported("/2", 1, 15, "uniqueItems", "expected unique items, found item 2 equal to item 0 ({…})")])
    }

    /// Arrays of strings take a one-pass path: each duplicate is still reported once, against the
    /// first equal item, and canonically equivalent strings still differ.
    @Test func uniqueStringsReportEachDuplicateAgainstTheFirst() throws {
        let found = try reported(#"{"uniqueItems": true}"#, #"["a", "b", "a", "a", "e\u0301", "\u00e9"]"#)
        #expect(found.map(\.message) == [
            "expected unique items, found item 2 equal to item 0 (\"a\")",
            "expected unique items, found item 3 equal to item 0 (\"a\")",
        ])
        #expect(found.map(\.pointer) == ["/2", "/3"])
        #expect(try violations(#"{"uniqueItems": true}"#, #"["a", 1, "a"]"#).count == 1, "mixed arrays take the pairwise path")
    }

    @Test func containsWithBounds() throws {
        let schema = #"{"contains": {"type": "integer"}, "minContains": 2, "maxContains": 3}"#
        #expect(try violations(schema, #"[1, "a", 2]"#).isEmpty)
        #expect(try reported(schema, #"[1, "a"]"#) == [Reported("", 1, 1, "contains", "expected at least 2 items matching the contains schema, found 1")])
        #expect(try reported(schema, "[1, 2, 3, 4]") == [Reported("", 1, 1, "maxContains", "expected at most 3 items matching the contains schema, found 4")])
    }
}

@Suite struct ObjectKeywordTests {
    @Test func unknownKeyPointsAtKeyWithSuggestion() throws {
        let schema = #"{"properties": {"summary": {"type": "string"}, "levels": {}}, "additionalProperties": false}"#
        let found = try reported(schema, "{\n  \"levels\": [],\n  \"sumary\": \"x\"\n}")
        #expect(found == [Reported("/sumary", 3, 3, "additionalProperties", #"unknown key "sumary" (did you mean "summary"?)"#)])
        let unrelated = try reported(schema, #"{"zzzzzz": 1}"#)
        #expect(unrelated == [Reported("/zzzzzz", 1, 2, "additionalProperties", #"unknown key "zzzzzz"; allowed keys: summary, levels"#)])
    }

    @Test func propertyNamesMatchCodePointForCodePoint() throws {
        // "é" precomposed in the schema: the decomposed spelling (canonically equivalent, so equal
        // as Swift strings) is another key, as JSON Schema compares strings by code points.
        let schema = #"{"properties": {"caf\u00e9": {"type": "integer"}}, "additionalProperties": false}"#
        #expect(try violations(schema, #"{"caf\u00e9": 1}"#).isEmpty)
        #expect(try reported(schema, #"{"caf\u00e9": "x"}"#).map(\.keyword) == ["type"])
        #expect(try reported(schema, #"{"cafe\u0301": 1}"#).map(\.keyword) == ["additionalProperties"])
    }

    @Test func everyPropertyOfALargeObjectSchemaIsFound() throws {
        let names = (0..<40).map { "key\($0)" } + ["a", "b", "a property name longer than fifteen bytes", "ключ"]
        let schema = "{\"properties\": {" + names.map { "\"\($0)\": {\"type\": \"integer\"}" }.joined(separator: ", ")
            + "}, \"additionalProperties\": false}"
        #expect(try violations(schema, "{" + names.map { "\"\($0)\": 1" }.joined(separator: ", ") + "}").isEmpty)
        let mistyped = try reported(schema, "{" + names.map { "\"\($0)\": \"s\"" }.joined(separator: ", ") + "}")
        #expect(mistyped.map(\.pointer) == names.map { "/" + $0 })
        #expect(mistyped.allSatisfy { $0.keyword == "type" })
        #expect(try reported(schema, #"{"key40": 1, "ключ": 2}"#).map(\.pointer) == ["/key40"])
    }

    @Test func missingRequiredKeyPointsAtObject() throws {
        let found = try reported(#"{"properties": {"job": {"required": ["levels", "name"]}}}"#, "{\"job\":\n  {\"name\": \"x\"}}")
        #expect(found == [Reported("/job", 2, 3, "required", #"missing required key "levels""#)])
    }

    @Test func patternPropertiesAndAdditionalSchema() throws {
        let schema = #"{"properties": {"a": {}}, "patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": {"type": "integer"}}"#
        #expect(try violations(schema, #"{"a": true, "x-y": "s", "z": 1}"#).isEmpty)
        #expect(try reported(schema, #"{"x-y": 1, "z": "s"}"#) == [
            Reported("/x-y", 1, 9, "type", "expected string, found integer 1"),
            Reported("/z", 1, 17, "type", #"expected integer, found string "s""#),
        ])
    }

    @Test func propertyNamesLocatedAtKey() throws {
        let found = try reported(#"{"propertyNames": {"pattern": "^[a-z]+$"}}"#, #"{"ok": 1, "Bad": 2}"#)
        #expect(found == [Reported("/Bad", 1, 11, "pattern", #"invalid key "Bad": value "Bad" does not match pattern ^[a-z]+$"#)])
    }

    @Test func propertyCountsAndDependencies() throws {
        #expect(try reported(#"{"minProperties": 2}"#, #"{"a": 1}"#) == [Reported("", 1, 1, "minProperties", "expected at least 2 keys, found 1")])
        #expect(try reported(#"{"maxProperties": 0}"#, #"{"a": 1}"#) == [Reported("", 1, 1, "maxProperties", "expected at most 0 keys, found 1")])
        #expect(try reported(#"{"dependentRequired": {"min": ["max"]}}"#, #"{"min": 1}"#)
                == [Reported("", 1, 1, "dependentRequired", #"missing key "max", required when "min" is present"#)])
        #expect(try reported(#"{"dependentSchemas": {"min": {"required": ["unit"]}}}"#, #"{"min": 1}"#)
                == [Reported("", 1, 1, "required", #"missing required key "unit""#)])
    }
}

@Suite struct CombinatorKeywordTests {
    static let shapes = """
    {"oneOf": [
      {"type": "object", "properties": {"kind": {"const": "circle"}, "r": {"type": "number"}}, "required": ["kind", "r"]},
      {"type": "object", "properties": {"kind": {"const": "square"}, "side": {"type": "number"}}, "required": ["kind", "side"]}
    ]}
    """

    @Test func oneOfReportsSummaryAndClosestBranchOnly() throws {
        let found = try reported(Self.shapes, #"{"kind": "square", "side": "big"}"#)
        #expect(found == [
            Reported("", 1, 1, "oneOf", "expected the value to match exactly one of 2 alternatives, found it matches none; the closest is alternative 2, whose problems are reported too"),
            Reported("/side", 1, 28, "type", #"expected number, found string "big""#),
        ])
    }

    @Test func oneOfWithSeveralMatches() throws {
        let found = try reported(#"{"oneOf": [{"type": "integer"}, {"minimum": 0}]}"#, "3")
        #expect(found == [Reported("", 1, 1, "oneOf", "expected the value to match exactly one of 2 alternatives, found it matches alternatives 1 and 2")])
    }

    @Test func anyOfOfTypesCollapsesToOneMessage() throws {
        #expect(try reported(#"{"anyOf": [{"type": "string"}, {"type": "object"}]}"#, "5") == [Reported("", 1, 1, "anyOf", "expected object or string, found integer 5")])
        #expect(try violations(#"{"anyOf": [{"type": "string"}, {"type": "object"}]}"#, "{}").isEmpty)
    }

    @Test func allOfNotAndConditional() throws {
        #expect(try reported(#"{"allOf": [{"minimum": 2}, {"maximum": 1}]}"#, "3") == [Reported("", 1, 1, "maximum", "expected a number <= 1, found 3")])
        #expect(try reported(#"{"not": {"type": "null"}}"#, "null") == [Reported("", 1, 1, "not", #"expected the value not to match the schema under "not", found null matches it"#)])
        let conditional = #"{"if": {"properties": {"kind": {"const": "manager"}}}, "then": {"required": ["reports"]}, "else": {"maxProperties": 1}}"#
        #expect(try reported(conditional, #"{"kind": "manager"}"#) == [Reported("", 1, 1, "required", #"missing required key "reports""#)])
        #expect(try reported(conditional, #"{"kind": "ic", "x": 1}"#) == [Reported("", 1, 1, "maxProperties", "expected at most 1 key, found 2")])
    }

    @Test func booleanSchemas() throws {
        #expect(try violations("true", "[1]").isEmpty)
        #expect(try reported("false", "1") == [Reported("", 1, 1, "false", "no value is allowed here (the schema is false)")])
        #expect(try reported(#"{"properties": {"old": false}}"#, #"{"old": 1}"#) == [Reported("/old", 1, 9, "false", #"key "old" is not allowed here"#)])
    }
}
