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
        let length = word.utf8.count
        guard length >= 3 else { return word }
        // The word is stemmed in a stack buffer: every step only shortens it (an `ies`/`ied` → `y`
        // rewrite removes three bytes before adding one), so the word's own length is enough.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { storage in
            var w = StemBuffer(storage, copying: word)
            guard !w.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return word }
            foldTypographicApostrophes(&w)
            if invariant.contains(w.bytes) { return word }

            stripPossessive(&w)
            if w.count >= 4 { stripPlural(&w) }
            let strippedInflection = stripSuffix(&w)
            tidy(&w, afterInflection: strippedInflection)
            return w.count == length ? word : String(decoding: w.bytes, as: UTF8.self)
        }
    }

    /// Rule 0's invariant words, looked up by their bytes (as the word stands after folding).
    private static let invariant = PackedWordTable([
        "series", "species", "news", "always", "perhaps", "whereas", "bias", "alias", "canvas", "atlas",
        "chaos", "lens", "embed", "hundred", "naked", "wicked", "sacred",
    ])

    private static let apostrophe: UInt8 = 0x27

    /// Folds each `’` (E2 80 99) to `'` in place; the word only gets shorter.
    private static func foldTypographicApostrophes(_ w: inout StemBuffer) {
        guard w.contains(where: { $0 == 0xE2 }) else { return }
        var read = 0
        var write = 0
        while read < w.count {
            if read + 2 < w.count, w[read] == 0xE2, w[read + 1] == 0x80, w[read + 2] == 0x99 {
                w[write] = apostrophe
                read += 3
            } else {
                w[write] = w[read]
                read += 1
            }
            write += 1
        }
        w.removeLast(w.count - write)
    }

    private static func stripPossessive(_ w: inout StemBuffer) {
        if w.hasSuffix("'s") {
            w.removeLast(2)
        } else if w.last == apostrophe {
            w.removeLast()
        }
    }

    private static func stripPlural(_ w: inout StemBuffer) {
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
        } else if w.hasSuffix("is"), w.count >= 3, w[w.count - 3] == UInt8(ascii: "s") || w[w.count - 3] == UInt8(ascii: "x") || w[w.count - 3] == UInt8(ascii: "h") {
            return
        } else if w.last == UInt8(ascii: "s") {
            w.removeLast()
        }
    }

    /// Strips one suffix; returns true when it was `ing` or `ed` (which may leave a doubled consonant).
    private static func stripSuffix(_ w: inout StemBuffer) -> Bool {
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

    private static func tidy(_ w: inout StemBuffer, afterInflection: Bool) {
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

    private static func hasVowel(_ w: StemBuffer, upTo end: Int) -> Bool {
        var index = 0
        while index < end {
            switch w[index] {
            case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "y"):
                return true
            default:
                index += 1
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
