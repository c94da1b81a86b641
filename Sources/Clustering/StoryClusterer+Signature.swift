import BriefingCore

/// What `cluster` reads of each article, so a build with a cache can tell that the stories of
/// the last build still hold: edits below an article's first `maxSentences` sentences (a late
/// correction, an added paragraph) leave its terms and so every story as it was.
extension StoryClusterer {
    /// One article's terms, exactly as `cluster` counts them.
    public func terms(of article: Article) -> ArticleTerms {
        var extractor = TermExtractor()
        return ArticleTerms(TermVectors.weightedCounts(article, extractor: &extractor, settings: settings))
    }

    /// Everything `cluster` reads of one article given its terms: ordering keys (day, outlet
    /// slug, id), the headline for ids and story titles, the source for id collisions, and the
    /// terms sorted (their stored order carries no meaning). Equal signatures for the same set of
    /// articles, under the same settings, give the same stories.
    public static func signature(of article: Article, terms: ArticleTerms) -> String {
        var text = "\(article.id)\n\(article.source)\n\(article.day)\n\(article.outlet.slug)\n"
        text += "\(article.titleIsDerived)\n\(article.title)\n"
        for entry in terms.entries.sorted(by: { $0.term < $1.term }) {
            text += "\(entry.term) \(entry.count.bitPattern) \(entry.boost.bitPattern)\n"
        }
        return text
    }
}
