import Foundation
import Testing
@testable import SchemaValidation

/// The automaton answers exactly as NSRegularExpression does (on the ECMA-262 translation) for
/// every pattern it accepts, and declines every pattern outside its subset.
@Suite("Simple patterns")
struct SimplePatternTests {
    /// The project's own schema patterns and the shapes schemas commonly use.
    static let patterns = [
        "^[A-Z0-9]+\\.[A-Z0-9]+$", "^[a-z0-9]+(-[a-z0-9]+)*$", "^[a-z][a-z0-9-]*$", "^[A-Z0-9]+$", "^[A-Z][0-9]{1,2}$",
        "^[A-Z]{3}$", "^[0-9]{2}-[0-9]{4}\\.[0-9]{2}$", "^[0-9]{2}-[0-9]{4}$", "^[0-9]{1,4}$", "^[a-z0-9][a-z0-9_-]{0,39}$",
        "^https?://", "^\\d+$", "\\w+@\\w+", "a", "^$", "b$", "(ab)+c?", "^(a|b)$", "^(a*)*$", "x{2,}y", "^[-a]+$",
        "^[a-]{2}$", "^[\\d-x]+$", "^\\.\\$\\^$", "^(a(b)?)*c{0,3}$", "[.]", "^[0-9]{3}(-[0-9]{2}){0,2}$",
    ]

    static let declined = ["^[^a]$", "a.b", "a|b", "(?:a)", "a+?", "\\bword", "\\s", "é", "^a{2,1}$", "[a", "(a", "a)", "\\1"]

    /// Deterministic random strings over the characters the patterns care about, plus others.
    static func samples(count: Int) -> [String] {
        let alphabet: [Character] = ["a", "b", "c", "x", "y", "z", "A", "Z", "Q", "0", "1", "5", "9", "-", "_", ".", "/", ":", "$",
                                     "^", "@", " ", "\n", "é", "中", "\u{1F600}", "h", "t", "p", "s"]
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        var result = ["", "a", "ab", "abc", "https://x", "http://", "AB.CD", "ab-cd", "ab--cd", "A12", "USD", "11-2021.00",
                      "11-2021", "1234", "abc\n", "a-b-c", "xxy", "ab\n", "\u{1F600}"]
        for _ in 0..<count {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(state >> 59)
            var text = ""
            for _ in 0..<length {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                text.append(alphabet[Int(state >> 40) % alphabet.count])
            }
            result.append(text)
        }
        return result
    }

    @Test(arguments: patterns)
    func theAutomatonAgreesWithTheRegularExpression(_ pattern: String) throws {
        let compiled = try #require(CompiledPattern(pattern))
        if ["^(a|b)$"].contains(pattern) {
            #expect(!compiled.usesAutomaton)
            return
        }
        #expect(compiled.usesAutomaton, "\(pattern) should take the automaton")
        for text in Self.samples(count: 3000) {
            #expect(compiled.matches(text) == compiled.regularExpressionMatches(text), "\(pattern) on \(text.debugDescription)")
        }
    }

    @Test func theEmptyPatternMatchesEverything() throws {
        let compiled = try #require(CompiledPattern(""))
        #expect(Self.samples(count: 50).allSatisfy(compiled.matches))
    }

    @Test(arguments: declined)
    func patternsOutsideTheSubsetAreDeclined(_ pattern: String) {
        #expect(SimplePattern(pattern) == nil, "\(pattern)")
    }
}
