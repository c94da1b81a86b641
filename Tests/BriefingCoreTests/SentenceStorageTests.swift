import Foundation
import Testing
@testable import BriefingCore

/// Sentences that share their article's body answer exactly as sentences with their own text.
@Suite struct SentenceStorageTests {
    func article(body: String, sentences: [String]) -> Article {
        Article(id: "a", source: "a.md", outlet: Outlet(name: "Wire"), title: "T", day: Day("2026-01-02")!,
                body: body, sentences: sentences.enumerated().map { Sentence(text: $1, paragraph: 0, line: $0 + 1) })
    }

    @Test func sentencesFoundInTheBodyShareItAndKeepTheirText() {
        let texts = ["Zürich’s café reopened on Monday after the flood.", "Officials said “the worst is over” — for now.",
                     "Zürich’s café reopened on Monday after the flood.", "Short one.", "Not in the body at all, but long."]
        let body = "**Zürich’s café** reopened.\n\nZürich’s café reopened on Monday after the flood. Officials said “the worst is over” — for now.\n\nZürich’s café reopened on Monday after the flood. Short one."
        let owned = article(body: body, sentences: texts)
        var shared = owned
        shared.shareSentenceText()
        #expect(shared.sentences.map(\.text) == texts)
        #expect(shared.sentences.map(\.isShared) == [true, true, true, false, false])
        #expect(shared.sentences == owned.sentences)
        #expect(shared == owned)
        #expect(shared.sentences.map(\.hashValue) == owned.sentences.map(\.hashValue))
        #expect(Set(shared.sentences + owned.sentences).count == texts.count)
    }

    @Test func aRepeatedSentenceIsFoundAgainBeforeTheCursor() {
        let sentence = "The council voted to close the bridge for repairs."
        var a = article(body: "Intro. " + sentence, sentences: [sentence, sentence])
        a.shareSentenceText()
        #expect(a.sentences.map(\.isShared) == [true, true])
        #expect(a.sentences.map(\.text) == [sentence, sentence])
    }

    @Test func settingTextOrPositionGivesAnOwnedSentence() {
        let sentence = "The council voted to close the bridge for repairs."
        var a = article(body: "Intro. " + sentence, sentences: [sentence])
        a.shareSentenceText()
        var s = a.sentences[0]
        s.paragraph = 3
        s.line = 9
        #expect(s.text == sentence && s.paragraph == 3 && s.line == 9 && s.isShared)
        s.text = "Changed text that is long enough."
        #expect(s == Sentence(text: "Changed text that is long enough.", paragraph: 3, line: 9))
        #expect(!s.isShared)
    }

    @Test func equalityIsCanonicalEquivalenceAsForStrings() {
        // "é" precomposed and as e + combining acute are equal Strings, so equal sentences.
        let composed = Sentence(text: "Caf\u{E9} owners protested on the square.", paragraph: 0, line: 1)
        let decomposed = Sentence(text: "Cafe\u{301} owners protested on the square.", paragraph: 0, line: 1)
        #expect(composed == decomposed)
        #expect(composed.hashValue == decomposed.hashValue)
    }

    @Test func codesAsTextParagraphAndLine() throws {
        let sentence = "The council voted to close the bridge for repairs."
        var a = article(body: "Intro. " + sentence, sentences: [sentence])
        a.shareSentenceText()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(a.sentences[0]), as: UTF8.self)
        #expect(json == #"{"line":1,"paragraph":0,"text":"The council voted to close the bridge for repairs."}"#)
        #expect(try JSONDecoder().decode(Sentence.self, from: Data(json.utf8)) == a.sentences[0])
    }

    @Test func rangesInTheBodyRebuildTheSharedSentences() throws {
        let texts = ["Zürich’s café reopened on Monday after the flood.", "Short one.", "Not in the body at all, but long."]
        var a = article(body: "Intro. Zürich’s café reopened on Monday after the flood. Short one.", sentences: texts)
        a.shareSentenceText()
        let ranges = a.sentenceRangesInBody()
        #expect(ranges == [7..<60, nil, nil])
        let range = try #require(ranges[0])
        let rebuilt = try #require(Sentence(sharing: a.body, utf8: range, paragraph: 0, line: 1))
        #expect(rebuilt == a.sentences[0] && rebuilt.isShared && rebuilt.text == texts[0])
        // The same text held apart from the body is no view of it.
        var copied = a
        copied.body = String(decoding: Array(a.body.utf8), as: UTF8.self)
        #expect(copied.sentenceRangesInBody() == [nil, nil, nil])
    }

    @Test func aRangeOutsideTheBodyOrInsideAScalarIsRefused() {
        let body = "Zürich’s café reopened on Monday after the flood."
        #expect(Sentence(sharing: body, utf8: 0..<body.utf8.count, paragraph: 0, line: 1) != nil)
        #expect(Sentence(sharing: body, utf8: 0..<(body.utf8.count + 1), paragraph: 0, line: 1) == nil)
        #expect(Sentence(sharing: body, utf8: 0..<2, paragraph: 0, line: 1) == nil)  // inside "ü"
        #expect(Sentence(sharing: body, utf8: 2..<10, paragraph: 0, line: 1) == nil)
        #expect(Sentence(sharing: body, utf8: 3..<10, paragraph: 0, line: 1)?.text == "rich’")
    }

    @Test func searchFindsOnlyWholeMatchesInsideTheBounds() {
        #expect(Article.utf8Range(of: "abc", in: "xxabcab", from: 0) == 2..<5)
        #expect(Article.utf8Range(of: "abc", in: "xxabcab", from: 3) == nil)
        #expect(Article.utf8Range(of: "abc", in: "xxabcab", from: 7) == nil)
        #expect(Article.utf8Range(of: "abcabd", in: "abcabcabd", from: 0) == 3..<9)
        #expect(Article.utf8Range(of: "long needle", in: "short", from: 0) == nil)
        #expect(Article.utf8Range(of: "", in: "abc", from: 0) == nil)
    }
}
