/// Articles that report the same event, possibly over several days. Built by `Clustering`.
public struct Story: Sendable, Hashable, Codable, Identifiable {
    /// Stable id: it names `/stories/<id>/` for the story's whole life.
    public var id: String
    /// Headline shown for the story (from its most representative article).
    public var title: String
    /// Member articles in canonical order (day, outlet, id).
    public var articles: [Article]

    public init(id: String, title: String, articles: [Article]) {
        self.id = id
        self.title = title
        self.articles = articles.sorted(by: Article.canonicalOrder)
    }

    /// First day any outlet reported it.
    public var firstDay: Day { articles.lazy.map(\.day).min()! }
    /// Last day with new coverage.
    public var lastDay: Day { articles.lazy.map(\.day).max()! }
    /// Days with coverage, ascending.
    public var days: [Day] { Array(Set(articles.map(\.day))).sorted() }
    /// Distinct outlets, sorted by slug.
    public var outlets: [Outlet] { Array(Set(articles.map(\.outlet))).sorted() }
}
