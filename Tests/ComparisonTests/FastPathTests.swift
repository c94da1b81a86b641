import Foundation
import Testing
import BriefingCore
@testable import Comparison

/// The speed-ups give the same answers as the plain code they replaced, kept here as references.
@Suite struct FastPathTests {
    static let samples = [
        "", " ", "one", "one two", "  one  two three ", "one\ttwo\nthree four", "“Quoted,” he said.",
        "(a) [b] c! d? \"e\" ‘f’ —g– h;", "...", "it’s Russia's won't", "\"\u{301}abc", "a\u{00A0}b c d",
        "e\u{301}té — «déjà» vu", "12 tons, 3.5 million; $4", "\u{1F600} emoji “x”",
    ]

    @Test func whitespaceSplitMatchesCharacterSplit() {
        let more = ["a\r\nb", "tab\there", "x \u{301}y", "nbsp\u{00A0}here", "em\u{2003}space", "ok—fine “yes”",
                    "zwj a\u{200D}b", "\u{0600} 1", "é ü ß", "line\u{2028}sep", "\u{85}next", "  lead and trail  "]
        for text in Self.samples + more {
            #expect(TextTokens.whitespaceSplit(text) == text.split(whereSeparator: \.isWhitespace), "\(text)")
        }
    }

    @Test func trimmingSpacesMatchesFoundation() {
        let more = ["\tx\t", "x\n", "\ny", "\u{00A0}nbsp\u{00A0}", "\u{2003}em", "a", " ", "\t", "“q”", "x\u{3000}"]
        for text in Self.samples + more {
            #expect(text.trimmingSpaces() == text.trimmingCharacters(in: .whitespaces), "\(text)")
        }
    }

    @Test func hasWordsByBytesMatchesCharacters() {
        let more = ["", " ", "a\u{1}b c", "x\r\ny z w", "one\u{00A0}two three four", "é è ê ë", "“a” — b – c"]
        for text in Self.samples + more {
            for n in 0...5 {
                var copy = text
                if let fast = copy.withUTF8({ QuoteExtractor.hasWordsByBytes($0, atLeast: n) }) {
                    #expect(fast == QuoteExtractor.hasWordsByCharacters(text, atLeast: n), "\(text) \(n)")
                }
                #expect(QuoteExtractor.hasWords(text, atLeast: n) == QuoteExtractor.hasWordsByCharacters(text, atLeast: n))
            }
        }
    }

    @Test func hasWordsMatchesSplitCount() {
        for text in Self.samples {
            let count = text.split(whereSeparator: \.isWhitespace).count
            for n in 0...5 { #expect(QuoteExtractor.hasWords(text, atLeast: n) == (count >= n), "\(text) \(n)") }
        }
    }

    @Test func wordsMatchFoundationTrimming() {
        let edges = CharacterSet(charactersIn: ",.;:!?()[]—–\"“”'‘’")
        for text in Self.samples {
            let reference = text.split(whereSeparator: \.isWhitespace).map {
                String($0).trimmingCharacters(in: edges)
            }.filter { !$0.isEmpty }
            #expect(QuoteExtractor.words(text) == reference, "\(text)")
            for limit in 0...3 { #expect(QuoteExtractor.words(text, limit: limit) == Array(reference.prefix(limit)), "\(text)") }
        }
    }

    @Test func contractionFastPathMatchesLookups() {
        for word in ["go", "won't", "they're", "n't", "isn't", "i'm", "we'd", "it's", "o'brien", "rock'n'roll"] {
            let expected: [String]
            switch word {
            case "won't": expected = ["will", "not"]
            case "they're": expected = ["they", "are"]
            case "isn't": expected = ["is", "not"]
            case "i'm": expected = ["i", "am"]
            case "we'd": expected = ["we", "would"]
            case "it's": expected = ["it", "is"]
            default: expected = [word]
            }
            #expect(StoryComparator.expandContraction(word) == expected, "\(word)")
        }
    }

    @Test func diffKeyMatchesReference() {
        func reference(_ word: String) -> String {
            let edge: Set<Unicode.Scalar> = [",", ".", ";", ":", "!", "?", "\"", "'", "(", ")", "[", "]"]
            var scalars = word.unicodeScalars.map { c -> Unicode.Scalar in
                switch c {
                case "\u{2019}", "\u{2018}": return "'"
                case "\u{201C}", "\u{201D}": return "\""
                default: return c
                }
            }
            let whole = scalars
            while let first = scalars.first, edge.contains(first) { scalars.removeFirst() }
            while let last = scalars.last, edge.contains(last) { scalars.removeLast() }
            var out = String.UnicodeScalarView()
            out.append(contentsOf: scalars.isEmpty ? whole : scalars)
            return String(out)
        }
        // Edge cases of the byte-level key: quote marks of every kind, lone marks, non-ASCII letters.
        let words: [String] = ["month,", "“We", "won’t", "now,”", "‘quoted’", "\"", "”,", "(a)", "[1]", "...", "", "élan.", "e\u{301},",
                              "‚low", "‛rev", "\u{201E}x", "plain", "it's", "—", "U.S.", "'", "’’", "\u{E2}"]
        for text in Self.samples + words {
            for word in text.split(whereSeparator: \.isWhitespace).map(String.init) + [text, "’", "“”", "e\u{301}"] {
                #expect(WordDiff.key(word) == reference(word), "\(word)")
                #expect(WordDiff.key(word).unicodeScalars.elementsEqual(reference(word).unicodeScalars), "\(word)")
            }
        }
    }

    @Test func sharesAtLeastMatchesSetIntersection() {
        let lists: [[Int]] = [[], [1], [1, 2, 3, 4], [2, 4, 6, 8, 10], [1, 2, 3, 4, 5, 6], [0, 4, 5, 6, 7, 9]]
        for a in lists {
            for b in lists {
                for n in 0...5 {
                    #expect(StoryComparator.sharesAtLeast(a, b, n) == (Set(a).intersection(b).count >= n), "\(a) \(b) \(n)")
                }
            }
        }
    }

    @Test func quotationIDsAgreeWithWords() {
        // The String version this replaced: a set intersection, then LCS over the words.
        func reference(_ a: [String], _ b: [String]) -> Int? {
            guard Set(a).intersection(b).count >= StoryComparator.quoteMinimumSharedWords else { return nil }
            var prev = [Int](repeating: 0, count: b.count + 1), cur = prev
            for x in a {
                for (j, y) in b.enumerated() { cur[j + 1] = x == y ? prev[j] + 1 : max(prev[j + 1], cur[j]) }
                swap(&prev, &cur)
            }
            let ordered = prev[b.count]
            guard ordered >= StoryComparator.quoteMinimumSharedWords,
                  Double(ordered) >= StoryComparator.quoteOverlap * Double(min(a.count, b.count)) else { return nil }
            return ordered
        }
        let quotes = ["We will not back down from this fight", "we won't back down from this fight today",
                      "this fight we will not back down from", "Nobody crosses the bridge until inspectors sign off",
                      "e\u{301}lan is what we need now", "\u{e9}lan is what we need now", "", "a a a a a"]
        let lexicon = Lexicon()
        let words = quotes.map(StoryComparator.quoteWords)
        let ids = quotes.map { lexicon.quoteWordIDs(in: $0) }
        for a in words.indices {
            for b in words.indices {
                let fast = StoryComparator.sameQuotation(ids[a], SentenceTable.sortedUnique(ids[a]), ids[b], SentenceTable.sortedUnique(ids[b]))
                #expect(fast == reference(words[a], words[b]), "\(quotes[a]) / \(quotes[b])")
            }
        }
    }

    @Test func boundaryTokensShareOneLexiconID() {
        let lexicon = Lexicon()
        let text = "Well, yes; no. Twelve (12) tons | $5"
        let tokens = lexicon.tokens(text)
        for (token, reference) in zip(tokens, ReferenceTokens.tokens(text)) {
            #expect(Int(token.id) == lexicon.id(reference.text))
            #expect(lexicon.lower(Int(token.id)) == reference.lower)
        }
    }
}

extension FastPathTests {
    @Test func sentenceEndMatchesFoundationTrimming() {
        func reference(_ text: String) -> Bool {
            let end = text.trimmingCharacters(in: CharacterSet(charactersIn: "\"”’' ")).last
            return end.map { ".!?".contains($0) } ?? false
        }
        let more = ["Done.", "Done.”", "Done?' ", "“Go!”’", "Score 3-1", "\"", "", " . ", ".\u{301}", "x\u{0600}.",
                    "é.", "Why?\"\"", "Wait…", "a.b", "Really!”\u{00A0}", "\u{1F600}.", "ok .", "’"]
        for text in Self.samples + more { #expect(StoryComparator.endsLikeASentence(text) == reference(text), "\(text)") }
    }
}

extension FastPathTests {
    @Test func mayQuoteMatchesScalarSearch() {
        let long = String(repeating: "plain words — dashes – and ‘single’ marks ", count: 3)
        let more = [long, long + "\"", "“" + long, long + "”", long + "â", "12345678\"", "1234567“",
                    "abcdefg\u{2014}\u{201C}", "\u{201D}", "\u{2019}\u{2018}\u{2014}", "é\u{201C}", String(repeating: "é", count: 9) + "\""]
        for text in Self.samples + more {
            let reference = text.unicodeScalars.contains { $0 == "\"" || $0 == "\u{201C}" || $0 == "\u{201D}" }
            #expect(QuoteExtractor.mayQuote(text) == reference, "\(text)")
        }
    }

    @Test func hasByteFindsEachPosition() {
        for position in 0..<8 {
            for byte: UInt8 in [0x00, 0x22, 0x7F, 0x80, 0xE2, 0xFF] {
                let chunk = UInt64(byte) << (8 * UInt64(position)) | (byte == 0x41 ? 0 : 0x4141_4141_4141_4141 & ~(0xFF << (8 * UInt64(position))))
                #expect(ByteWord.holds(chunk, byte), "\(position) \(byte)")
                #expect(!ByteWord.holds(0x4141_4141_4141_4141, byte))
            }
        }
    }
}

extension FastPathTests {
    @Test func edgeSwitchesMatchTheirSets() {
        let wordEdges = Set(",.;:!?()[]—–\"“”'‘’".unicodeScalars)
        let diffEdges: Set<Unicode.Scalar> = [",", ".", ";", ":", "!", "?", "\"", "'", "(", ")", "[", "]"]
        for value in Array(0..<0x300) + Array(0x2000..<0x2100) {
            guard let c = Unicode.Scalar(UInt32(value)) else { continue }
            #expect(QuoteExtractor.isWordEdge(c) == wordEdges.contains(c), "\(value)")
            #expect(WordDiff.isEdgePunctuation(c) == diffEdges.contains(c), "\(value)")
        }
    }

    static let attributions = [
        ", Okafor said. Then more.", ", said Brig. Gen. Pat Ryder. Next", " Dr. Who said “again”", ", he said \"x\"",
        ", U.S. officials said.", "", ".", " .", "  . x", ", Mr . Smith said.", ", said \"\u{301}x", ", e\u{301}té said. x",
        ", said “\u{301}x", ", \u{0600}. x", ", Ü.S. said. y", ", \u{212A}. z", ", zwj a\u{200D}b. c", "\r\n. x",
    ]

    @Test func attributionEndMatchesCharacterWalk() {
        for text in Self.samples + Self.attributions {
            let paragraph = "“Quoted words here” " + text
            let after = paragraph[paragraph.utf8.index(paragraph.startIndex, offsetBy: "“Quoted words here” ".utf8.count)...]
            let copy = String(after)
            let reference = copy.utf8.distance(from: copy.startIndex, to: QuoteExtractor.attributionEndByCharacter(copy))
            #expect(paragraph.utf8.distance(from: after.startIndex, to: QuoteExtractor.attributionEnd(after)) == reference, "\(text)")
        }
    }

    @Test func singleSpacedMeansCleanKeepsTheText() {
        for text in Self.samples + Self.attributions + ["a b", " a", "a ", "a  b", "a\tb", "a\u{00A0}b", "a\u{2003}b", "é ü"] {
            let joined = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            if TextTokens.isSingleSpaced(text) { #expect(joined == text, "\(text)") }
            if text.unicodeScalars.allSatisfy({ $0.isASCII && $0 != "\r" }) {
                #expect(TextTokens.isSingleSpaced(text) == (joined == text), "\(text)")
            }
        }
    }

    @Test func colonOrCommaCheckOnlyRejectsWhatTrimmingWould() {
        for text in Self.samples + Self.attributions + ["Blinken said: ", "Blinken said:\t", "He told reporters, ", "x:\u{301} ", "x\u{00A0}"] {
            if QuoteExtractor.endsWithoutColonOrComma(text[...]) {
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                #expect(!trimmed.hasSuffix(":") && !trimmed.hasSuffix(","), "\(text)")
            }
        }
        #expect(!QuoteExtractor.endsWithoutColonOrComma("Blinken said: "))
        #expect(QuoteExtractor.endsWithoutColonOrComma("The bridge reopened. "))
    }

    @Test func sortUniqueMatchesSortedSet() {
        var generator = SystemRandomNumberGenerator()
        for length in [0, 1, 2, 5, 30, 64, 65, 200] {
            let prefix = [7, 3, 3]
            let values = (0..<length).map { _ in Int.random(in: 0..<40, using: &generator) }
            var list = prefix + values
            SentenceTable.sortUnique(&list, from: prefix.count)
            #expect(list == prefix + Set(values).sorted(), "\(values)")
        }
    }
}
