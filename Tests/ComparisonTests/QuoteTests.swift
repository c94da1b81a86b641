import BriefingCore
import Testing
@testable import Comparison

@Suite struct QuoteExtractionTests {
    func quotes(_ text: String) -> [ExtractedQuote] {
        let a = Fixtures.article("Wire", text)
        return QuoteExtractor.quotes(in: a, outlet: a.outlet, orderBase: 0)
    }

    @Test func speakerAfterQuote() {
        let q = quotes("“The bridge will reopen before the end of the month,” Okafor said.")
        #expect(q.map(\.text) == ["The bridge will reopen before the end of the month"])
        #expect(q.first?.speaker == "Okafor")
    }

    @Test func pronounResolvesToLastNamedSpeaker() {
        let q = quotes("""
        “The bridge will reopen before the end of the month,” Okafor said.

        “We have ordered new steel cables from two suppliers,” he told reporters.
        """)
        #expect(q.map(\.speaker) == ["Okafor", "Okafor"])
    }

    @Test func pronounWithoutNamedSpeakerStaysNil() {
        let q = quotes("“We have ordered new steel cables from two suppliers,” he told reporters.")
        #expect(q.count == 1)
        #expect(q.first?.speaker == nil)
    }

    @Test func speakerBeforeQuoteWithColon() {
        let q = quotes("Okafor said: “Nobody crosses the bridge until the inspectors sign off.”")
        #expect(q.first?.speaker == "Okafor")
        #expect(q.first?.text == "Nobody crosses the bridge until the inspectors sign off.")
    }

    @Test func saidThenName() {
        let q = quotes("“We oppose any restriction on normal trade between companies,” said Liu Pengyu.")
        #expect(q.first?.speaker == "Liu Pengyu")
    }

    @Test func titleBeforeName() {
        let q = quotes("“We oppose any restriction on normal trade between companies,” spokesperson Liu Pengyu said in a statement.")
        #expect(q.first?.speaker == "Liu Pengyu")
        let r = quotes("“The cables arrived this morning from the port,” Transport Minister Ada Okafor said on Monday.")
        #expect(r.first?.speaker == "Ada Okafor")
        let g = quotes("“We have not seen any transfer of weapons so far,” Pentagon spokesman Brig. Gen. Pat Ryder said.")
        #expect(g.first?.speaker == "Pat Ryder")
    }

    @Test func quoteSpanningSentencesOfOneParagraph() {
        let q = quotes("“The cables are ready. The steel is ready. Only the paperwork is late,” Okafor said.")
        #expect(q.count == 1)
        #expect(q.first?.text == "The cables are ready. The steel is ready. Only the paperwork is late")
        #expect(q.first?.speaker == "Okafor")
    }

    @Test func straightQuotes() {
        let q = quotes("\"The cables arrived this morning from the port,\" Okafor said.")
        #expect(q.first?.text == "The cables arrived this morning from the port")
        #expect(q.first?.speaker == "Okafor")
    }

    @Test func scareQuotesAreNotQuotes() {
        let q = quotes("The ministry asked inspectors to be “vigilant in policing” the contractors.")
        #expect(q.isEmpty)
    }
}

@Suite struct QuoteGroupingTests {
    static let alpha = Fixtures.article("Alpha", """
    “The bridge will reopen before the end of the month, and tolls will stay the same,” Okafor said.
    """)
    static let beta = Fixtures.article("Beta", """
    “The bridge will reopen before the end of the month, and tolls will stay the same,” said Ada Okafor.
    """)
    static let gamma = Fixtures.article("Gamma", """
    “The bridge will reopen by the end of the month and tolls will stay the same,” she said.
    """)
    static let delta = Fixtures.article("Delta", """
    “We never comment on rumours about the budget of the transport agency,” a spokesman said.
    """)
    static var alphaBetaGamma: [Article] { [alpha, beta, gamma] }
    let comparison = StoryComparator().compare(Fixtures.story([alpha, beta, gamma, delta]))

    @Test func sameQuoteGroupedWithVariantsAndDiff() throws {
        #expect(comparison.quotes.count == 1, "a quote printed by a single outlet is left out")
        let group = try #require(comparison.quotes.first)
        #expect(group.speaker == "Ada Okafor", "the surname alone is the same speaker as the full name")
        #expect(group.variants.count == 2)
        let first = group.variants[0], second = group.variants[1]
        #expect(first.outlets.map(\.slug) == ["alpha", "beta"], "the most printed wording comes first")
        #expect(first.diff.isEmpty)
        #expect(second.outlets.map(\.slug) == ["gamma"])
        #expect(second.diff == [
            DiffSegment(.same, "The bridge will reopen"),
            DiffSegment(.deleted, "before"),
            DiffSegment(.inserted, "by"),
            DiffSegment(.same, "the end of the month and tolls will stay the same"),
        ])
    }

    @Test func subSpanQuoteJoinsTheGroup() {
        let short = Fixtures.article("Epsilon", """
        Okafor said the bridge “will reopen before the end of the month, and tolls will stay the same.”
        """)
        let c = StoryComparator().compare(Fixtures.story([Self.alpha, Self.beta, short]))
        #expect(c.quotes.count == 1)
        #expect(c.quotes.first.map { Set($0.variants.flatMap(\.outlets).map(\.slug)) } == ["alpha", "beta", "epsilon"])
    }

    @Test func surnameMergesIntoTheStorysOneFullName() {
        let names = StoryComparator.fullSpeakerNames(["Blinken", "Antony Blinken", "Blinken", "Biden", "Joe Biden", "Jill Biden", "Ryder"])
        #expect(names == ["Blinken": "Antony Blinken"], "two full names ending in Biden leave Biden alone; Ryder has none")
    }

    @Test func surnameSpeakerAcrossOutletsIsOneSpeaker() {
        let a = Fixtures.article("Alpha", "“The harbor will stay open through the whole winter season,” Okafor said.")
        let b = Fixtures.article("Beta", "“The harbor will stay open through the winter season,” said Transport Minister Ada Okafor.")
        let c = Fixtures.article("Gamma", "“The harbor will stay open through the whole winter season,” Okafor told reporters.")
        let comparison = StoryComparator().compare(Fixtures.story([a, b, c]))
        #expect(comparison.quotes.map(\.speaker) == ["Ada Okafor"])
    }

    @Test func contractionsCountAsTheSameWords() {
        let full = Fixtures.article("Alpha", "“We will not reopen the ferry until every engine has been inspected,” Ruiz said.")
        let short = Fixtures.article("Beta", "“We won’t reopen the ferry until every single engine is inspected,” Ruiz said.")
        let c = StoryComparator().compare(Fixtures.story([full, short]))
        #expect(c.quotes.count == 1)
        #expect(c.quotes.first?.variants.count == 2)
        #expect(StoryComparator.quoteWords("We won’t go, they're sure") == ["we", "will", "not", "go", "they", "are", "sure"])
    }
}

@Suite struct WordDiffTests {
    @Test func diffsFromOneTextAreEachDiff() {
        let first = "“We won’t rebuild, not now,” the minister said"
        let others = ["\"We won't rebuild, not now\" the minister said", "we will not rebuild now", "", first, "  spaced   out  "]
        #expect(WordDiff.diffs(from: first, to: others) == others.map { WordDiff.diff(first, $0) })
        #expect(WordDiff.diffs(from: first, to: []).isEmpty)
    }

    @Test func replacement() {
        #expect(WordDiff.diff("a b c", "a x c") == [
            DiffSegment(.same, "a"), DiffSegment(.deleted, "b"), DiffSegment(.inserted, "x"), DiffSegment(.same, "c"),
        ])
    }

    @Test func identicalAndEmpty() {
        #expect(WordDiff.diff("same words here", "same  words here") == [DiffSegment(.same, "same words here")])
        #expect(WordDiff.diff("", "new text") == [DiffSegment(.inserted, "new text")])
        #expect(WordDiff.diff("old text", "") == [DiffSegment(.deleted, "old text")])
        #expect(WordDiff.diff("", "").isEmpty)
    }

    @Test func edgePunctuationIsNotAChange() {
        #expect(WordDiff.diff("in some cases dual use, in some cases", "in some cases dual use and some cases") == [
            DiffSegment(.same, "in some cases dual use"),
            DiffSegment(.deleted, "in"),
            DiffSegment(.inserted, "and"),
            DiffSegment(.same, "some cases"),
        ])
    }

    @Test func curlyAndStraightApostrophesMatch() {
        #expect(WordDiff.diff("it’s a concern", "it's a concern").allSatisfy { $0.kind == .same })
    }

    @Test func insertionAtEnd() {
        #expect(WordDiff.diff("we are ready", "we are ready today") == [
            DiffSegment(.same, "we are ready"), DiffSegment(.inserted, "today"),
        ])
    }
}
