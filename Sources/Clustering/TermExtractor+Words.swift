import BriefingCore

extension TermExtractor {
    struct Word {
        var text: String
        var capitalised: Bool
        var sentenceStart: Bool
    }

    /// Splits on anything but letters and digits; keeps "750,000" and "3.5" whole and drops possessive "'s".
    static func words(_ text: String) -> [Word] {
        var out: [Word] = []
        forEachWord(text) { bytes, capitalised, sentenceStart in
            out.append(Word(text: String(decoding: bytes, as: UTF8.self), capitalised: capitalised, sentenceStart: sentenceStart))
        }
        return out
    }

    /// `words(text)` handed to `body` one by one as UTF-8 (valid during the call only), with
    /// whether the word is capitalised and whether it starts a sentence. Walks bytes, decoding only
    /// non-ASCII scalars, and makes no String: a word is mostly a run of the text's own bytes.
    static func forEachWord(_ text: String, _ body: (UnsafeBufferPointer<UInt8>, _ capitalised: Bool, _ sentenceStart: Bool) -> Void) {
        var text = text
        text.withUTF8 { utf8 in
            let n = utf8.count
            // The word being read: `utf8[start..<end]`, or `scratch` once a digit separator was left out of it.
            var start = -1, end = 0
            var scratch: [UInt8] = [], copied = false
            var initial: Unicode.Scalar = " "
            var lastIsDigit = false, hasApostrophe = false
            // Every scalar of the word is ASCII or U+2019: its apostrophes can then go byte by byte.
            var plain = true
            var sentenceStart = true, startsSentence = true
            func flush() {
                guard start >= 0 else { return }
                let capitalised = initial.isASCII ? initial.value &- 0x41 < 26 : initial.properties.isUppercase
                func emit(_ word: UnsafeBufferPointer<UInt8>) {
                    if !hasApostrophe {
                        body(word, capitalised, startsSentence)
                    } else if plain {
                        withoutApostrophes(word) { if !$0.isEmpty { body($0, capitalised, startsSentence) } }
                    } else {
                        var kept = withoutApostrophes(String(decoding: word, as: UTF8.self))
                        if !kept.isEmpty { kept.withUTF8 { body($0, capitalised, startsSentence) } }
                    }
                }
                if copied { scratch.withUnsafeBufferPointer(emit) } else { emit(UnsafeBufferPointer(rebasing: utf8[start..<end])) }
                start = -1
                copied = false
                scratch.removeAll(keepingCapacity: true)
                lastIsDigit = false
                hasApostrophe = false
                plain = true
            }
            func append(_ i: Int, _ length: Int) {
                if start < 0 { start = i }
                if copied { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[i..<(i + length)])) }
                end = i + length
            }
            var i = 0
            while i < n {
                if isASCIIAlphanumeric(utf8[i]) {
                    // A run of ASCII letters and digits, the bulk of any text, taken in one step.
                    if start < 0 { startsSentence = sentenceStart; initial = Unicode.Scalar(utf8[i]) }
                    var j = i + 1
                    while j < n, isASCIIAlphanumeric(utf8[j]) { j += 1 }
                    append(i, j - i)
                    lastIsDigit = utf8[j - 1] &- 0x30 < 10
                    sentenceStart = false
                    i = j
                    continue
                }
                let (s, length) = UTF8Scalar.at(i, in: utf8)
                let next = i + length
                if isAlphanumeric(s) {
                    if start < 0 { startsSentence = sentenceStart; initial = s }
                    append(i, length)
                    if length > 1 { plain = false }
                    lastIsDigit = isDigit(s)
                    sentenceStart = false
                    i = next
                    continue
                }
                if (s == "," || s == "."), lastIsDigit, next < n, utf8[next] &- 0x30 < 10 {
                    // Left out of the word: from here on its bytes are copied.
                    if !copied { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<end])); copied = true }
                    i = next
                    continue
                }
                if (s == "'" || s == "\u{2019}"), start >= 0, next < n, isLetter(UTF8Scalar.at(next, in: utf8).scalar) {
                    append(i, length)
                    hasApostrophe = true
                    lastIsDigit = false
                    i = next
                    continue
                }
                flush()
                if s == "." || s == "!" || s == "?" || s == "\n" || s == ":" || s == "“" || s == "\"" { sentenceStart = true }
                i = next
            }
            flush()
        }
    }

    /// A word without a final "'s" or "’s" and without apostrophes, as Characters.
    static func withoutApostrophes(_ word: String) -> String {
        var text = word
        if text.hasSuffix("'s") || text.hasSuffix("’s") { text.removeLast(2) }
        return text.filter { $0 != "'" && $0 != "’" }
    }

    /// `withoutApostrophes` by bytes, for a word whose scalars are all ASCII or U+2019 (E2 80 99),
    /// each of them then a Character of its own.
    static func withoutApostrophes(_ word: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var count = word.count
        if count >= 2, word[count - 1] == 0x73, word[count - 2] == 0x27 { count -= 2 }
        else if count >= 4, word[count - 1] == 0x73, word[count - 4] == 0xE2 { count -= 4 }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { out in
            var kept = 0, k = 0
            while k < count {
                if word[k] == 0x27 { k += 1; continue }
                if word[k] == 0xE2 { k += 3; continue }
                out[kept] = word[k]; kept += 1; k += 1
            }
            body(UnsafeBufferPointer(rebasing: out[..<kept]))
        }
    }

    /// ASCII is classified by arithmetic on the scalar value: Unicode property lookups (and
    /// `ClosedRange<Unicode.Scalar>.contains`) dominated tokenising otherwise.
    @inline(__always)
    static func isAlphanumeric(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return isASCIILetter(s.value) || isDigit(s) }
        return s.properties.isAlphabetic || s.properties.numericType != nil
    }

    @inline(__always)
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return isASCIILetter(s.value) }
        return s.properties.isAlphabetic
    }

    /// "0"..."9".
    @inline(__always)
    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value &- 0x30 < 10 }

    /// An ASCII letter or digit; false for every byte of a multi-byte scalar.
    @inline(__always)
    static func isASCIIAlphanumeric(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 }

    /// "a"..."z" or "A"..."Z", for a value below 0x80.
    @inline(__always)
    private static func isASCIILetter(_ value: UInt32) -> Bool { (value | 0x20) &- 0x61 < 26 }
}
