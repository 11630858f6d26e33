/// A light, deterministic English suffix stripper (in the spirit of Porter's step 1).
///
/// It only needs to make inflected forms of one word agree ("approves", "approved", "approving",
/// "approve" → "approv"); stems are match keys, not words. Rules, applied in order to the
/// lowercased word:
///
/// 0. Words shorter than 3 characters, words containing an ASCII digit, and a few invariant words
///    ("series", "embed", "bias", …) are returned unchanged.
/// 1. Possessive: a final `'s` or `'` (or `’s`, `’`) is removed ("associate's" → "associate").
/// 2. Plural (words of 4+ characters): `sses` → `ss` ("processes"); `ies` → `y`
///    ("activities", but "ties" → "tie"); words ending `ss`, `us`, `sis`, `xis`, `his` keep their
///    `s` ("process", "status", "analysis", "this"); otherwise a final `s` is removed ("sops",
///    "kpis", "batches" → "batche", tidied in step 4).
/// 3. One suffix, the first that applies:
///    - `ing`, when a vowel (a, e, i, o, u, y) remains and 2+ characters remain
///      ("approving"; not "bring", "string");
///    - `ied` → `y` ("applied" → "apply"), or → `ie` in 4-letter words ("tied");
///    - `eed` is kept ("need", "exceed", "proceed"), except `reed`/`teed` in words of 6+ letters
///      lose the `d` ("agreed" → "agree", "guaranteed");
///    - `ed`, with the same guard as `ing` ("approved"; not "red", "shed");
///    - `ly`, in words of 6+ letters, unless it follows `p`, `b`, `i`, `o`, `a` ("apply",
///      "assembly", "daily", "anomaly") or an `l` not preceded by `a`/`u` ("critically" → "critical",
///      "carefully" → "careful");
///    - `ment`, when 5+ characters remain ("management" → "manage"; "document", "comment" stay).
/// 4. Tidy: after `ing`/`ed`, a doubled final consonant other than `l`, `s`, `z`, `f` is undoubled
///    when 3+ characters remain ("planning" → "plan", "adding" → "add", "staffing" → "staff");
///    a final `e` not preceded by `e` is removed ("approve" → "approv", "agree" stays);
///    a final `ll` in words of 6+ letters becomes `l` ("install"/"installed" → "instal").
///
/// Non-ASCII letters are kept as they are; only ASCII suffixes are rewritten.
public enum Stemmer {
    public static func stem(_ word: String) -> String {
        guard word.utf8.count >= 3 else { return word }
        var w = Array(word.utf8)
        guard !w.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return word }
        foldTypographicApostrophes(&w)
        if invariant.contains(where: { $0.count == w.count && $0 == w }) { return word }

        stripPossessive(&w)
        if w.count >= 4 { stripPlural(&w) }
        let strippedInflection = stripSuffix(&w)
        tidy(&w, afterInflection: strippedInflection)
        return String(decoding: w, as: UTF8.self)
    }

    /// Checked by linear scan: 17 short arrays, mostly rejected on length, cost less than hashing.
    private static let invariant: [[UInt8]] = [
        "series", "species", "news", "always", "perhaps", "whereas", "bias", "alias", "canvas", "atlas",
        "chaos", "lens", "embed", "hundred", "naked", "wicked", "sacred",
    ].map { Array($0.utf8) }

    private static let apostrophe: UInt8 = 0x27

    private static func foldTypographicApostrophes(_ w: inout [UInt8]) {
        guard w.contains(0xE2) else { return }
        var folded: [UInt8] = []
        folded.reserveCapacity(w.count)
        var i = 0
        while i < w.count {
            if i + 2 < w.count, w[i] == 0xE2, w[i + 1] == 0x80, w[i + 2] == 0x99 {
                folded.append(apostrophe)
                i += 3
            } else {
                folded.append(w[i])
                i += 1
            }
        }
        w = folded
    }

    private static func stripPossessive(_ w: inout [UInt8]) {
        if w.hasSuffix("'s") {
            w.removeLast(2)
        } else if w.last == apostrophe {
            w.removeLast()
        }
    }

    private static func stripPlural(_ w: inout [UInt8]) {
        if w.hasSuffix("sses") {
            w.removeLast(2)
        } else if w.hasSuffix("ies") {
            if w.count > 4 {
                w.removeLast(3)
                w.append(UInt8(ascii: "y"))
            } else {
                w.removeLast()
            }
        } else if w.hasSuffix("ss") || w.hasSuffix("us") {
            return
        } else if w.hasSuffix("is"), w.count >= 3, [UInt8(ascii: "s"), UInt8(ascii: "x"), UInt8(ascii: "h")].contains(w[w.count - 3]) {
            return
        } else if w.last == UInt8(ascii: "s") {
            w.removeLast()
        }
    }

    /// Strips one suffix; returns true when it was `ing` or `ed` (which may leave a doubled consonant).
    private static func stripSuffix(_ w: inout [UInt8]) -> Bool {
        if w.hasSuffix("ing") {
            if hasVowel(w, upTo: w.count - 3), w.count - 3 >= 2 {
                w.removeLast(3)
                return true
            }
            return false
        }
        if w.hasSuffix("ied") {
            if w.count > 4 {
                w.removeLast(3)
                w.append(UInt8(ascii: "y"))
            } else {
                w.removeLast()
            }
            return false
        }
        if w.hasSuffix("eed") {
            if w.count >= 6, w.hasSuffix("reed") || w.hasSuffix("teed") { w.removeLast() }
            return false
        }
        if w.hasSuffix("ed") {
            if hasVowel(w, upTo: w.count - 2), w.count - 2 >= 2 {
                w.removeLast(2)
                return true
            }
            return false
        }
        if w.hasSuffix("ly"), w.count >= 6 {
            let before = w[w.count - 3]
            let keeps: Bool
            switch before {
            case UInt8(ascii: "p"), UInt8(ascii: "b"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "a"):
                keeps = true
            case UInt8(ascii: "l"):
                let beforeL = w[w.count - 4]
                keeps = beforeL != UInt8(ascii: "a") && beforeL != UInt8(ascii: "u")
            default:
                keeps = false
            }
            if !keeps { w.removeLast(2) }
            return false
        }
        if w.hasSuffix("ment"), w.count - 4 >= 5 {
            w.removeLast(4)
        }
        return false
    }

    private static func tidy(_ w: inout [UInt8], afterInflection: Bool) {
        if afterInflection, w.count >= 4 {
            let last = w[w.count - 1]
            if last == w[w.count - 2], isASCIIConsonant(last),
               last != UInt8(ascii: "l"), last != UInt8(ascii: "s"), last != UInt8(ascii: "z"), last != UInt8(ascii: "f") {
                w.removeLast()
            }
        }
        if w.count >= 3, w.last == UInt8(ascii: "e"), w[w.count - 2] != UInt8(ascii: "e") {
            w.removeLast()
        }
        if w.count >= 6, w.hasSuffix("ll") {
            w.removeLast()
        }
    }

    private static func hasVowel(_ w: [UInt8], upTo end: Int) -> Bool {
        for byte in w[0..<max(0, end)] {
            switch byte {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"):
                return true
            default:
                continue
            }
        }
        return false
    }

    private static func isASCIIConsonant(_ byte: UInt8) -> Bool {
        guard byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "z") else { return false }
        switch byte {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"):
            return false
        default:
            return true
        }
    }
}

extension Array where Element == UInt8 {
    fileprivate func hasSuffix(_ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard self.count >= count else { return false }
        return suffix.withUTF8Buffer { buffer in
            var i = self.count - count
            for byte in buffer {
                if self[i] != byte { return false }
                i += 1
            }
            return true
        }
    }
}
