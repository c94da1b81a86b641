import BriefingCore
import Testing
@testable import Comparison

/// The byte-level `QuoteExtractor.words` and one-pass `name` give what the scalar-view and
/// two-pass versions they replaced gave, on edge marks, non-ASCII text and joined scalars.
@Suite struct QuoteWordsBytesTests {
    /// The scalar-view `words` as it was.
    static func referenceWords(_ s: String, limit: Int = .max) -> [String] {
        var out: [String] = []
        for word in TextTokens.whitespaceSplit(s) {
            guard out.count < limit else { break }
            let scalars = word.unicodeScalars
            guard let first = scalars.firstIndex(where: { !QuoteExtractor.isWordEdge($0) }),
                  let last = scalars.lastIndex(where: { !QuoteExtractor.isWordEdge($0) }) else { continue }
            out.append(String(scalars[first...last]))
        }
        return out
    }

    /// The two-pass `name` as it was.
    static func referenceName(_ words: [String]) -> String? {
        let run = Array(words.prefix { QuoteExtractor.isCapitalised($0) || QuoteExtractor.titles.contains(QuoteExtractor.plain($0)) })
        let afterTitle = run.lastIndex { QuoteExtractor.titles.contains(QuoteExtractor.plain($0)) }.map { run.index(after: $0) } ?? 0
        let kept = run[afterTitle...].map { $0.hasSuffix("'s") || $0.hasSuffix("’s") ? String($0.dropLast(2)) : $0 }
        return kept.isEmpty ? nil : kept.joined(separator: " ")
    }

    static let texts = [
        "", " ", "—", "“”", "—“Hello,”— she said.", "‘quoted’ words…", "a–b – c — d", "(Reuters) [sic] it's “done.”",
        "\"straight\" 'single'", "e\u{301}tude, café; naïve!", "x\u{2014}\u{301} y", "\u{2019}\u{2019}x\u{2019}\u{2019}",
        "one\u{00A0}two three", "tab\tsep\nline", "…ellipsis… ,,, ..", "日本語、テスト。 “引用”", "🙂 — 👍🏽!",
        "\u{2018}", "a\u{201C}", "\u{201D}b", "x\u{E2}", "said Antony Blinken, the U.S. secretary",
    ]

    @Test func wordsMatchScalarTrimming() {
        for text in Self.texts {
            #expect(QuoteExtractor.words(text) == Self.referenceWords(text), "\(text)")
            for limit in 0...4 {
                #expect(QuoteExtractor.words(text, limit: limit) == Self.referenceWords(text, limit: limit), "\(text) \(limit)")
            }
        }
    }

    @Test func nameMatchesTwoPasses() {
        let lists: [[String]] = [
            [], ["he"], ["Blinken"], ["Secretary", "of", "State", "Antony", "Blinken"], ["Transport", "Minister", "Ada", "Okafor"],
            ["Ada", "Okafor's"], ["Ada", "Okafor’s", "office"], ["the", "White", "House"], ["Gen.", "Mark", "Milley", "Dr."],
            ["U.S.", "Ambassador"], ["'s"], ["’s"], ["Ada's"], ["Zoë's"], ["Zoë’s"], ["S"], ["Okafor's's"], ["reporters", "Liu"], ["Liu", "Pengyu", "told", "Reuters"], ["Président", "Macron"], ["Éric", "Zemmour"],
        ]
        for words in lists { #expect(QuoteExtractor.name(words) == Self.referenceName(words), "\(words)") }
    }

    @Test func possessiveDroppedAsByCharacters() {
        for word in ["'s", "’s", "Ada's", "Ada’s", "Zoë's", "Zoë’s", "s", "'", "as", "Ada'S", "e\u{301}'s", "x's\u{301}", ""] {
            let reference = word.hasSuffix("'s") || word.hasSuffix("’s") ? String(word.dropLast(2)) : word
            #expect(QuoteExtractor.withoutPossessive(word) == reference, "\(word)")
        }
    }

    @Test func cleanDropsTrailingCommasAsByCharacters() {
        for text in ["", ",", " , ,", "Ukraine,", "Ukraine, ", "a  b,,", "café,", "e\u{301},", "x,\u{301}", "\u{0600},", "a\u{0600},",
                     "“Zürich”, ", "a\r\n,", "tab\t,", "no comma", "多,"] {
            var reference = TextTokens.isSingleSpaced(text) ? text : TextTokens.whitespaceSplit(text).joined(separator: " ")
            while let last = reference.last, last == "," || last == " " { reference.removeLast() }
            #expect(QuoteExtractor.clean(text) == reference, "\(text)")
            #expect(Array(QuoteExtractor.clean(text).utf8) == Array(reference.utf8), "\(text)")
        }
    }
}
