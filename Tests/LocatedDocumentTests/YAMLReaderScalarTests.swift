import LocatedDocument
import Testing

/// What a scalar should resolve to, comparable in a test table.
enum YAMLExpectedScalar: Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case nan
    case string(String)

    init?(_ value: DocumentNode.Value) {
        switch value {
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .integer(let number): self = .integer(number)
        case .number(let number): self = number.isNaN ? .nan : .number(number)
        case .string(let text): self = .string(text)
        case .array, .object: return nil
        }
    }

    var description: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return "bool(\(flag))"
        case .integer(let number): return "integer(\(number))"
        case .number(let number): return "number(\(number))"
        case .nan: return "nan"
        case .string(let text): return "string(\(text.debugDescription))"
        }
    }
}

@Suite struct YAMLReaderScalarTests {
    static let plainScalars: [(String, YAMLExpectedScalar)] = [
        // null
        ("null", .null), ("Null", .null), ("NULL", .null), ("~", .null), ("", .null),
        ("nULL", .string("nULL")), ("nil", .string("nil")), ("None", .string("None")),
        // bool: only the six core spellings
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        ("yes", .string("yes")), ("no", .string("no")), ("on", .string("on")), ("off", .string("off")),
        ("NO", .string("NO")), ("Yes", .string("Yes")), ("tRUE", .string("tRUE")), ("y", .string("y")),
        // int
        ("0", .integer(0)), ("42", .integer(42)), ("-17", .integer(-17)), ("+8", .integer(8)),
        ("007", .integer(7)), ("-0", .integer(0)),
        ("0o17", .integer(15)), ("0o0", .integer(0)), ("0x1F", .integer(31)), ("0xff", .integer(255)),
        ("9223372036854775807", .integer(Int.max)), ("-9223372036854775808", .integer(Int.min)),
        ("9223372036854775808", .number(9_223_372_036_854_775_808)),
        ("-100000000000000000000", .number(-1e20)),
        ("0x10000000000000000", .number(18_446_744_073_709_551_616)),
        ("0o8", .string("0o8")), ("0xG", .string("0xG")), ("0x", .string("0x")), ("0o", .string("0o")),
        ("-0x1", .string("-0x1")), ("0X1F", .string("0X1F")), ("1_000", .string("1_000")),
        ("1,000", .string("1,000")), ("12abc", .string("12abc")), ("+", .string("+")), ("-x", .string("-x")), ("+-1", .string("+-1")),
        // float
        ("1.5", .number(1.5)), ("-2.25", .number(-2.25)), ("+0.5", .number(0.5)), (".5", .number(0.5)),
        ("1.", .number(1)), ("1e3", .number(1000)), ("1E-2", .number(0.01)), ("2.5e+2", .number(250)),
        ("-.5e1", .number(-5)), (".inf", .number(.infinity)), (".Inf", .number(.infinity)),
        ("+.INF", .number(.infinity)), ("-.inf", .number(-.infinity)),
        (".nan", .nan), (".NaN", .nan), (".NAN", .nan),
        (".", .string(".")), ("1e", .string("1e")), ("e3", .string("e3")), (".e3", .string(".e3")),
        ("1.2.3", .string("1.2.3")), ("-.nan", .string("-.nan")), (".iNf", .string(".iNf")),
        ("inf", .string("inf")), ("nan", .string("nan")), ("1e3.5", .string("1e3.5")),
        // strings that look like something else
        ("2026-05-02", .string("2026-05-02")), ("12:30:00", .string("12:30:00")),
        ("1.0.0", .string("1.0.0")), ("ENG-3", .string("ENG-3")), ("ключ", .string("ключ")),
    ]

    @Test(arguments: plainScalars)
    func resolvesPlainScalarsWithTheCoreSchema(text: String, expected: YAMLExpectedScalar) throws {
        let node = try YAMLTestSupport.read("value: \(text)\n")
        #expect(node["value"].flatMap { YAMLExpectedScalar($0.value) } == expected)
    }

    @Test(arguments: ["null", "true", "42", "1.5", "~", "", "0x1F", ".nan"])
    func quotedAndBlockScalarsAreAlwaysStrings(text: String) throws {
        let node = try YAMLTestSupport.read("""
            single: '\(text)'
            double: "\(text)"
            literal: |-
              \(text)
            folded: >-
              \(text)
            """)
        for key in ["single", "double", "literal", "folded"] {
            #expect(node[key].flatMap { YAMLExpectedScalar($0.value) } == .string(text), "\(key)")
        }
    }

    static let taggedScalars: [(String, YAMLExpectedScalar)] = [
        ("!!str 42", .string("42")), ("!!str true", .string("true")), ("!!str", .string("")),
        ("! 42", .string("42")),
        ("!!int 42", .integer(42)), ("!!int \"0x10\"", .integer(16)), ("!!int -5", .integer(-5)),
        ("!!float 1", .number(1)), ("!!float 1.5", .number(1.5)), ("!!float .inf", .number(.infinity)),
        ("!!bool true", .bool(true)), ("!!bool 'FALSE'", .bool(false)),
        ("!!null ~", .null), ("!!null ''", .null), ("!!null", .null),
        ("!<tag:yaml.org,2002:int> 7", .integer(7)),
    ]

    @Test(arguments: taggedScalars)
    func honoursCoreTags(text: String, expected: YAMLExpectedScalar) throws {
        let node = try YAMLTestSupport.read("value: \(text)\n")
        #expect(node["value"].flatMap { YAMLExpectedScalar($0.value) } == expected)
    }

    static let badlyTaggedScalars: [(String, String)] = [
        ("!!int three", "invalid_tagged_value"), ("!!int 1.5", "invalid_tagged_value"),
        ("!!float abc", "invalid_tagged_value"), ("!!bool yes", "invalid_tagged_value"),
        ("!!null 0", "invalid_tagged_value"), ("!!map x", "invalid_tagged_value"),
        ("!!seq [!!map a]", "invalid_tagged_value"), ("!!str {a: 1}", "invalid_tagged_value"),
        ("!!map [1]", "invalid_tagged_value"), ("!!seq {a: 1}", "invalid_tagged_value"),
        ("!custom x", "unsupported_tag"), ("!!binary aGVsbG8=", "unsupported_tag"),
        ("!!timestamp 2026-05-02", "unsupported_tag"), ("!ruby/object {}", "unsupported_tag"),
        ("!!set {a, b}", "unsupported_tag"),
    ]

    @Test(arguments: badlyTaggedScalars)
    func refusesTagsThatDoNotFitOrAreUnknown(text: String, code: String) throws {
        let error = try #require(YAMLTestSupport.error(reading: "value: \(text)\n"))
        #expect(error.code == code)
        #expect(error.location.line == 1)
    }

    @Test func honoursCollectionTags() throws {
        let node = try YAMLTestSupport.read("list: !!seq [1, 2]\nmap: !!map {a: 1}\nplain: ! [x]\n")
        #expect(node["list"]?.arrayValue?.count == 2)
        #expect(node["map"]?["a"]?.intValue == 1)
        #expect(node["plain"]?.arrayValue?.first?.stringValue == "x")
    }

    @Test func unsupportedTagMessageSpellsTheTagAsWritten() throws {
        let error = try #require(YAMLTestSupport.error(reading: "value: !!binary aGVsbG8=\n"))
        #expect(error.message.contains("\"!!binary\""))
        #expect(error.location == YAMLTestSupport.at(1, 8))
    }

    @Test func keysThatResolveToOtherTypesKeepTheirSourceText() throws {
        let node = try YAMLTestSupport.read("1: a\n0x10: b\ntrue: c\n~: d\nnull: e\n1.50: f\n\"2\": g\n")
        #expect(node.objectValue?.map(\.key) == ["1", "0x10", "true", "~", "null", "1.50", "2"])
        #expect(node["0x10"]?.stringValue == "b")
    }

    @Test func taggedKeysAreValidated() throws {
        #expect(try YAMLTestSupport.read("!!str 1: a\n!!int 2: b\n").objectValue?.map(\.key) == ["1", "2"])
        #expect(YAMLTestSupport.error(reading: "!!int two: b\n")?.code == "invalid_tagged_value")
        #expect(YAMLTestSupport.error(reading: "!odd key: b\n")?.code == "unsupported_tag")
    }
}
