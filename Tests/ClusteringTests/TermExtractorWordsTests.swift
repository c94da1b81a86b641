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
