import BriefingCore
import Foundation
import Ingest
import Testing
@testable import Site

/// Articles saved to the store and read back one at a time from its files (`DetailStore` keeps
/// each shard's file open, not its bytes), and a full build's own articles turned into listings
/// as each shard is saved.
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

    @Test func sentencesReadBackAsViewsOfTheBodyWhereTheyWereSaved() throws {
        try Self.withCache { cache in
            var file = Self.parsed(7)
            file.article.sentences.append(Sentence(text: "A sentence the cleaner rewrote, not in the body.", paragraph: 1, line: 9))
            cache.saveArticles([file.article.source: .init(digest: .zero, outcome: .article(file))], previous: [:], fingerprint: .zero)
            guard case .article(let read)? = cache.loadArticles(fingerprint: .zero)[file.article.source]?.outcome(.full) else {
                Issue.record("the article did not read back")
                return
            }
            #expect(read == file)
            let ranges = read.article.sentenceRangesInBody()
            #expect(ranges.map { $0 != nil } == Array(repeating: true, count: 6) + [false])
            #expect(ranges == file.article.sentenceRangesInBody())
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

    @Test func aSavedShardGivesListingsThatReadBackInFull() throws {
        try Self.withCache { cache in
            let files = (0..<5).map(Self.parsed)
            var store: [String: BuildCache.StoredArticle] = [:]
            for file in files { store[file.article.source] = .init(digest: ContentDigest(file.article.source), outcome: .article(file)) }
            let shard = BuildCache.shard(of: files[0].article.source)
            let inShard = store.filter { BuildCache.shard(of: $0.key) == shard }
            let saver = BuildCache.ArticleShardSaver(cache: cache, previous: [:], fingerprint: .zero)
            let saved = try #require(saver.save(shard, inShard))
            #expect(Set(saved.keys) == Set(inShard.keys))
            let listings = SiteBuilder.Listings(sources: Set(saved.keys), bodies: saved.compactMapValues(\.storedBody))
            for file in files where saved[file.article.source] != nil {
                guard case .article(let listed)? = saved[file.article.source]?.outcome(.listing) else {
                    Issue.record("listing did not decode")
                    continue
                }
                #expect(listed.article == BuildCache.listing(of: file.article))
                #expect(listed.article.body.isEmpty)
                var deduplicated = listed.article
                deduplicated.id += "-2"  // as `ContentLoader.assemble` may rename it
                var expected = file.article
                expected.id = deduplicated.id
                #expect(listings.full(deduplicated) == expected)
            }
            // The same shard again, against a store that holds it: nothing to write; one entry fewer is written.
            let again = BuildCache.ArticleShardSaver(cache: cache, previous: saved, fingerprint: .zero)
            #expect(again.save(shard, inShard) == nil)
            #expect(again.save(shard, inShard.filter { $0.key != files[0].article.source })?.count == inShard.count - 1)
        }
    }
}
