import Testing
@testable import Clustering

/// How text is cut into words before stemming: the reference for any faster tokeniser.
@Suite struct TermExtractorWordsTests {
    func words(_ text: String) -> [String] {
        TermExtractor.words(text).map { "\($0.text)\($0.capitalised ? "^" : "")\($0.sentenceStart ? "|" : "")" }
    }

    @Test func numbersStayWholeAndPossessivesDrop() {
        #expect(words("About 750,000 people, 3.5 tons. Xi’s plan; O'Neill's cat") ==
            ["About^|", "750000", "people", "35", "tons", "Xi^|", "plan", "ONeill^", "cat"])
    }

    @Test func sentenceStartsAfterStopsColonsAndQuotes() {
        #expect(words("Done! Next: “Quote” and \"more\"? yes\nNew line") ==
            ["Done^|", "Next^|", "Quote^|", "and", "more|", "yes|", "New^|", "line"])
    }

    @Test func trailingAndLeadingPunctuationAndApostrophes() {
        #expect(words("'tis the players' ball, 1,2 and 3. 4 rock'n'roll 5,") ==
            ["tis|", "the", "players", "ball", "12", "and", "3", "4|", "rocknroll", "5"])
    }

    @Test func nonASCIILettersAndDigits() {
        #expect(words("Émile naïve straße Ångström ٣٤ 東京 a—b") ==
            ["Émile^|", "naïve", "straße", "Ångström^", "٣٤", "東京", "a", "b"])
    }

    /// The arithmetic ASCII classes are the ranges they replaced.
    @Test func asciiClassesAreTheRanges() {
        for value in UInt32(0)..<0x300 {
            let s = Unicode.Scalar(value)!
            let letter = ("a"..."z").contains(s) || ("A"..."Z").contains(s)
            let digit = ("0"..."9").contains(s)
            #expect(TermExtractor.isDigit(s) == digit)
            guard s.isASCII else { continue }
            #expect(TermExtractor.isLetter(s) == letter && TermExtractor.isAlphanumeric(s) == (letter || digit), "\(value)")
        }
    }

    @Test func emptyAndSymbolsOnly() {
        #expect(words("").isEmpty)
        #expect(words(" — … !? ").isEmpty)
    }
}

/// The allocation-free stemmer and the packed id sort answer as the code they replaced.
@Suite struct StemmingFastPathTests {
    static func referenceStem(_ word: String) -> String {
        var w = Array(word.unicodeScalars)
        func ends(_ suffix: String) -> Bool {
            let s = Array(suffix.unicodeScalars)
            return w.count > s.count && Array(w.suffix(s.count)) == s
        }
        func hasVowel(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool { scalars.contains { "aeiouy".unicodeScalars.contains($0) } }
        func undouble() {
            guard w.count >= 3, w[w.count - 1] == w[w.count - 2], !"aeioulsz".unicodeScalars.contains(w[w.count - 1]) else { return }
            w.removeLast()
        }
        if ends("sses") { w.removeLast(2) }
        else if ends("ies"), w.count > 4 { w.removeLast(3); w.append("y") }
        else if ends("s"), !ends("ss"), !ends("us"), !ends("is"), w.count > 3 { w.removeLast() }
        if ends("ied"), w.count > 4 { w.removeLast(3); w.append("y") }
        else if ends("eed") { w.removeLast() }
        else if ends("ed"), w.count > 4, hasVowel(w.dropLast(2)) { w.removeLast(2); undouble() }
        else if ends("ing"), w.count > 5, hasVowel(w.dropLast(3)) { w.removeLast(3); undouble() }
        else if ends("ly"), w.count > 5 { w.removeLast(2) }
        if ends("e"), w.count > 3 { w.removeLast() }
        return String(String.UnicodeScalarView(w))
    }

    @Test func stemMatchesReference() {
        let stems = ["", "a", "ss", "bridg", "hop", "run", "cr", "stop", "é", "naïv", "fizz", "stud", "agre", "x"]
        let suffixes = ["", "s", "es", "ies", "sses", "ed", "ied", "eed", "ing", "ly", "e", "us", "is", "ss", "ped", "ning"]
        for stem in stems {
            for suffix in suffixes {
                for extra in suffixes.prefix(5) {
                    let word = stem + suffix + extra
                    #expect(TermExtractor.stem(word) == Self.referenceStem(word), "\(word)")
                }
            }
        }
    }

    @Test func idOrderSortsByID() {
        let terms = ArticleTerms(ids: [7, 0, 42, 3, 1_000_000, 5], counts: Array(repeating: 1, count: 6), boosts: Array(repeating: 1, count: 6))
        #expect(terms.idOrder() == [1, 3, 5, 0, 2, 4])
        #expect(ArticleTerms(ids: [], counts: [], boosts: []).idOrder().isEmpty)
    }
}
