/// The scalar-walking tokeniser and quote-span finder that `TextScanner`, `Lexicon` and
/// `QuoteExtractor.byteSpans` replaced, kept as references for the fast paths.
enum ReferenceTokens {
    struct Token: Hashable {
        enum Kind: Hashable { case word, number, symbol, boundary }
        var kind: Kind
        var text: String
        var lower: String
    }

    static func tokens(_ text: String) -> [Token] {
        var out: [Token] = []
        // Filled in one pass: `Array(text.unicodeScalars)` walks the text twice, once to count.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars { scalars.append(c) }
        var word: [UInt8] = [], lower: [UInt8] = []
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if isWordScalar(c) {
                // UTF-8 bytes into reused buffers: appending scalars to Strings one by one costs more.
                word.removeAll(keepingCapacity: true)
                lower.removeAll(keepingCapacity: true)
                var allDigits = true, ascii = true, upper = false
                var j = i
                while j < scalars.count {
                    let d = scalars[j]
                    let next: Unicode.Scalar? = j + 1 < scalars.count ? scalars[j + 1] : nil
                    if isWordScalar(d) {
                        if !isDigit(d) { allDigits = false }
                        if d.isASCII {
                            let b = UInt8(d.value)
                            let isUpper = b >= 65 && b <= 90
                            upper = upper || isUpper
                            word.append(b); lower.append(isUpper ? b + 32 : b)
                        } else {
                            ascii = false
                            UTF8.encode(d) { word.append($0) }
                        }
                    } else if (d == "," || d == "."), allDigits, let n = next, isDigit(n) {
                        word.append(UInt8(d.value)); lower.append(UInt8(d.value))  // 1,000 and 3.5 stay one number
                    } else if isApostrophe(d), !allDigits, let n = next, isWordScalar(n), !isDigit(n) {
                        word.append(0x27); lower.append(0x27)  // don't, Russia's
                    } else { break }
                    j += 1
                }
                let text = String(decoding: word, as: UTF8.self)
                // Most words are lowercase already: one String serves for both.
                let lowered = !ascii ? text.lowercased() : upper ? String(decoding: lower, as: UTF8.self) : text
                out.append(Token(kind: allDigits ? .number : .word, text: text, lower: lowered))
                i = j
            } else {
                if c == "$" || c == "%" {
                    out.append(Token(kind: .symbol, text: String(c), lower: String(c)))
                } else if !isSpace(c), c != "-", !isApostrophe(c), out.last?.kind != .boundary {
                    out.append(Token(kind: .boundary, text: "|", lower: "|"))
                }
                i += 1
            }
        }
        return out
    }
    private static func isSpace(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? c == " " || c == "\n" || c == "\t" || c == "\r" : c.properties.isWhitespace
    }
    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
    private static func isApostrophe(_ c: Unicode.Scalar) -> Bool { c == "'" || c == "\u{2019}" }
    private static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            let v = c.value
            return (v >= 48 && v <= 57) || (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        return c.properties.isAlphabetic || c.properties.numericType != nil
    }

    /// Quoted spans as scalar ranges: `“` to `”`, or `"` to the next `"`; unclosed runs to the end.
    static func spans(_ text: String) -> [(outer: Range<String.Index>, inner: Range<String.Index>)] {
        var out: [(outer: Range<String.Index>, inner: Range<String.Index>)] = []
        let scalars = text.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let c = scalars[i]
            guard c == "\u{201C}" || c == "\"" else { i = scalars.index(after: i); continue }
            let start = scalars.index(after: i)
            var j = start
            while j < scalars.endIndex, scalars[j] != "\u{201D}", scalars[j] != "\"" { j = scalars.index(after: j) }
            if j < scalars.endIndex {
                out.append((i..<scalars.index(after: j), start..<j))
                i = scalars.index(after: j)
            } else {
                out.append((i..<j, start..<j))
                i = j
            }
        }
        return out
    }
}
