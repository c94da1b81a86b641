import Foundation

/// Lines repeating the headline: compared by a key of letters and digits.
extension BoilerplateCleaner {
    /// `hasHeadlineKey` on bytes while they are ASCII, each a Character of its own unless a mark
    /// follows: nil when a non-ASCII byte comes before the answer, or right after the byte that
    /// decides it (it may join that byte's Character).
    static func asciiHasHeadlineKey(_ text: String, _ key: String) -> Bool? {
        var text = text, key = key
        return text.withUTF8 { bytes in
            key.withUTF8 { expected in
                var e = 0, inWord = false, wordEnded = false
                /// False, when the byte at `k` is a whole Character.
                func differs(at k: Int) -> Bool? { k + 1 == bytes.count || bytes[k + 1] < 0x80 ? false : nil }
                for k in bytes.indices {
                    let byte = bytes[k]
                    guard byte < 0x80 else { return nil }
                    let isDigit = byte >= 0x30 && byte <= 0x39
                    let isUpper = byte >= 0x41 && byte <= 0x5A, isLower = byte >= 0x61 && byte <= 0x7A
                    guard isDigit || isUpper || isLower else {
                        if inWord { wordEnded = true }
                        continue
                    }
                    if wordEnded {
                        guard e < expected.count, expected[e] == 0x20 else { return differs(at: k) }
                        e += 1
                    }
                    inWord = true
                    wordEnded = false
                    guard e < expected.count, expected[e] == (isUpper ? byte + 32 : byte) else { return differs(at: k) }
                    e += 1
                }
                return e == expected.count
            }
        }
    }

    /// Letters and digits only, lowercased: a headline and its copy in the body compare equal
    /// whatever their quotes, punctuation or spacing.
    static func headlineKey(_ text: String) -> String {
        if let key = asciiHeadlineKey(text) { return key }
        let words = text.lowercased().split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        return words.joined(separator: " ")
    }

    /// `headlineKey` of an ASCII text, on bytes (each byte a Character of its own, a letter or
    /// digit only if alphanumeric); nil for any other text.
    static func asciiHeadlineKey(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            var key: [UInt8] = []
            key.reserveCapacity(bytes.count)
            var wordEnded = false
            for byte in bytes {
                let lower = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                guard (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39) else {
                    wordEnded = !key.isEmpty
                    continue
                }
                if wordEnded { key.append(0x20) }
                wordEnded = false
                key.append(lower)
            }
            return String(decoding: key, as: UTF8.self)
        }
    }

    /// `headlineKey(text) == key`, stopping at the first difference instead of building the key
    /// of every line (almost every line differs from the headline in its first word).
    static func hasHeadlineKey(_ text: String, _ key: String) -> Bool {
        if let decided = asciiHasHeadlineKey(text, key) { return decided }
        var expected = key.makeIterator()
        var inWord = false, wordEnded = false
        for character in text {
            guard character.isLetter || character.isNumber else {
                if inWord { wordEnded = true }
                continue
            }
            if wordEnded, expected.next() != " " { return false }
            inWord = true
            wordEnded = false
            for lower in character.lowercased() where expected.next() != lower { return false }
        }
        return expected.next() == nil
    }
}
