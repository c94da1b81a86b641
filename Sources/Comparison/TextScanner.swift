import BriefingCore

/// One token of a sentence as byte offsets into its UTF-8: a word, a number as printed, a `$`/`%`
/// sign, or a phrase boundary (any run of other punctuation).
struct RawToken: Sendable, Hashable {
    enum Kind: UInt8, Sendable, Hashable { case word, number, symbol, boundary }
    var kind: Kind
    var start: Int
    var end: Int
    /// The token holds a curly apostrophe (U+2019), printed as `'`.
    var curly: Bool
}

/// The tokeniser, over UTF-8 bytes: decoding scalars only for non-ASCII bytes, making no Strings.
/// Words are letters and digits, with `'`/`’` inside ("don't") and `,`/`.` between digits ("1,000").
enum TextScanner {
    /// Calls `emit` with each token of `utf8`, in order.
    static func scan(_ utf8: UnsafeBufferPointer<UInt8>, _ emit: (RawToken) -> Void) {
        let n = utf8.count
        var i = 0
        var lastWasBoundary = false
        while i < n {
            // Spaces make no token and change nothing: most bytes between words.
            if utf8[i] == 0x20 { i += 1; continue }
            let (c, length) = UTF8Scalar.at(i, in: utf8)
            if isWordScalar(c) {
                var allDigits = true, curly = false
                var j = i
                while j < n {
                    // ASCII letters and digits by one bit test, where the range tests mispredicted.
                    let b = utf8[j]
                    if b < 0x40 {
                        if b >= 0x30, b <= 0x39 { j += 1; continue }
                    } else if b < 0x80, asciiLetters >> UInt64(b - 0x40) & 1 != 0 {
                        allDigits = false; j += 1; continue
                    }
                    let (d, dLength) = UTF8Scalar.at(j, in: utf8)
                    if isWordScalar(d) {
                        if !isDigit(d) { allDigits = false }
                    } else if d == "," || d == "." {
                        // 1,000 and 3.5 stay one number
                        guard allDigits, j + 1 < n, utf8[j + 1] >= 0x30, utf8[j + 1] <= 0x39 else { break }
                    } else if isApostrophe(d), !allDigits, j + dLength < n {
                        let next = UTF8Scalar.at(j + dLength, in: utf8).scalar
                        guard isWordScalar(next), !isDigit(next) else { break }  // don't, Russia's
                        if dLength > 1 { curly = true }
                    } else { break }
                    j += dLength
                }
                emit(RawToken(kind: allDigits ? .number : .word, start: i, end: j, curly: curly))
                lastWasBoundary = false
                i = j
            } else {
                if c == "$" || c == "%" {
                    emit(RawToken(kind: .symbol, start: i, end: i + 1, curly: false))
                    lastWasBoundary = false
                } else if !isSpace(c), c != "-", !isApostrophe(c), !lastWasBoundary {
                    emit(RawToken(kind: .boundary, start: i, end: i + length, curly: false))
                    lastWasBoundary = true
                }
                i += length
            }
        }
    }

    /// Bit `b - 0x40` set for each ASCII letter `b` (A–Z, a–z).
    private static let asciiLetters: UInt64 = (1 << 27 - 2) | (1 << 59 - 1 << 33)

    @inline(__always)
    private static func isSpace(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c == " " || c == "\n" || c == "\t" || c == "\r" }
        return !isPunctuationBlock(c) && c.properties.isWhitespace
    }
    @inline(__always)
    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
    @inline(__always)
    private static func isApostrophe(_ c: Unicode.Scalar) -> Bool { c == "'" || c == "\u{2019}" }
    @inline(__always)
    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let v = c.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        return !isPunctuationBlock(c) && (c.properties.isAlphabetic || c.properties.numericType != nil)
    }
    /// Dashes, curly quotes, bullets and ellipsis (U+2010–U+2027): common in news, and none is a
    /// letter, digit or space, so they skip the Unicode property tables.
    @inline(__always)
    private static func isPunctuationBlock(_ c: Unicode.Scalar) -> Bool { c.value >= 0x2010 && c.value <= 0x2027 }
}
