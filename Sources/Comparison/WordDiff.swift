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
        func id(_ word: String) -> Int32 {
            var k = key(word)
            return k.withUTF8 { ids.insert($0).id }
        }
    }

    /// A text's words and their keys' ids.
    struct Words {
        let words: [String]
        let keys: [Int32]
        init(_ text: String, keys ids: Keys) {
            words = TextTokens.whitespaceSplit(text).map(String.init)
            keys = words.map { ids.id($0) }
        }
    }

    private static func diff(_ a: Words, _ b: Words) -> [DiffSegment] {
        let x = a.words, y = b.words, kx = a.keys, ky = b.keys
        let n = x.count, m = y.count
        // lcs[i * (m + 1) + j] = LCS length of x[i...] and y[j...], in one flat buffer.
        let width = m + 1
        var lcs = [Int32](repeating: 0, count: (n + 1) * width)
        if n > 0, m > 0 {
            for i in stride(from: n - 1, through: 0, by: -1) {
                for j in stride(from: m - 1, through: 0, by: -1) {
                    lcs[i * width + j] = kx[i] == ky[j] ? lcs[(i + 1) * width + j + 1] + 1
                        : max(lcs[(i + 1) * width + j], lcs[i * width + j + 1])
                }
            }
        }
        var out: [DiffSegment] = []
        func push(_ kind: DiffSegment.Kind, _ word: String) {
            // No copy of the last segment held while its text grows: the append then copies nothing.
            if out.last?.kind == kind {
                out[out.count - 1].text += " "
                out[out.count - 1].text += word
            } else {
                out.append(DiffSegment(kind, word))
            }
        }
        var i = 0, j = 0
        var pendingInserts: [String] = []
        while i < n || j < m {
            if i < n, j < m, kx[i] == ky[j] {
                for w in pendingInserts { push(.inserted, w) }
                pendingInserts = []
                push(.same, y[j]); i += 1; j += 1
            } else if j >= m || (i < n && lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
                push(.deleted, x[i]); i += 1
            } else {
                pendingInserts.append(y[j]); j += 1
            }
        }
        for w in pendingInserts { push(.inserted, w) }
        return out
    }

    /// Curly and straight quotes are one; punctuation at a word's edges ("month," / "month") is not a change.
    static func key(_ word: String) -> String {
        // Most words have nothing to fold or trim: skip building a copy for them.
        guard word.unicodeScalars.contains(where: { folded($0) != $0 || isEdgePunctuation($0) }) else { return word }
        var scalars = word.unicodeScalars.map(folded)
        let whole = scalars
        while let first = scalars.first, isEdgePunctuation(first) { scalars.removeFirst() }
        while let last = scalars.last, isEdgePunctuation(last) { scalars.removeLast() }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars.isEmpty ? whole : scalars)
        return String(out)
    }

    private static func folded(_ c: Unicode.Scalar) -> Unicode.Scalar {
        switch c {
        case "\u{2019}", "\u{2018}": return "'"
        case "\u{201C}", "\u{201D}": return "\""
        default: return c
        }
    }

    /// `, . ; : ! ? " ' ( ) [ ]`: a switch, as hashing each scalar into a Set showed in profiles.
    static func isEdgePunctuation(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ",", ".", ";", ":", "!", "?", "\"", "'", "(", ")", "[", "]": return true
        default: return false
        }
    }
}
