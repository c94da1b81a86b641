import BriefingCore
import Testing
@testable import Comparison

/// The byte tokeniser, the byte-keyed tables and the byte quote spans against the scalar code they replaced.
@Suite struct ScannerTests {
    static let samples = FastPathTests.samples + [
        "Blinken's aides don’t say; 1,000.5 tons, 3.5% of $12 billion…", "rock'n'roll 'quoted' ’tis o’", "1,", "1,a",
        "12’s 5'x x'5 a’ ’b", "A—B–C -- d - e", "ﬁne Ǆemo İstanbul ΣΑΣ straße", "٣ tons ½ Ⅻ", "a\u{2028}b\u{3000}c",
        "“unclosed and \"straight\" “nested “twice”", "”backwards“", "\u{1F1FA}\u{1F1F8} flags", "x\u{0301}y", "...!?",
        "e\u{0301}te\u{0301} CAFÉ café", "tab\tnew\nline\r\n", "\u{00A0}nbsp\u{00A0}", "$%$ %%", "'’", "a'", "n't",
    ]

    @Test func lexiconTokensMatchTheScalarTokeniser() {
        let lexicon = Lexicon()
        for text in Self.samples {
            let reference = ReferenceTokens.tokens(text)
            let tokens = lexicon.tokens(text)
            #expect(tokens.count == reference.count, "\(text)")
            for (token, old) in zip(tokens, reference) {
                #expect("\(token.kind)" == "\(old.kind)", "\(text)")
                #expect(lexicon.text(Int(token.id)) == old.text, "\(text)")
                #expect(lexicon.lower(Int(token.id)) == old.lower, "\(text)")
                if token.kind != .boundary {
                    // The offsets are those of the token as printed.
                    let utf8 = Array(text.utf8)[Int(token.start)..<Int(token.end)]
                    #expect(String(decoding: utf8, as: UTF8.self).replacingOccurrences(of: "’", with: "'") == old.text)
                }
            }
        }
    }

    @Test func byteSpansMatchScalarSpans() {
        for text in Self.samples {
            let spans = QuoteExtractor.spans(text), reference = ReferenceTokens.spans(text)
            #expect(spans.map { text[$0.outer] } == reference.map { text[$0.outer] }, "\(text)")
            #expect(spans.map { text[$0.inner] } == reference.map { text[$0.inner] }, "\(text)")
            #expect(QuoteExtractor.byteSpans(text).map { Array(text.utf8)[$0.inner] }
                    == reference.map { Array(text[$0.inner].utf8)[...] }, "\(text)")
        }
    }

    @Test func byteKeyTableGivesDenseStableIDs() {
        let table = ByteKeyTable()
        // Enough keys to grow the table several times; "" and keys that are prefixes of others included.
        let keys = [""] + (0..<3000).map { "k\($0)" } + (0..<50).map { String(repeating: "a", count: $0 + 1) }
        for (n, key) in keys.enumerated() {
            var key = key
            let (id, isNew) = key.withUTF8 { table.insert($0) }
            #expect(id == Int32(n) && isNew, "\(key)")
        }
        for (n, key) in keys.enumerated() {
            var key = key
            let (id, isNew) = key.withUTF8 { table.insert($0) }
            #expect(id == Int32(n) && !isNew, "\(key)")
        }
        #expect(table.count == keys.count)
    }

    @Test func spellingMemoSharesTermAndQuoteWordIDs() {
        let memo = SpellingMemo()
        // Printed forms differ, lowercase forms agree: one term, one quotation word.
        #expect(memo.info("Providing").term == memo.info("provided").term)
        #expect(memo.info("Providing").term >= 0)
        #expect(memo.info("the").term == -1)
        #expect(memo.info("Won't") == memo.info("won't"))
        #expect(memo.info("Won't").secondQuoteWord >= 0)
        #expect(memo.info("won").secondQuoteWord == -1)
        #expect(memo.info("Won't").secondQuoteWord == memo.info("NOT").quoteWord)
        #expect(memo.info("ÉLAN").quoteWord == memo.info("élan").quoteWord)
        #expect(memo.contentTerm("Providing") == TextTokens.contentTerm("providing"))
    }

    @Test func quotationWordsOfASpanAreThoseOfItsText() {
        let text = "Officials said “we won’t rebuild 1,000 homes,” and added \"soon\" that “it's done"
        let table = SentenceTable(articles: [Fixtures.article("Wire", text)])
        for span in QuoteExtractor.byteSpans(text) {
            let inner = String(decoding: Array(text.utf8)[span.inner], as: UTF8.self)
            #expect(table.quoteWordIDs(0, bytes: span.inner) == table.lexicon.quoteWordIDs(in: inner), "\(inner)")
            #expect(table.termIDs(0, bytes: span.inner).count
                    == Set(ReferenceTokens.tokens(inner).filter { $0.kind == .word }.map(\.lower).compactMap(TextTokens.contentTerm)).count,
                    "\(inner)")
        }
    }

    @Test func quotationWordsFromTheTableAreThoseOfTheQuotationsText() {
        // Quotes over several sentences, unclosed ones, curly apostrophes, numbers at the quote marks, in two articles.
        let articles = [
            Fixtures.article("Wire", "Intro line. “We won’t rebuild 1,000 homes. Not this year,” she said. Then \"12\" more.\n\n“Open to the end. Still open"),
            Fixtures.article("Post", "He said: “it's done, the dogs' bowls too.” Nothing else. “Ready.” “One two three four five.”"),
        ].sorted(by: Article.canonicalOrder)
        let table = SentenceTable(articles: articles)
        var first = 0, checked = 0
        for article in articles {
            for quote in QuoteExtractor.quotes(in: article, outlet: article.outlet, orderBase: 0) {
                let sentences = (first + quote.sentences.lowerBound)..<(first + quote.sentences.upperBound)
                #expect(table.quoteWordIDs(sentences: sentences, bytes: quote.bytes) == table.lexicon.quoteWordIDs(in: quote.text), "\(quote.text)")
                checked += 1
            }
            first += article.sentences.count
        }
        #expect(checked >= 4)
    }
}
