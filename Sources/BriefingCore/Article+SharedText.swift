#if canImport(Glibc)
import Glibc
#endif

extension Article {
    /// Makes every sentence whose text is verbatim in `body` a range of the body, so its text is
    /// held once (sentences repeated the body's prose byte for byte). Texts short enough to be
    /// stored inline in a `String` stay as they are. Sentences are looked for in order, each
    /// after the previous match, else anywhere in the body. Equality and `text` are unchanged.
    public mutating func shareSentenceText() {
        let body = self.body
        var cursor = 0
        sentences = sentences.map { sentence in
            let text = sentence.text
            guard text.utf8.count > Self.inlineUTF8Capacity,
                  let found = Self.utf8Range(of: text, in: body, from: cursor) ?? Self.utf8Range(of: text, in: body, from: 0)
            else { return sentence }
            cursor = found.upperBound
            return Sentence(storage: body, utf8: found, paragraph: sentence.paragraph, line: sentence.line)
        }
    }

    /// For each sentence, the UTF-8 range of `body` it is a view of (as `shareSentenceText` made
    /// it), or nil when it holds its own text: a store writes the range instead of the text.
    public func sentenceRangesInBody() -> [Range<Int>?] {
        // A short body is held inline: its bytes have no address of their own to compare.
        let bodyStart = body.utf8.count > Self.inlineUTF8Capacity ? body.utf8.withContiguousStorageIfAvailable({ $0.baseAddress }) ?? nil : nil
        return sentences.map { sentence in
            guard sentence.isShared, let bodyStart, sentence.storage.utf8.count == body.utf8.count,
                  sentence.storage.utf8.withContiguousStorageIfAvailable({ $0.baseAddress }) == bodyStart
            else { return nil }
            return Int(sentence.start)..<Int(sentence.end)
        }
    }

    /// Longest UTF-8 text a `String` holds without a heap allocation (on 64-bit platforms).
    static let inlineUTF8Capacity = 15

    /// UTF-8 offsets of the first occurrence of `needle` in `haystack` at or after `offset`.
    static func utf8Range(of needle: String, in haystack: String, from offset: Int) -> Range<Int>? {
        let found: Int?? = haystack.utf8.withContiguousStorageIfAvailable { hay in
            needle.utf8.withContiguousStorageIfAvailable { pattern in
                firstOffset(of: pattern, in: hay, from: offset)
            } ?? nil
        }
        guard let start = found ?? nil else { return nil }
        return start..<(start + needle.utf8.count)
    }

    private static func firstOffset(of pattern: UnsafeBufferPointer<UInt8>, in hay: UnsafeBufferPointer<UInt8>, from offset: Int) -> Int? {
        guard let first = pattern.first, let base = hay.baseAddress, hay.count - pattern.count >= offset else { return nil }
        let last = hay.count - pattern.count
        var i = offset
        while i <= last {
            // memchr finds candidate starts at memory speed; memcmp confirms them.
            guard let hit = memchr(base + i, Int32(first), last - i + 1) else { return nil }
            let k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            if memcmp(base + k, pattern.baseAddress!, pattern.count) == 0 { return k }
            i = k + 1
        }
        return nil
    }
}

extension Sentence {
    /// A view of `body`'s UTF-8 `range` (read back from a store: `Article.sentenceRangesInBody`);
    /// nil when the range is outside `body` or splits a scalar.
    public init?(sharing body: String, utf8 range: Range<Int>, paragraph: Int, line: Int) {
        let isValid: Bool? = body.utf8.withContiguousStorageIfAvailable { bytes in
            func startsScalar(_ offset: Int) -> Bool { offset == bytes.count || bytes[offset] & 0xC0 != 0x80 }
            return range.lowerBound >= 0 && range.upperBound <= bytes.count && startsScalar(range.lowerBound) && startsScalar(range.upperBound)
        }
        guard isValid == true, range.upperBound <= Int(UInt32.max) else { return nil }
        self.init(storage: body, utf8: range, paragraph: paragraph, line: line)
    }
}
