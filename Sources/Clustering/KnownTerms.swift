import BriefingCore

/// Terms a build with a cache already has, so the clusterer need not read those articles again:
/// `contains` says which articles have some without decoding them, `terms` decodes one article's
/// when the clusterer takes them in. Decoding them all up front held every article's terms as
/// strings at once: 900 MB at 100k articles, and a rebuild that clustered again peaked at 1.4 GB
/// against a full build's 0.85 GB.
public struct KnownTerms: Sendable {
    let contains: @Sendable (Article) -> Bool
    let terms: @Sendable (Article) -> ArticleTerms?

    /// `terms` may return nil for an article `contains` vouched for (a damaged store): that one is
    /// counted instead.
    public init(contains: @escaping @Sendable (Article) -> Bool, terms: @escaping @Sendable (Article) -> ArticleTerms?) {
        self.contains = contains
        self.terms = terms
    }

    /// Terms held already, by article id.
    public init(_ byID: [String: ArticleTerms]) {
        self.init(contains: { byID[$0.id] != nil }, terms: { byID[$0.id] })
    }

    public static let none = KnownTerms([:])
}
