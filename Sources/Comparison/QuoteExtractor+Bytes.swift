import BriefingCore

/// The byte-level scans of quotations: quote marks, their spans, word counts and word edges.
extension QuoteExtractor {
    /// `spans` as UTF-8 byte offsets. Walks bytes: the quote marks are ASCII `"` or E2 80 9C/9D,
    /// and this runs on every sentence and paragraph.
    static func byteSpans(_ text: String) -> [(outer: Range<Int>, inner: Range<Int>)] {
        guard mayQuote(text) else { return [] }
        var text = text
        return text.withUTF8 { bytes in
            /// The length of the quote mark at `k` (an opening one when `opening`), else 0.
            func mark(_ k: Int, opening: Bool) -> Int {
                if bytes[k] == 0x22 { return 1 }
                if bytes[k] == 0xE2, k + 2 < bytes.count, bytes[k + 1] == 0x80,
                   bytes[k + 2] == (opening ? 0x9C : 0x9D) { return 3 }
                return 0
            }
            var out: [(outer: Range<Int>, inner: Range<Int>)] = []
            var i = 0
            while i < bytes.count {
                let open = mark(i, opening: true)
                guard open > 0 else { i += 1; continue }
                let start = i + open
                var j = start
                while j < bytes.count, mark(j, opening: false) == 0 { j += 1 }
                if j < bytes.count {
                    let close = mark(j, opening: false)
                    out.append((i..<(j + close), start..<j))
                    i = j + close
                } else {
                    out.append((i..<j, start..<j))
                    i = j
                }
            }
            return out
        }
    }

    /// True when `text` holds a `"`, `“` or `”` (a byte scan, far cheaper than walking characters).
    static func mayQuote(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let n = bytes.count
            /// `"` at `k`, or `“`/`”` (E2 80 9C/9D) starting there.
            func quoteMark(_ k: Int) -> Bool {
                bytes[k] == 0x22 || (bytes[k] == 0xE2 && k + 2 < n && bytes[k + 1] == 0x80
                    && (bytes[k + 2] == 0x9C || bytes[k + 2] == 0x9D))
            }
            var i = 0
            // Eight bytes at a time: most runs hold neither `"` nor E2, the lead byte of curly quotes.
            if let base = UnsafeRawPointer(bytes.baseAddress) {
                while i + 8 <= n {
                    let chunk = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if ByteWord.holds(chunk, 0x22) || ByteWord.holds(chunk, 0xE2) {
                        for k in i..<(i + 8) where quoteMark(k) { return true }
                    }
                    i += 8
                }
            }
            while i < n { if quoteMark(i) { return true }; i += 1 }
            return false
        }
    }

    /// True when `text` has `n` or more whitespace-separated words; stops counting at `n`.
    static func hasWords(_ text: String, atLeast n: Int) -> Bool {
        var copy = text
        return copy.withUTF8 { hasWordsByBytes($0, atLeast: n) } ?? hasWordsByCharacters(text, atLeast: n)
    }

    /// `hasWords` by bytes while each scalar stands alone (`TextTokens.standsAlone`: Characters of their
    /// own, none whitespace but ASCII); nil at the first other scalar. Walking Characters showed in profiles.
    static func hasWordsByBytes(_ bytes: UnsafeBufferPointer<UInt8>, atLeast n: Int) -> Bool? {
        var count = 0, inWord = false, i = 0
        if count >= n { return true }
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) { inWord = false; continue }
            } else {
                let (c, length) = UTF8Scalar.at(i, in: bytes)
                guard TextTokens.standsAlone(c) else { return nil }
                i += length
            }
            if !inWord { inWord = true; count += 1; if count >= n { return true } }
        }
        return count >= n
    }

    /// `hasWords` by Characters.
    static func hasWordsByCharacters(_ text: String, atLeast n: Int) -> Bool {
        var count = 0, inWord = false
        for c in text {
            if c.isWhitespace { inWord = false; continue }
            if !inWord { inWord = true; count += 1; if count >= n { return true } }
        }
        return count >= n
    }

    /// The UTF-8 length of the word edge (`isWordEdge`) starting at `k`, before `end`, if one does.
    static func edgeLength(_ bytes: UnsafeBufferPointer<UInt8>, startingAt k: Int, before end: Int) -> Int? {
        let b = bytes[k]
        if b < 0x80 { return isWordEdge(Unicode.Scalar(b)) ? 1 : nil }
        guard b == 0xE2, k + 3 <= end, bytes[k + 1] == 0x80, isWideEdgeTail(bytes[k + 2]) else { return nil }
        return 3
    }

    /// The UTF-8 length of the word edge ending at `end` (exclusive), after `start`, if one does.
    static func edgeLength(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int, after start: Int) -> Int? {
        let b = bytes[end - 1]
        if b < 0x80 { return isWordEdge(Unicode.Scalar(b)) ? 1 : nil }
        guard end - 3 >= start, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, isWideEdgeTail(b) else { return nil }
        return 3
    }

    /// The last byte of the non-ASCII edges, all E2 80 xx: `–—‘’“”`.
    private static func isWideEdgeTail(_ b: UInt8) -> Bool {
        b == 0x93 || b == 0x94 || b == 0x98 || b == 0x99 || b == 0x9C || b == 0x9D
    }
}
