import BriefingCore
import Foundation

/// Word-level diff of two strings, for showing how outlets printed the same quote.
public enum WordDiff {
    /// Splits both strings on whitespace and aligns the words by longest common subsequence.
    /// Runs of equal kind are joined with single spaces; within a change, deletions come first.
    /// Words compare exactly, except for curly/straight quotes and punctuation at their edges;
    /// `same` runs show the second string's words.
    public static func diff(_ a: String, _ b: String) -> [DiffSegment] {
        let keys = Keys()
        return diff(Words(a, keys: keys), Words(b, keys: keys))
    }

    /// The diff of `first` against each of `others`: `first` split and keyed once.
    static func diffs(from first: String, to others: [String]) -> [[DiffSegment]] {
        let keys = Keys()
        let x = Words(first, keys: keys)
        return others.map { diff(x, Words($0, keys: keys)) }
    }

    /// Word keys as integers: the LCS compares every pair of words, and quoted words are rarely ASCII.
    /// By their bytes, which hash faster than Strings.
    struct Keys {
        private let ids = ByteKeyTable()

        /// The ids of the keys (`key(_:)`) of the words of `utf8` at `ranges`, each worked out in a
        /// temporary buffer: folding only shortens a word.
        func ids(_ utf8: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>]) -> [Int32] {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(utf8.count, 1)) { buffer in
                ranges.map { range in
                    let folded = WordDiff.key(UnsafeBufferPointer(rebasing: utf8[range]), into: buffer)
                    return ids.insert(UnsafeBufferPointer(rebasing: buffer[folded])).id
                }
            }
        }
    }

    /// A text's words, as byte ranges of its UTF-8, and their keys' ids: most words are never shown,
    /// and a Substring per word cost more than its key.
    struct Words {
        let text: String
        let ranges: [Range<Int>]
        let keys: [Int32]
        init(_ text: String, keys ids: Keys) {
            self.text = text
            let ranges = TextTokens.whitespaceSplitRanges(text)
            self.ranges = ranges
            var copy = text
            keys = copy.withUTF8 { ids.ids($0, ranges) }
        }
    }

    private static func diff(_ a: Words, _ b: Words) -> [DiffSegment] {
        let kx = a.keys, ky = b.keys
        let n = kx.count, m = ky.count
        // lcs[i * (m + 1) + j] = LCS length of x[i...] and y[j...], in one flat buffer.
        let width = m + 1
        var lcs = [Int32](repeating: 0, count: (n + 1) * width)
        // Over raw buffers: every pair of words fills a cell, where bounds checks showed in profiles.
        lcs.withUnsafeMutableBufferPointer { lcs in
            kx.withUnsafeBufferPointer { kx in
                ky.withUnsafeBufferPointer { ky in
                    for i in stride(from: n - 1, through: 0, by: -1) {
                        let row = i * width, below = row + width
                        for j in stride(from: m - 1, through: 0, by: -1) {
                            lcs[row + j] = kx[i] == ky[j] ? lcs[below + j + 1] + 1 : max(lcs[below + j], lcs[row + j + 1])
                        }
                    }
                }
            }
        }
        var xText = a.text, yText = b.text
        return xText.withUTF8 { x in
            yText.withUTF8 { y in
                // A segment's words gathered as bytes, one space apart, and made a String once it ends.
                var out: [DiffSegment] = []
                var kind = DiffSegment.Kind.same, text: [UInt8] = [], open = false
                func push(_ next: DiffSegment.Kind, _ word: UnsafeBufferPointer<UInt8>) {
                    if open, kind == next {
                        text.append(0x20)
                    } else {
                        close()
                        kind = next
                        open = true
                    }
                    text.append(contentsOf: word)
                }
                func close() {
                    guard open else { return }
                    out.append(DiffSegment(kind, String(decoding: text, as: UTF8.self)))
                    text.removeAll(keepingCapacity: true)
                    open = false
                }
                var i = 0, j = 0
                var pendingInserts: [Int] = []
                let xWords = a.ranges, yWords = b.ranges
                func word(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: bytes[range])
                }
                while i < n || j < m {
                    if i < n, j < m, kx[i] == ky[j] {
                        for w in pendingInserts { push(.inserted, word(y, yWords[w])) }
                        pendingInserts.removeAll(keepingCapacity: true)
                        push(.same, word(y, yWords[j])); i += 1; j += 1
                    } else if j >= m || (i < n && lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
                        push(.deleted, word(x, xWords[i])); i += 1
                    } else {
                        pendingInserts.append(j); j += 1
                    }
                }
                for w in pendingInserts { push(.inserted, word(y, yWords[w])) }
                close()
                return out
            }
        }
    }

    /// Curly and straight quotes are one; punctuation at a word's edges ("month," / "month") is not a change.
    static func key(_ word: String) -> String {
        var word = word
        return word.withUTF8 { bytes in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(bytes.count, 1)) { buffer in
                String(decoding: UnsafeBufferPointer(rebasing: buffer[key(bytes, into: buffer)]), as: UTF8.self)
            }
        }
    }

    /// `key` by bytes: `word` folded into `buffer` (at least as long), and the range of the key there.
    /// The folded marks and the edge punctuation are ASCII, so trimming bytes at the ends never cuts
    /// a scalar; a word that is all punctuation keys as itself, folded. No String per word.
    static func key(_ word: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Range<Int> {
        var n = 0, k = 0
        while k < word.count {
            var byte = word[k]
            k += 1
            // U+2018 and U+2019 (E2 80 98/99) as ', U+201C and U+201D (E2 80 9C/9D) as ".
            if byte == 0xE2, k + 1 < word.count, word[k] == 0x80 {
                switch word[k + 1] {
                case 0x98, 0x99: byte = 0x27; k += 2
                case 0x9C, 0x9D: byte = 0x22; k += 2
                default: break
                }
            }
            buffer[n] = byte
            n += 1
        }
        var start = 0, end = n
        while start < end, isEdgePunctuation(buffer[start]) { start += 1 }
        while end > start, isEdgePunctuation(buffer[end - 1]) { end -= 1 }
        return start < end ? start..<end : 0..<n
    }

    private static func isEdgePunctuation(_ byte: UInt8) -> Bool { byte < 0x80 && isEdgePunctuation(Unicode.Scalar(byte)) }

    /// `, . ; : ! ? " ' ( ) [ ]`: a switch, as hashing each scalar into a Set showed in profiles.
    static func isEdgePunctuation(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ",", ".", ";", ":", "!", "?", "\"", "'", "(", ")", "[", "]": return true
        default: return false
        }
    }
}
