import Testing
@testable import Comparison

@Suite struct LexiconTests {
    static let words = ["twelve", "a", "million", "dozen", "june", "the", "providing", "aid", "1,000", "$", "|",
                        "russia's", "don't", "weaponry", "s", "", "élan", "twenty"]

    @Test func factsMatchTheWordTables() {
        let lexicon = Lexicon()
        for word in Self.words {
            let id = lexicon.id(word)
            #expect(lexicon.id(word) == id)
            #expect(lexicon.infos[id].facts.contentTerm == TextTokens.contentTerm(word), "\(word)")
            #expect(lexicon.infos[id].facts.numberValue == NumberWords.value(of: word), "\(word)")
            #expect(lexicon.infos[id].facts.scale == NumberWords.scales[word], "\(word)")
            #expect(lexicon.infos[id].facts.isStopWord == TextTokens.stopWords.contains(word), "\(word)")
            #expect(lexicon.infos[id].facts.isMonth == NumberWords.months.contains(word), "\(word)")
            #expect(lexicon.infos[id].opensNumber
                    == (NumberWords.value(of: word) != nil || NumberWords.scales[word] != nil || ["a", "an"].contains(word)), "\(word)")
        }
        #expect(lexicon.count == Set(Self.words).count)
    }

    @Test func spellingMemoRemembersNonTermsToo() {
        let memo = SpellingMemo()
        for _ in 0..<2 {
            for word in Self.words { #expect(memo.contentTerm(word) == TextTokens.contentTerm(word), "\(word)") }
        }
    }

    @Test func spellingMemoIsSafeAcrossThreads() async {
        let memo = SpellingMemo()
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { Self.words.allSatisfy { memo.contentTerm($0) == TextTokens.contentTerm($0) } }
            }
            for await ok in group { #expect(ok) }
        }
    }

    @Test func sharedMemoGivesTheSameTable() {
        let memo = SpellingMemo()
        let articles = DamStory.story.articles
        let fresh = SentenceTable(articles: articles)
        _ = SentenceTable(articles: articles, spellings: memo)
        let warm = SentenceTable(articles: articles, spellings: memo)
        #expect(warm.terms == fresh.terms)
        #expect(warm.weights == fresh.weights)
        #expect(warm.comparableQuantities == fresh.comparableQuantities)
    }
}
