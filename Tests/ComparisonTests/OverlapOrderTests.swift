import BriefingCore
import Testing
@testable import Comparison

/// The inverted-index pair walk and the word diff by byte ranges give what the plain definitions give.
@Suite struct OverlapOrderTests {
    /// Three outlets, over 64 sentences each (the touched-sentence bits span several words), with
    /// words shared in varying runs.
    static let articles: [Article] = ["Alpha", "Beta", "Gamma"].enumerated().map { o, outlet in
        let words = ["river", "dam", "valley", "flood", "crews", "residents", "power", "bridge", "mayor", "storm"]
        let sentences = (0..<70).map { s in
            (0..<6).map { w in words[(s * (o + 1) + w * (s % 7 + 1)) % words.count] }.joined(separator: " ") + " \(outlet.lowercased())\(s)."
        }
        return Fixtures.article(outlet, sentences.joined(separator: " "))
    }

    @Test func overlappingPairsAreEveryCrossOutletPairInIndexOrder() {
        let table = SentenceTable(articles: Self.articles)
        var found: [(Int, Int, Double, Int)] = []
        table.forEachOverlappingPair { found.append(($0, $1, $2, $3)) }
        var expected: [(Int, Int, Double, Int)] = []
        for i in 0..<table.count {
            for j in (i + 1)..<table.count where table.outletIDs[i] != table.outletIDs[j] {
                let (mass, count) = table.overlap(i, j)
                if count > 0 { expected.append((i, j, mass, count)) }
            }
        }
        #expect(table.count > 3 * 64)
        #expect(found.count == expected.count)
        for (a, b) in zip(found, expected) {
            #expect(a.0 == b.0 && a.1 == b.1 && a.3 == b.3)
            #expect(abs(a.2 - b.2) < 1e-9)
        }
    }

    @Test func scoredPairsTakeThirtyTwoBytes() {
        #expect(MemoryLayout<ScoredPair>.stride == 32)
        let pair = ScoredPair(i: 3, j: 70_000, shared: 1.5, similarity: 0.5, phrase: nil, aligns: false)
        #expect(pair.i == 3 && pair.j == 70_000)
    }

    /// The diff as it was made from Substrings: each segment's words joined by single spaces.
    static func referenceDiff(_ a: String, _ b: String) -> [DiffSegment] {
        let x = a.split(whereSeparator: \.isWhitespace), y = b.split(whereSeparator: \.isWhitespace)
        let kx = x.map { WordDiff.key(String($0)) }, ky = y.map { WordDiff.key(String($0)) }
        let n = x.count, m = y.count
        var lcs = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lcs[i][j] = kx[i] == ky[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
            }
        }
        var out: [DiffSegment] = []
        func push(_ kind: DiffSegment.Kind, _ word: Substring) {
            if out.last?.kind == kind { out[out.count - 1].text += " " + word } else { out.append(DiffSegment(kind, String(word))) }
        }
        var i = 0, j = 0, pending: [Substring] = []
        while i < n || j < m {
            if i < n, j < m, kx[i] == ky[j] {
                for w in pending { push(.inserted, w) }
                pending = []
                push(.same, y[j]); i += 1; j += 1
            } else if j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1]) {
                push(.deleted, x[i]); i += 1
            } else {
                pending.append(y[j]); j += 1
            }
        }
        for w in pending { push(.inserted, w) }
        return out
    }

    @Test func wordDiffsByByteRangesMatchTheReference() {
        let texts = ["", " ", "we are ready", "  we  are\tready\ntoday ", "“We are,” she said, “ready.”",
                     "it’s a concern", "it's a concern, not a crisis", "Zürich’s café stays shut",
                     "e\u{301}lan and e\u{301}lan", "no\u{00A0}break space here", "\u{1F1FA}\u{1F1F8} flags wave",
                     "a b a b a b", "b a b a", "the same words here", "the same, words here!"]
        for a in texts {
            for b in texts {
                #expect(WordDiff.diff(a, b) == Self.referenceDiff(a, b), "\(a) → \(b)")
            }
        }
    }
}

@Suite struct SpeakerSurnameTests {
    @Test func lastWordByBytesIsTheSplitsLastWord() {
        for name in ["", " ", "Biden", " Biden ", "Joe Biden", "Joe  Biden", "Joe Biden ", "  Joe Biden", "Liu Pengyu Jr",
                     "Zoë Kravitz", "Zoë", "A B", "a  ", "  b"] {
            let words = name.split(separator: " ")
            #expect(StoryComparator.lastOfTwoOrMoreWords(name) == (words.count >= 2 ? words.last : nil), "\(name)")
        }
    }
}
