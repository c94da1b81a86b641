import BriefingCore
import Ingest

/// A rebuild reads cached articles as listings (`ArticleDetail.listing`) and reads in full only
/// the ones whose text it will use, one at a time: every article when it must cluster again, the
/// articles of stories whose comparison or story page it makes. A full build with a cache reads
/// its own articles back the same way once their shard is saved (`IncrementalIngest.load`).
extension SiteBuilder {
    struct Listings {
        /// Sources of the articles read as listings.
        var sources: Set<String> = []
        /// Their bodies in the store (not the stored listings: those are the articles held).
        var bodies: [String: BuildCache.Detail] = [:]
        /// Parses a source again, for a body the store cannot give back (a damaged section).
        var reparse: @Sendable (String) -> Article? = { _ in nil }

        func full(_ article: Article) -> Article {
            guard sources.contains(article.source) else { return article }
            var full = article
            if let text = bodies[article.source]?.articleText() {
                full.body = text.body
                full.sentences = text.sentences
            } else if let parsed = reparse(article.source) {
                full = parsed
            } else {
                return article
            }
            full.id = article.id  // as `ContentLoader.assemble` de-duplicated it
            return full
        }

        /// No article is a listing: every one is held whole (a small full build, or no cache).
        var holdsEveryArticle: Bool { sources.isEmpty }

        func full(_ articles: [Article]) -> [Article] {
            holdsEveryArticle ? articles : Parallel.map(articles, full)
        }

        /// The story with its articles in full.
        func full(_ story: Story) -> Story {
            guard story.articles.contains(where: { sources.contains($0.source) }) else { return story }
            return Story(id: story.id, title: story.title, articles: story.articles.map(full))
        }

    }
}
