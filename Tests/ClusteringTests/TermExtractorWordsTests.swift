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

/// The byte scanner cuts words as the scalar loop it replaced, kept here as the reference.
@Suite struct TermExtractorByteScannerTests {
    static func referenceWords(_ text: String) -> [TermExtractor.Word] {
        var out: [TermExtractor.Word] = []
        var current = String.UnicodeScalarView()
        var first: Unicode.Scalar?, last: Unicode.Scalar?
        var sentenceStart = true, startsSentence = true, hasApostrophe = false
        func flush() {
            guard let initial = first else { return }
            var text = String(current)
            if hasApostrophe {
                if text.hasSuffix("'s") || text.hasSuffix("’s") { text.removeLast(2) }
                text = text.filter { $0 != "'" && $0 != "’" }
            }
            if !text.isEmpty {
                out.append(TermExtractor.Word(text: text, capitalised: initial.properties.isUppercase, sentenceStart: startsSentence))
            }
            current = String.UnicodeScalarView()
            first = nil; last = nil; hasApostrophe = false
        }
        let scalars = Array(text.unicodeScalars)
        for (k, s) in scalars.enumerated() {
            if s.properties.isAlphabetic || s.properties.numericType != nil {
                if first == nil { startsSentence = sentenceStart; first = s }
                current.append(s); last = s
                sentenceStart = false
                continue
            }
            let next: Unicode.Scalar = k + 1 < scalars.count ? scalars[k + 1] : " "
            let digits: ClosedRange<Unicode.Scalar> = "0"..."9"
            if (s == "," || s == "."), let l = last, digits.contains(l), digits.contains(next) { continue }
            if (s == "'" || s == "’"), first != nil, next.properties.isAlphabetic {
                current.append(s); last = s; hasApostrophe = true
                continue
            }
            flush()
            if ".!?\n:“\"".unicodeScalars.contains(s) { sentenceStart = true }
        }
        flush()
        return out
    }

    static func render(_ words: [TermExtractor.Word]) -> [String] {
        words.map { "\($0.text)\($0.capitalised ? "^" : "")\($0.sentenceStart ? "|" : "")" }
    }

    @Test func matchesReferenceOnEdgeCases() {
        let samples = [
            "", "x", "1,000,000 and 3.5.6 or 1.a 2,b ,5 .5 5. 5,", "Russia’s won’t o'neill’s ’tis 'tis x's’s s’", "A’s b's ’s 's",
            "rock'n'roll it’ll 12's 12’s 1,2's", "Émile’s naïve’s ÅNGSTRÖM’s straße's", "東京’s ٣٤,٥ 3,٤", "e\u{301}té e\u{301}’s",
            "Kelvin \u{212A}ing King", "Done! Next: “Quote” and \"more\"? yes\nNew line\r\nCR", "a—b–c…d • e",
            "x\u{0915}\u{093E}’\u{093E}s", "\u{1F600}word \u{1F1FA}\u{1F1F8}flag", "end.", "‘single’ quotes’ here",
            "very-long-hyphenated internationalisation’s counterrevolutionaries' 1234567890123456789",
        ]
        for text in samples {
            #expect(Self.render(TermExtractor.words(text)) == Self.render(Self.referenceWords(text)), "\(text)")
        }
    }

    @Test func matchesReferenceOnRandomText() {
        let alphabet = Array("aZ09 ,.'’s!?:\n“\"-é東\u{301}\u{212A}x".unicodeScalars)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            var text = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...24, using: &generator) { text.append(alphabet.randomElement(using: &generator)!) }
            let string = String(text)
            #expect(Self.render(TermExtractor.words(string)) == Self.render(Self.referenceWords(string)), "\(string.debugDescription)")
        }
    }

    /// Tokens through the byte memo are those of a fresh extractor reading each word as a String.
    @Test func memoisedTokensMatchFreshOnes() {
        let text = "Kelvin’s \u{212A}ing King kings KINGS internationalisation internationalisations Ångström Ångström’s 1,000 1000 the"
        var memo = TermExtractor()
        for _ in 0..<3 {
            let terms = memo.terms(text)
            var fresh = TermExtractor()
            #expect(terms == fresh.terms(text))
        }
    }

    @Test func shortWordTableGrowsAndFinds() {
        var table = ShortWordTable()
        var keys: [ShortWordTable.Key] = []
        for k in 0..<5000 {
            var word = Array("w\(k)".utf8)
            let key = word.withUnsafeMutableBufferPointer { ShortWordTable.key(UnsafeBufferPointer($0))! }
            table.insert(key, .word(Int32(k)))
            keys.append(key)
        }
        for (k, key) in keys.enumerated() {
            guard case .word(let id) = table.find(key) else { Issue.record("missing \(k)"); continue }
            #expect(id == Int32(k))
        }
        var long = Array("seventeen-bytes!!".utf8)
        #expect(long.withUnsafeMutableBufferPointer { ShortWordTable.key(UnsafeBufferPointer($0)) } == nil)
    }
}
