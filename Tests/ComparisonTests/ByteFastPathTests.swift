import Testing
@testable import Comparison
import BriefingCore

/// The byte-level fast paths of the compare stage give the answers of the general code they skip.
@Suite struct ByteFastPathTests {
    @Test func shortKeyHashIsTheByteHash() {
        // Keys of every length at every offset of a buffer, with and without room for an 8-byte load.
        let text = Array("aZ'’9,é—“Blinken” said: 1,000 tons of élan\u{0}\u{FF}".utf8)
        text.withUnsafeBufferPointer { buffer in
            let end = buffer.baseAddress! + buffer.count
            for start in 0..<buffer.count {
                for length in 0...min(12, buffer.count - start) {
                    let key = UnsafeBufferPointer(rebasing: buffer[start..<(start + length)])
                    #expect(ByteHash.hash(key, readableUpTo: end) == ByteHash.hash(key), "\(start) \(length)")
                }
            }
        }
    }

    @Test func capitalisedByBytesAndByCharacters() {
        for word in ["Blinken", "blinken", "B", "b", "1st", "É", "élan", "E\u{301}", "e\u{301}", "", "Ωmega", "\"Quoted"] {
            #expect(QuoteExtractor.isCapitalised(word) == (word.first?.isUppercase ?? false), "\(word)")
        }
    }

    @Test func speakerBeforeTrimsOnlyTheEnd() {
        #expect(QuoteExtractor.speakerBefore("Earlier. Blinken said:  \t"[...]) == "Blinken")
        #expect(QuoteExtractor.speakerBefore("  Antony Blinken told reporters, "[...]) == "Antony Blinken")
        #expect(QuoteExtractor.speakerBefore("Blinken said. "[...]) == nil)
        #expect(QuoteExtractor.speakerBefore("   "[...]) == nil)
        #expect(QuoteExtractor.speakerBefore(""[...]) == nil)
    }
}

@Suite struct ClaimOutletTests {
    /// "The Hill" and "the hill" share a slug but are two outlets: a claim lists both, in order,
    /// as a Set of the members' outlets would.
    @Test func sharedClaimOutletsAreTheMembersDistinctOutletsInOrder() {
        let text = "Officials approved the twelve new bridges across the northern river valley on Tuesday."
        let articles = [
            Fixtures.article("The Hill", text, id: "a"), Fixtures.article("the hill", text, id: "b"),
            Fixtures.article("Reuters", text, id: "c"), Fixtures.article("The Hill", text + " More.", id: "d"),
        ].sorted(by: Article.canonicalOrder)
        let table = SentenceTable(articles: articles)
        let groups = [Array(0..<table.count)]
        let claims = StoryComparator.sharedClaims(table, groups: groups)
        #expect(claims.count == 1)
        #expect(claims.first?.outlets == Array(Set(groups[0].map { table.outlet($0) })).sorted())
        #expect(claims.first?.outlets.count == 3)
    }
}

@Suite struct QuoteMarkFlagTests {
    @Test func flagsAreMayQuotePerSentence() {
        let articles = [
            Fixtures.article("Reuters", "“We will rebuild,” she said. No quote here. He said \"fine\" today.\n\nPlain text."),
            Fixtures.article("AP", "Nothing quoted. “Open and never closed"),
        ].sorted(by: Article.canonicalOrder)
        let table = SentenceTable(articles: articles)
        #expect(table.quoted == table.entries.map { QuoteExtractor.mayQuote($0.text) })
        for article in articles {
            let texts = article.sentences.map(\.text)[...]
            let flagged = QuoteExtractor.quotedParagraphs(article, texts: texts, quoted: texts.map(QuoteExtractor.mayQuote)[...])
            let scanned = QuoteExtractor.quotedParagraphs(article, texts: texts)
            #expect(flagged.map(\.text) == scanned.map(\.text) && flagged.map(\.sentences) == scanned.map(\.sentences))
        }
    }
}

@Suite struct WordTableShortcutTests {
    @Test func digitsByBytesParseAsDouble() {
        for text in ["0", "7", "1,000", "2024", "1,234,567", "3.5", "0.25", "1,000.5", "123456789012345", "1234567890123456",
                     "99,999,999,999,999,999", "", ",", "12a", "007"] {
            var plain = text
            plain.removeAll { $0 == "," }
            #expect(NumberWords.digits(text) == Double(plain), "\(text)")
        }
    }

    @Test func factsTermIsTheContentTerm() {
        for word in LexiconTests.words + ["it's", "o'neill's", "'", "x", "xy", "million", "millions", "dozen", "they're", "é", "ée"] {
            #expect(WordFacts(word).contentTerm == TextTokens.contentTerm(word), "\(word)")
        }
    }
}

@Suite struct SortedCommonTests {
    @Test func sortedCommonIsTheSortedIntersection() {
        let sets: [Set<String>] = [[], ["date"], ["ton", "date"], ["percent", "ton", "vehicl"], ["dollar"], ["e\u{301}", "ton"], ["é"]]
        for a in sets {
            for b in sets {
                #expect(StoryComparator.sortedCommon(a.sorted(), b.sorted()) == a.intersection(b).sorted(), "\(a) \(b)")
            }
        }
    }
}
