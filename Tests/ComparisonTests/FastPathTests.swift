import Foundation
import Testing
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
        for text in Self.samples {
            for word in text.split(whereSeparator: \.isWhitespace).map(String.init) + [text, "’", "“”", "e\u{301}"] {
                #expect(WordDiff.key(word) == reference(word), "\(word)")
                #expect(WordDiff.key(word).unicodeScalars.elementsEqual(reference(word).unicodeScalars), "\(word)")
            }
        }
    }

    @Test func quoteWordsOfTokensMatchesText() {
        for text in Self.samples {
            #expect(StoryComparator.quoteWords(of: TextTokens.tokens(text)) == StoryComparator.quoteWords(text))
        }
    }
}
