import BriefingCore
import Foundation
import Ingest
import Testing
@testable import Site

/// Articles saved to the store and read back one at a time from its files (`DetailStore` keeps
/// each shard's file open, not its bytes), and a full build's own articles turned into listings.
@Suite struct ArticleStoreReadBackTests {
    static func parsed(_ n: Int) -> ContentLoader.ParsedFile {
        var article = ArticleStoreTests.article
        article.id = "a\(n)"
        article.source = "2026-04-01/a\(n).md"
        article.body = (0..<6).map { "Sentence number \($0) of article \(n) is long enough." }.joined(separator: " ")
        article.sentences = (0..<6).map { Sentence(text: "Sentence number \($0) of article \(n) is long enough.", paragraph: 0, line: 5) }
        article.shareSentenceText()
        return ContentLoader.ParsedFile(article: article, removed: [], warnings: [])
    }

    static func withCache(_ body: (BuildCache) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("readback-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try body(BuildCache(outputDirectory: root.appendingPathComponent("out")))
    }

    @Test func savedArticlesReadBackInFullOneByOne() throws {
        try Self.withCache { cache in
            let files = (0..<40).map(Self.parsed)
            var store: [String: BuildCache.StoredArticle] = [:]
            for file in files { store[file.article.source] = .init(digest: ContentDigest(file.article.source), outcome: .article(file)) }
            cache.saveArticles(store, previous: [:], fingerprint: .zero)
            let loaded = cache.loadArticles(fingerprint: .zero)
            #expect(loaded.count == files.count)
            // Read twice, in reverse: entries are read where they lie, whatever the order.
            for _ in 0..<2 {
                for file in files.reversed() {
                    #expect(loaded[file.article.source]?.outcome(.full) == .article(file))
                }
            }
        }
    }

    @Test func aDamagedBodySectionReadsAsNoBody() throws {
        try Self.withCache { cache in
            let file = Self.parsed(1)
            cache.saveArticles([file.article.source: .init(digest: .zero, outcome: .article(file))], previous: [:], fingerprint: .zero)
            let shard = cache.directory + "/articles-\(BuildCache.shard(of: file.article.source))"
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: shard)))
            bytes[bytes.count - 40] ^= 0xFF  // inside section 1 (the body), before its digest
            try Data(bytes).write(to: URL(fileURLWithPath: shard))
            let loaded = cache.loadArticles(fingerprint: .zero)
            #expect(loaded[file.article.source]?.outcome(.listing) != nil)
            #expect(loaded[file.article.source]?.outcome(.full) == nil)
        }
    }

    @Test func listedArticlesAreTheStoredListingsAndReadBackInFull() throws {
        try Self.withCache { cache in
            let files = (0..<5).map(Self.parsed)
            var store: [String: BuildCache.StoredArticle] = [:]
            for file in files { store[file.article.source] = .init(digest: .zero, outcome: .article(file)) }
            cache.saveArticles(store, previous: [:], fingerprint: .zero)
            let saved = cache.loadArticles(fingerprint: .zero)
            // The last one did not save: it stays whole.
            var partial = saved
            partial[files[4].article.source] = nil
            var listings = SiteBuilder.Listings(sources: [], store: store)
            var articles = files.map(\.article)
            articles[2].id = "a2-2"  // as de-duplicated by `ContentLoader.assemble`
            listings.list(&articles, saved: partial)
            for (i, file) in files.enumerated() {
                var expected = file.article
                expected.id = articles[i].id
                if i == 4 {
                    #expect(articles[i] == expected)
                    continue
                }
                guard case .article(var listed)? = saved[file.article.source]?.outcome(.listing) else {
                    Issue.record("listing did not decode")
                    continue
                }
                listed.article.id = articles[i].id
                #expect(articles[i] == listed.article)
                #expect(articles[i].body.isEmpty)
                #expect(listings.full(articles[i]) == expected)
            }
        }
    }
}

/// A comparison whose claims share their article's body equals the one holding its own text.
@Suite struct ComparisonOwnTextTests {
    @Test func claimsHoldingOwnTextAreEqual() {
        var article = ArticleStoreReadBackTests.parsed(0).article
        article.shareSentenceText()
        let bay = Outlet(name: "Bay Daily"), wire = Outlet(name: "North Wire")
        let source = ClaimSource(articleID: article.id, outlet: bay, sentence: 1)
        let shared = Claim(sentence: article.sentences[1], outlets: [bay, wire], sources: [source])
        let only = Claim(sentence: article.sentences[2], outlets: [bay], sources: [source])
        let comparison = StoryComparison(
            storyID: "s", summary: [article.sentences[1].text], shared: [shared], only: [OutletOnly(outlet: bay, claims: [only])],
            headlines: [Headline(outlet: bay, title: article.title, articleID: article.id, published: article.published)])
        let owned = comparison.holdingOwnText()
        #expect(owned == comparison)
        #expect(owned.shared[0].text == article.sentences[1].text)
        #expect(owned.only[0].claims[0].text == article.sentences[2].text)
    }
}
