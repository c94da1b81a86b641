import BriefingCore
import Foundation

/// Stop words and light stemming, shared by alignment, only-claims and numbers.
enum TextTokens {
    /// `text.split(whereSeparator: \.isWhitespace)`, by scalar when each scalar of `text` is a Character
    /// of its own (ASCII, Latin letters, typographic quotes and dashes): grapheme breaking is the slow part.
    static func whitespaceSplit(_ text: String) -> [Substring] {
        var copy = text
        guard let words = copy.withUTF8(whitespaceSplit) else { return text.split(whereSeparator: \.isWhitespace) }
        let utf8 = text.utf8
        var index = utf8.startIndex, offset = 0
        // Indices made walking forward from the last one, each word's bytes once.
        func at(_ target: Int) -> String.Index {
            index = utf8.index(index, offsetBy: target - offset)
            offset = target
            return index
        }
        return words.map { text[at($0.lowerBound)..<at($0.upperBound)] }
    }

    /// The byte ranges of `whitespaceSplit`'s words in `text`'s UTF-8.
    static func whitespaceSplitRanges(_ text: String) -> [Range<Int>] {
        var copy = text
        if let words = copy.withUTF8(whitespaceSplit) { return words }
        let utf8 = text.utf8
        return text.split(whereSeparator: \.isWhitespace).map { word in
            utf8.distance(from: utf8.startIndex, to: word.startIndex)..<utf8.distance(from: utf8.startIndex, to: word.endIndex)
        }
    }

    /// `whitespaceSplit` of UTF-8 `bytes` as byte ranges, or nil at the first scalar that may join a
    /// neighbour (`standsAlone`). Walks bytes, decoding only non-ASCII scalars: walking the scalar
    /// view cost more than the split.
    private static func whitespaceSplit(_ bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        var out: [Range<Int>] = []
        var start = -1, i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                if b == 0x20 || (b >= 0x09 && b <= 0x0D) {
                    if start >= 0 { out.append(start..<i); start = -1 }
                } else if start < 0 { start = i }
                i += 1
            } else {
                let (c, length) = UTF8Scalar.at(i, in: bytes)
                guard standsAlone(c) else { return nil }
                if start < 0 { start = i }
                i += length
            }
        }
        if start >= 0 { out.append(start..<bytes.count) }
        return out
    }

    /// Whether `whitespaceSplit(text).joined(separator: " ")` is `text`: words one space apart, none
    /// at the ends, each scalar standing alone. Checked by bytes, to skip splitting and joining.
    static func isSingleSpaced(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let first = bytes.first, let last = bytes.last, first != 0x20, last != 0x20 else { return bytes.isEmpty }
            var i = 0, previousWasSpace = false
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    if b >= 0x09 && b <= 0x0D { return false }
                    if b == 0x20, previousWasSpace { return false }
                    previousWasSpace = b == 0x20
                    i += 1
                } else {
                    let (c, length) = UTF8Scalar.at(i, in: bytes)
                    guard standsAlone(c) else { return false }
                    previousWasSpace = false
                    i += length
                }
            }
            return true
        }
    }

    /// No grapheme rule joins these to a neighbour (CR LF aside, both whitespace), and none but
    /// ASCII spaces and controls is whitespace.
    static func standsAlone(_ c: Unicode.Scalar) -> Bool {
        c.value < 0x80 || (0xA1...0x17F).contains(c.value) || (0x2010...0x2027).contains(c.value)
    }

    /// The stemmed content term of one lowercased word, or nil for stop words and number words.
    static func contentTerm(_ lower: String) -> String? {
        var w = lower
        if w.hasSuffix("'s") { w.removeLast(2) }
        w.removeAll { $0 == "'" }
        guard w.count >= 2, !stopWords.contains(w), NumberWords.value(of: w) == nil,
              NumberWords.scales[w] == nil else { return nil }
        return stemmedTerm(w)
    }

    /// The term of a word that is one: its stem, or that stem's synonym.
    static func stemmedTerm(_ word: String) -> String {
        let stemmed = stem(word)
        return synonyms[stemmed] ?? stemmed
    }

    /// A few suffix rules, enough for "providing"/"provided"/"provides" to meet.
    static func stem(_ word: String) -> String {
        var copy = word
        return copy.withUTF8(stemASCII) ?? stemByCharacters(word)
    }

    /// `stem` by bytes, for ASCII words without a carriage return (each byte a Character of its own,
    /// so counts and suffixes agree); nil for others. Counting Characters showed in profiles.
    static func stemASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count + 1) { w in
            _ = w.initialize(fromContentsOf: bytes)
            var n = bytes.count
            func ends(_ suffix: StaticString) -> Bool {
                let m = suffix.utf8CodeUnitCount
                guard n >= m else { return false }
                for k in 0..<m where w[n - m + k] != suffix.utf8Start[k] { return false }
                return true
            }
            if n > 4, ends("ies") { n -= 2; w[n - 1] = 0x79 }  // "y"
            else if n > 4, ends("sses") { n -= 2 }
            else if n > 3, ends("s"), !ends("ss"), !ends("us"), !ends("is") { n -= 1 }
            if n > 5, ends("ing") { n -= 3 }
            else if n > 4, ends("ed") { n -= 2 }
            if n > 4, ends("e") { n -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: w[..<n]), as: UTF8.self)
        }
    }

    /// `stem` by Characters.
    static func stemByCharacters(_ word: String) -> String {
        var w = word
        if w.count > 4, w.hasSuffix("ies") { w.removeLast(3); w += "y" }
        else if w.count > 4, w.hasSuffix("sses") { w.removeLast(2) }
        else if w.count > 3, w.hasSuffix("s"), !w.hasSuffix("ss"), !w.hasSuffix("us"), !w.hasSuffix("is") { w.removeLast() }
        if w.count > 5, w.hasSuffix("ing") { w.removeLast(3) }
        else if w.count > 4, w.hasSuffix("ed") { w.removeLast(2) }
        if w.count > 4, w.hasSuffix("e") { w.removeLast() }
        return w
    }

    /// A few news synonyms folded together so "deadly aid" meets "lethal assistance".
    static let synonyms: [String: String] = [
        "aid": "assistanc", "help": "assistanc", "assist": "assistanc", "deadly": "lethal", "guarante": "assuranc",
        "proof": "evidenc", "firm": "company", "enterpris": "company", "weaponry": "weapon",
        "worry": "concern", "worri": "concern",
    ]

    static let stopWords: Set<String> = Set("""
    a about above after again against all also am an and any are aren as at be because been before being \
    below between both but by can cannot could did didn do does doesn doing don down during each few for \
    from further had has hasn have haven having he her here hers herself him himself his how i if in into \
    is isn it its itself just me more most my myself no nor not now of off on once only or other our ours \
    ourselves out over own same she should so some such than that the their theirs them themselves then \
    there these they this those through to too under until up very was wasn we were weren what when where \
    which while who whom why will with won would you your yours yourself yourselves said says say saying told \
    tell added adding according reported reports reporter reporters statement stated noted asked spoke mr ms \
    mrs dr also may might must shall us u s yet however though although still even since per via among new \
    one ones another get got like well much many way ve ll re d m t
    """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))
}
