import Foundation
import Testing
@testable import BriefingCore

/// A compacted comparison (claims in one `ClaimTable`) answers exactly as the claims it was made of.
@Suite struct ClaimTableTests {
    let bay = Outlet(name: "Bay Daily"), wire = Outlet(name: "North Wire"), post = Outlet(name: "Zürich Post")

    func comparison() -> StoryComparison {
        let article = Article(
            id: "a1", source: "a1.md", outlet: bay, title: "T", day: Day("2026-01-02")!,
            body: "Zürich’s café reopened on Monday after the flood. Officials said “the worst is over”.",
            sentences: [Sentence(text: "Zürich’s café reopened on Monday after the flood.", paragraph: 0, line: 3),
                        Sentence(text: "Officials said “the worst is over”.", paragraph: 0, line: 3)])
        var shared = article
        shared.shareSentenceText()
        let s1 = ClaimSource(articleID: "a1", outlet: bay, sentence: 0)
        let s2 = ClaimSource(articleID: "a2", outlet: wire, sentence: 4)
        // The same id under another outlet: kept apart.
        let s3 = ClaimSource(articleID: "a1", outlet: post, sentence: 1)
        return StoryComparison(
            storyID: "s", summary: ["Zürich’s café reopened."],
            shared: [Claim(sentence: shared.sentences[0], outlets: [bay, wire], sources: [s1, s2]),
                     Claim(text: "", outlets: [bay, wire, post], sources: [s1, s2, s3]),
                     Claim(text: "No sources at all.", outlets: [bay, wire], sources: [])],
            only: [OutletOnly(outlet: bay, claims: [Claim(sentence: shared.sentences[1], outlets: [bay], sources: [s1])]),
                   OutletOnly(outlet: post, claims: []),
                   OutletOnly(outlet: wire, claims: [Claim(text: "Short.", outlets: [wire], sources: [s2]),
                                                     Claim(text: "Wire only, told at length.", outlets: [wire], sources: [s2])])],
            quotes: [QuoteGroup(speaker: "Mayor", variants: [
                QuoteGroup.Variant(text: "the worst is over", outlets: [bay, wire]),
                QuoteGroup.Variant(text: "the worst is now over", outlets: [post],
                                   diff: [DiffSegment(.same, "the worst is"), DiffSegment(.inserted, "now"), DiffSegment(.same, "over")])])],
            headlines: [Headline(outlet: bay, title: "T", articleID: "a1", published: "2026-01-02")])
    }

    @Test func compactedClaimsAnswerAsTheClaimsTheyWereMadeOf() {
        let original = comparison()
        let compacted = original.compacted()
        #expect(compacted == original)
        #expect(compacted.hashValue == original.hashValue)
        for (a, b) in zip(compacted.shared + compacted.only.flatMap(\.claims), original.shared + original.only.flatMap(\.claims)) {
            #expect(a.text == b.text)
            #expect(a.outlets == b.outlets)
            #expect(a.sources == b.sources)
        }
        #expect(compacted.only.map(\.claims.count) == [1, 0, 2])
        // Compacting again changes nothing.
        #expect(compacted.compacted() == original)
    }

    @Test func claimsKeepingTheirSentencesAnswerAsTheClaimsTheyWereMadeOf() {
        let original = comparison()
        let compacted = original.compacted(words: nil)
        #expect(compacted == original)
        #expect(compacted.hashValue == original.hashValue)
        let claims = compacted.shared + compacted.only.flatMap(\.claims)
        for (a, b) in zip(claims, original.shared + original.only.flatMap(\.claims)) {
            #expect(a.text == b.text)
            #expect(a.outlets == b.outlets)
            #expect(a.sources == b.sources)
        }
        // Still ranges of the body: no text was copied or coded.
        #expect(claims[0].sentence.isShared)
        #expect(claims.allSatisfy { $0.table != nil && $0.table?.words == nil && $0.table?.codes.isEmpty == true })
        #expect(compacted.compacted(words: nil) == original)
    }

    @Test func comparisonsShareTheirWordsAndCompactOnce() {
        let words = ClaimWords()
        let first = comparison().compacted(words: words)
        let count = words.count
        var other = comparison()
        other.storyID = "t"
        #expect(other.compacted(words: words) == other)
        #expect(words.count == count)
        // Compacted already: the same table, not a copy.
        let again = first.compacted()
        #expect(again == first)
        #expect(again.shared[0].table === first.shared[0].table)
    }

    @Test func trimmedKeepsTheElementsWithoutSpareCapacity() {
        var grown: [Int] = []
        for k in 0..<33 { grown.append(k) }
        let trimmed = grown.trimmed()
        #expect(trimmed == grown)
        #expect(trimmed.capacity < grown.capacity)
        #expect([Int]().trimmed().isEmpty)
    }

    @Test func claimsWithTheSameOutletsShareOneList() {
        let compacted = comparison().compacted()
        let first = compacted.shared[0].outlets, third = compacted.shared[2].outlets
        #expect(first == third)
        first.withUnsafeBufferPointer { a in third.withUnsafeBufferPointer { b in #expect(a.baseAddress == b.baseAddress) } }
    }

    @Test func settingAFieldOfACompactedClaimChangesOnlyThatField() {
        var claim = comparison().compacted().shared[0]
        let sources = claim.sources
        claim.outlets = [post]
        #expect(claim.outlets == [post])
        #expect(claim.text == "Zürich’s café reopened on Monday after the flood.")
        #expect(claim.sources == sources)
        claim.text = "Changed."
        #expect(claim.text == "Changed.")
        #expect(claim.outlets == [post])
    }

    @Test func aSentenceIndexTooLargeForTheTableLeavesTheComparisonAsItWas() {
        var original = comparison()
        original.shared.append(Claim(text: "Far.", outlets: [bay], sources: [ClaimSource(articleID: "a1", outlet: bay, sentence: 1 << 33)]))
        let compacted = original.compacted()
        #expect(compacted == original)
        #expect(compacted.shared.last?.sources.first?.sentence == 1 << 33)
    }

    @Test func codingIsUnchangedByCompacting() throws {
        let original = comparison()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        #expect(try encoder.encode(original.compacted()) == encoder.encode(original))
        #expect(try JSONDecoder().decode(StoryComparison.self, from: encoder.encode(original.compacted())) == original)
    }

    @Test func sourcesOfManyArticlesComeBackAsGiven() {
        // More articles than are searched in turn, ids repeated under other outlets before and after that many.
        let outlets = [bay, wire, post]
        let sources = (0..<60).map { k in
            ClaimSource(articleID: "a\(k % 25)", outlet: outlets[(k / 25 + k) % 3], sentence: k)
        }
        let claims = stride(from: 0, to: sources.count, by: 7).map { k in
            Claim(text: "Claim \(k).", outlets: [bay, wire], sources: Array(sources[k..<min(k + 9, sources.count)]))
        }
        let original = StoryComparison(storyID: "s", summary: [], shared: claims, headlines: [])
        let compacted = original.compacted()
        #expect(compacted == original)
        for (a, b) in zip(compacted.shared, claims) { #expect(a.sources == b.sources) }
    }

    @Test func claimTextsComeBackByteForByte() {
        // Spaces at the ends and doubled, other whitespace, non-ASCII, and enough words for ids of two and three bytes.
        let many = (0..<20_000).map { "w\($0)" }.joined(separator: " ")
        let texts = ["", " ", "  ", "a", " a", "a ", "a  b", "a\tb\nc", "Zürich’s café", "e\u{301}lan  e\u{301}lan",
                     "the the the", many, "w19999 w0 w128 w16384", "\u{1F1FA}\u{1F1F8} flags"]
        let words = ClaimWords()
        expectRoundTrip(texts, words)
        // Each distinct word is held once.
        #expect(words.count == Set(texts.flatMap { $0.split(separator: " ", omittingEmptySubsequences: false).map(String.init) }).count)
    }

    /// Frozen once comparing is done, the table is read on all cores without its lock: the same texts.
    @Test func frozenWordsDecodeTheSameTextsOnEveryCore() {
        let words = ClaimWords()
        let texts = (0..<2_000).map { i in (0..<(i % 9)).map { "w\(($0 * 7919 + i) % 3_000)" }.joined(separator: " ") }
        let codes = texts.map { text in
            var codes: [UInt8] = []
            #expect(words.encode(text, into: &codes))
            return codes
        }
        words.freeze()
        let decoded = Parallel.map(Array(0..<(texts.count * 8))) { i in words.decode(codes[i % texts.count][...]) }
        #expect(decoded == (0..<8).flatMap { _ in texts })
    }
}

/// Encodes each text with `words`, expects each to decode to the same bytes, and returns the codes.
@discardableResult
func expectRoundTrip(_ texts: [String], _ words: ClaimWords, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [[UInt8]] {
    let codes = texts.map { text in
        var codes: [UInt8] = []
        #expect(words.encode(text, into: &codes), sourceLocation: sourceLocation)
        return codes
    }
    for (text, codes) in zip(texts, codes) {
        #expect(Array(words.decode(codes[...]).utf8) == Array(text.utf8), sourceLocation: sourceLocation)
    }
    return codes
}
