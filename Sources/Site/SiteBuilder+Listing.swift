import BriefingCore
import Ingest

/// A rebuild reads cached articles as listings (`ArticleDetail.listing`) and reads in full only
/// the ones whose text it will use: every article when it must cluster again, else the articles
/// of stories whose comparison or story page it makes.
extension SiteBuilder {
    struct Listings {
        /// Sources of the articles read as listings.
        var sources: Set<String> = []
        var store: [String: BuildCache.StoredArticle] = [:]
        /// Parses a source again, for a body the store cannot give back (a damaged section).
        var reparse: @Sendable (String) -> Article? = { _ in nil }

        func full(_ article: Article) -> Article {
            guard sources.contains(article.source) else { return article }
            var full: Article
            if let entry = store[article.source], case .article(let parsed)? = entry.outcome(.full, removedLines: false) {
                full = parsed.article
            } else if let parsed = reparse(article.source) {
                full = parsed
            } else {
                return article
            }
            full.id = article.id  // as `ContentLoader.assemble` de-duplicated it
            return full
        }

        func full(_ articles: [Article]) -> [Article] {
            sources.isEmpty ? articles : Parallel.map(articles, full)
        }

        /// The stories for which `needsFull` holds (all by default), with their articles in full.
        func full(_ stories: [Story], where needsFull: (Story) -> Bool = { _ in true }) -> [Story] {
            guard !sources.isEmpty else { return stories }
            let targets = stories.indices.filter { i in
                needsFull(stories[i]) && stories[i].articles.contains { sources.contains($0.source) }
            }
            let articles = Parallel.map(targets) { i in stories[i].articles.map(full) }
            var result = stories
            for (i, members) in zip(targets, articles) {
                result[i] = Story(id: stories[i].id, title: stories[i].title, articles: members)
            }
            return result
        }
    }
}
