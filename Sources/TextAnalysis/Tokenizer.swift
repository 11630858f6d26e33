/// Splits text into word and number tokens in one pass over its Unicode scalars.
///
/// Rules:
/// - A token is a maximal run of letters and digits of any script (`Unicode.Scalar.Properties`);
///   combining marks continue the token they follow, so decomposed "naïve" is one token.
/// - Inside a number, `.` followed by a digit is kept once ("99.5"), and `,` followed by exactly
///   three digits is kept as a thousands separator ("1,000", "1,000,000"); "3,4" is two numbers.
/// - An apostrophe (`'` or `’`) between two letters is kept ("associate's", "don't"); `’` is
///   folded to `'` in `normalized`.
/// - Everything else separates tokens: spaces, hyphens and dashes ("single-use" → "single", "use";
///   "5–7" → 5, 7), slashes ("CAPA/change"), other punctuation ("S.U.B." → "s", "u", "b"),
///   symbols and emoji. A token glued to an emoji variation selector or keycap ("1️⃣") is dropped.
/// - `normalized` is `lowercased()`; the stem comes from ``Stemmer``, except for numbers.
public enum Tokenizer {
    public static func tokenize(_ text: String) -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(text.utf8.count / 6 + 1)
        let scannedBytes: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            let cache = WordCache.current
            var scanner = ByteTokenScanner(bytes)
            while let raw = scanner.next() {
                let range = scalarIndex(text, raw.start)..<scalarIndex(text, raw.end)
                if raw.isASCII, let word = WordCache.Word(bytes, start: raw.start, end: raw.end) {
                    let key = word.key
                    if let known = cache.entry(word, key: key), known.pointee.isNumber == raw.isNumber {
                        tokens.append(Token(normalized: known.pointee.normalized, stemID: known.pointee.stemID, range: range, isNumber: raw.isNumber,
                                            isStopword: known.pointee.isStopword))
                        continue
                    }
                    let new = token(word.string, range: range, isNumber: raw.isNumber)
                    cache.insert(WordCache.Entry(normalized: new.normalized, stemID: new.stemID, isStopword: new.isStopword, isNumber: raw.isNumber),
                                 word: word, key: key)
                    tokens.append(new)
                } else if raw.isASCII {
                    // Longer than the cache keeps: lowercased byte by byte, stemmed each time.
                    let word = UnsafeBufferPointer(rebasing: bytes[raw.start..<raw.end])
                    let normalized = String(unsafeUninitializedCapacity: word.count) { buffer in
                        for (offset, byte) in word.enumerated() { buffer[offset] = ASCIIByte.lowercased(byte) }
                        return word.count
                    }
                    tokens.append(token(normalized, range: range, isNumber: raw.isNumber))
                } else {
                    appendToken(text, RawToken(range: range, isNumber: raw.isNumber, hasTypographicApostrophe: raw.hasTypographicApostrophe), to: &tokens)
                }
            }
        }
        if scannedBytes == nil {
            scan(text) { raw in appendToken(text, raw, to: &tokens) }
        }
        return tokens
    }

    /// The index of byte `offset` (a scalar boundary) of `text`. It is not marked scalar-aligned:
    /// marking it (`String.Index(_:within:)`) cost more per token than the few token ranges that
    /// are later sliced save by it (measured with callgrind: 74 M fewer instructions for 200 files
    /// without it). Equal positions compare equal either way.
    @inline(__always)
    private static func scalarIndex(_ text: String, _ offset: Int) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: offset)
    }

    private static func appendToken(_ text: String, _ raw: RawToken, to tokens: inout [Token]) {
        var normalized = text[raw.range].lowercased()
        if raw.hasTypographicApostrophe {
            normalized = foldApostrophes(normalized)
        }
        tokens.append(token(normalized, range: raw.range, isNumber: raw.isNumber))
    }

    @inline(__always)
    private static func token(_ normalized: String, range: Range<String.Index>, isNumber: Bool) -> Token {
        Token(
            normalized: normalized,
            stem: isNumber ? normalized : Stemmer.stem(normalized),
            range: range,
            isNumber: isNumber,
            isStopword: !isNumber && Stopwords.contains(normalized)
        )
    }

    /// Token boundaries without normalisation; the basis of ``tokenize(_:)``.
    struct RawToken {
        var range: Range<String.Index>
        var isNumber: Bool
        var hasTypographicApostrophe: Bool
    }

    static func scan(_ text: String, _ body: (RawToken) -> Void) {
        let scalars = text.unicodeScalars
        let end = scalars.endIndex
        var i = scalars.startIndex
        while i < end {
            let firstClass = ScalarClass(scalars[i])
            guard firstClass.isWordStart else {
                i = scalars.index(after: i)
                continue
            }
            let start = i
            var isNumber = firstClass == .digit
            var hasTypographicApostrophe = false
            var seenDecimalPoint = false
            var previous = firstClass
            var j = scalars.index(after: i)
            scanning: while j < end {
                let scalar = scalars[j]
                let kind = ScalarClass(scalar)
                switch kind {
                case .letter, .digit:
                    if kind == .letter { isNumber = false }
                    previous = kind
                    j = scalars.index(after: j)
                case .mark:
                    isNumber = false
                    j = scalars.index(after: j)
                case .emojiModifier:
                    break scanning
                case .separator:
                    let next = scalars.index(after: j)
                    if isNumber && previous == .digit && !seenDecimalPoint {
                        if scalar == "." && next < end && ScalarClass(scalars[next]) == .digit {
                            seenDecimalPoint = true
                            j = next
                            continue scanning
                        }
                        if scalar == "," && threeDigitsFollow(scalars, next) {
                            j = next
                            continue scanning
                        }
                    }
                    if scalar.isApostrophe && previous == .letter && next < end
                        && ScalarClass(scalars[next]) == .letter {
                        if scalar.value == 0x2019 { hasTypographicApostrophe = true }
                        j = next
                        continue scanning
                    }
                    break scanning
                }
            }
            let gluedToEmoji = j < end && ScalarClass(scalars[j]) == .emojiModifier
            if !gluedToEmoji {
                body(RawToken(range: start..<j, isNumber: isNumber, hasTypographicApostrophe: hasTypographicApostrophe))
            }
            i = j
        }
    }

    /// Exactly three decimal digits start at `index` and no fourth digit follows them.
    private static func threeDigitsFollow(_ scalars: String.UnicodeScalarView, _ index: String.Index) -> Bool {
        var index = index
        for _ in 0..<3 {
            guard index < scalars.endIndex, ScalarClass(scalars[index]) == .digit else { return false }
            index = scalars.index(after: index)
        }
        return index == scalars.endIndex || ScalarClass(scalars[index]) != .digit
    }

    private static func foldApostrophes(_ word: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            folded.append(scalar.value == 0x2019 ? "'" : scalar)
        }
        return String(folded)
    }
}
