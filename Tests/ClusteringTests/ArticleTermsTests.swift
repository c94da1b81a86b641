import Testing
@testable import Clustering

/// Terms re-keyed onto a shared vocabulary answer exactly as the entries they were made from.
@Suite struct ArticleTermsTests {
    let entries = [
        ArticleTerms.Entry(term: "quak", count: 3, boost: 2.25),
        ArticleTerms.Entry(term: "#2026", count: 1, boost: 1.5),
        ArticleTerms.Entry(term: "lima_peru", count: 2, boost: 1),
    ]

    @Test func keyedTermsKeepTheirEntriesInOrder() {
        let own = ArticleTerms(entries: entries)
        let vocabulary = ["#2026", "aftershock", "lima_peru", "quak"]
        let ids = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, Int32($0)) })
        let keyed = own.keyed(to: vocabulary, ids: ids)
        #expect(keyed.entries == entries)
        #expect(keyed.ids == [3, 0, 2])
        #expect(keyed == own)
        // Keyed again onto another vocabulary (terms from a previous build's cache).
        let other = ["lima_peru", "quak", "#2026"]
        let again = keyed.keyed(to: other, ids: Dictionary(uniqueKeysWithValues: other.enumerated().map { ($1, Int32($0)) }))
        #expect(again.entries == entries && again.ids == [1, 2, 0])
    }

    @Test func equalityComparesTermsCountsAndBoosts() {
        let own = ArticleTerms(entries: entries)
        var changed = entries
        changed[1].boost = 1
        #expect(own != ArticleTerms(entries: changed))
        #expect(own != ArticleTerms(entries: Array(entries.dropLast())))
        var renamed = own
        renamed.entries[0].term = "quake"
        #expect(renamed.entries.map(\.term) == ["quake", "#2026", "lima_peru"])
        #expect(ArticleTerms(entries: []) == ArticleTerms(entries: []))
    }
}

/// The signature reads terms in term order whatever their representation.
@Suite struct SignatureTests {
    @Test func signatureIsTheSameForEveryRepresentationOfTheTerms() throws {
        let clusterer = StoryClusterer()
        let articles = Fixtures.quakes + Fixtures.bridge
        let (_, keyed) = clusterer.cluster(articles, knownTerms: .none)
        for article in articles {
            let own = clusterer.terms(of: article)
            let entries = ArticleTerms(entries: own.entries)
            let sorted = try #require(keyed[article.id])
            #expect(own == entries && sorted == entries)
            let expected = StoryClusterer.signature(of: article, terms: entries)
            #expect(StoryClusterer.signature(of: article, terms: own) == expected)
            #expect(StoryClusterer.signature(of: article, terms: sorted) == expected)
            let bytes = StoryClusterer.signatureBytes(of: article, terms: entries)
            #expect(StoryClusterer.signatureBytes(of: article, terms: own) == bytes)
            #expect(StoryClusterer.signatureBytes(of: article, terms: sorted) == bytes)
            #expect(expected.split(separator: "\n").count == 6 + own.count)
        }
    }
}
