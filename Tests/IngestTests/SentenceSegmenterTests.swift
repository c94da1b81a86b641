import BriefingCore
import Foundation
import Testing
@testable import Ingest

@Suite struct SentenceSegmenterTests {
    let segmenter = SentenceSegmenter()

    func texts(_ text: String) -> [String] { segmenter.segment(text).map(\.text) }

    @Test(arguments: [
        "The U.S. Secretary of State arrived on Monday.",
        "Brig. Gen. Pat Rowe spoke to Sen. Dana Moss and Mr. Li.",
        "Gov. Ann Lee Jr. and Dr. Omar Said met at 10 a.m. Monday on St. Mark Street.",
        "The bill, No. 5, passed on Jan. 3 by a vote of 3.5 to 1.",
        "Senator Christopher J. Dodd did not run.",
        "Gull Inc. and Harbor Corp. signed the deal.",
        "“We appreciate that,” he said.",
        "\"We appreciate that,\" he said.",
        "He paused... and then left.",
    ])
    func staysOneSentence(text: String) {
        #expect(texts(text) == [text])
    }

    /// Long plain words before a period are decided by their units alone; these must split as the word test does.
    @Test func longWordsBeforeAPeriod() {
        #expect(texts("The vote was postponed until Wednesday. Lawmakers left.")
            == ["The vote was postponed until Wednesday.", "Lawmakers left."])
        #expect(texts("The code read 20260115. 5 more followed.") == ["The code read 20260115. 5 more followed."])
        #expect(texts("The code read 20260115. Five more followed.") == ["The code read 20260115.", "Five more followed."])
        #expect(texts("It rose in Massachusetts. 12 towns voted.") == ["It rose in Massachusetts.", "12 towns voted."])
        #expect(texts("He thanked the approx. Crowd.") == ["He thanked the approx. Crowd."])
        #expect(texts("It was “Wednesday”. Then rain.") == ["It was “Wednesday”.", "Then rain."])
        #expect(texts("Café-goers stayed. Then rain.") == ["Café-goers stayed.", "Then rain."])
    }

    @Test func splitsAtRealBoundaries() {
        #expect(texts("Ferries run again. Buses wait! Why now? Nobody knows.")
            == ["Ferries run again.", "Buses wait!", "Why now?", "Nobody knows."])
        #expect(texts("He said it was over in the U.S. The talks ended.")
            == ["He said it was over in the U.S.", "The talks ended."])
        #expect(texts("The mayor agreed. “It is done,” she said.")
            == ["The mayor agreed.", "“It is done,” she said."])
        #expect(texts("“It is done.” She left at 5 p.m. They stayed.")
            == ["“It is done.”", "She left at 5 p.m.", "They stayed."])
        #expect(texts("He waited… Then the ferry came.") == ["He waited…", "Then the ferry came."])
    }

    @Test func quotationOfSeveralSentencesStaysWhole() {
        #expect(texts("The coach praised her side. \"We had a hard week. I'm glad we won,\" Rowe said. Fans cheered.")
            == ["The coach praised her side.", "\"We had a hard week. I'm glad we won,\" Rowe said.", "Fans cheered."])
        #expect(texts("Rowe said: “The cables are ready. The steel is late.” The bridge stays shut.")
            == ["Rowe said: “The cables are ready. The steel is late.”", "The bridge stays shut."])
    }

    @Test func unclosedQuotationStillSplits() {
        // A quotation continued in the next paragraph has no closing mark in this one.
        #expect(texts("“The cables are ready. The steel is late. We wait.")
            == ["“The cables are ready.", "The steel is late.", "We wait."])
    }

    @Test func linesAndParagraphs() {
        let sentences = segmenter.segment("First one. Second\none spans lines.\n\nThird.", firstLine: 10)
        #expect(sentences == [
            Sentence(text: "First one.", paragraph: 0, line: 10),
            Sentence(text: "Second one spans lines.", paragraph: 0, line: 10),
            Sentence(text: "Third.", paragraph: 1, line: 13),
        ])
    }

    @Test func markdownIsStripped() {
        #expect(texts("# Harbor news\n\n> **Bold** claim with [a link](https://x.example) and `code`.\n\n1. First item.")
            == ["Harbor news", "Bold claim with a link and code.", "First item."])
    }

    @Test func datelineAndBylineAreMetadata() throws {
        let text = Fixtures.markdown(
            "title: Harbor deal\noutlet: Gull Wire\npublished: 2023-06-19",
            "By Jane Roe\n\nPORTSMOUTH (Gull Wire) -The harbor deal was signed. It takes effect soon.\n\nWASHINGTON — Not a dateline here."
        )
        let article = try Fixtures.parse(text).article
        #expect(article.byline == "By Jane Roe")
        #expect(article.dateline == "PORTSMOUTH (Gull Wire)")
        #expect(article.sentences.first?.text == "The harbor deal was signed.")
        #expect(article.sentences.first?.line == 8)
        #expect(!article.body.contains("By Jane Roe"))
        #expect(article.body.contains("PORTSMOUTH (Gull Wire) -The harbor deal"))
        #expect(LeadExtractor.dateline(in: "WASHINGTON — The vote failed.")?.dateline == "WASHINGTON")
        #expect(LeadExtractor.dateline(in: "NEW YORK, June 19 (Reuters) - Stocks fell.")?.dateline == "NEW YORK, June 19 (Reuters)")
        #expect(LeadExtractor.dateline(in: "U.S.-China talks resumed.") == nil)
    }

    @Test func wireCreditIsNotAClaim() throws {
        let text = Fixtures.markdown("title: T\noutlet: Gull\npublished: 2023-06-19",
                                     "The deal was signed.\n\n(Reporting by Jane Roe; editing by John Doe)")
        let article = try Fixtures.parse(text).article
        #expect(article.sentences.map(\.text) == ["The deal was signed."])
    }
}

@Suite struct TokenisedTextTests {
    // Some corpora were tokenised: "a 3. 0 quake", "3 p. m.", "with a. 357 Magnum".
    @Test(arguments: ["A 3. 0 quake struck at 3 p. m. (1200 GMT) on Sunday.", "He bought a. 357 Magnum for $1. 3 million."])
    func brokenNumbersDoNotSplit(text: String) {
        #expect(SentenceSegmenter().segment(text).map(\.text) == [text])
    }
}

@Suite struct QuotationSpanTests {
    /// The ranges are those a flag per Character marks (`Reference`).
    @Test(arguments: [
        "", "no quotes here.", "“One. Two.” he said. “Three", "a \"b. C\" d \"e", "(\"x.\" Y) “” \"\"", "“a “b” c”", "x\"y. Z\" w",
        "She said: \"Go. Now.\" Then — \"Stop.\" They left.",
    ])
    func rangesMatchTheFlags(text: String) {
        let characters = Array(text)
        let units = characters.map(SentenceSegmenter.Unit.init)
        var flags = [Bool](repeating: false, count: characters.count + 1)
        for range in SentenceSegmenter.closedQuotations(units) { for k in range { flags[k] = true } }
        #expect(flags == Reference.insideClosedQuotes(characters), "\(text)")
    }
}
