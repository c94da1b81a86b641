/// One article from one outlet, after ingest and cleaning. Every later stage reads only this.
public struct Article: Sendable, Hashable, Codable, Identifiable {
    /// Stable id derived from the source path (slugified, without extension); unique in a build.
    public var id: String
    /// Path relative to the content folder, with `/` separators ("2023-06-19/reuters-003.md").
    public var source: String
    public var outlet: Outlet
    public var title: String
    /// True when `title` was derived from the body because the file had none.
    public var titleIsDerived: Bool
    /// The article's original address, only when it is an `http(s)` URL.
    public var url: String?
    /// The briefing day the article belongs to.
    public var day: Day
    /// `published` as written when it carried a time ("2023-06-19T08:30:00Z"), else nil.
    public var publishedTime: String?
    public var author: String?
    /// Byline and dateline found in the body ("By Humeyra Pamuk", "BEIJING (Reuters)"): metadata, not claims.
    public var byline: String?
    public var dateline: String?
    /// Cleaned body as Markdown (boilerplate removed), ready for cmark.
    public var body: String
    /// Cleaned body segmented into sentences; bylines, datelines and credits are not in here.
    public var sentences: [Sentence]
    /// Front matter keys Briefing does not know, as strings, for templates.
    public var extra: [String: String]

    public init(
        id: String, source: String, outlet: Outlet, title: String, titleIsDerived: Bool = false,
        url: String? = nil, day: Day, publishedTime: String? = nil, author: String? = nil,
        byline: String? = nil, dateline: String? = nil, body: String, sentences: [Sentence],
        extra: [String: String] = [:]
    ) {
        self.id = id
        self.source = source
        self.outlet = outlet
        self.title = title
        self.titleIsDerived = titleIsDerived
        self.url = url
        self.day = day
        self.publishedTime = publishedTime
        self.author = author
        self.byline = byline
        self.dateline = dateline
        self.body = body
        self.sentences = sentences
        self.extra = extra
    }

    /// `published` for output: the time when given, else the day.
    public var published: String { publishedTime ?? day.description }

    /// The deterministic order every stage uses: day, outlet, id.
    public static func canonicalOrder(_ a: Article, _ b: Article) -> Bool {
        (a.day, a.outlet.slug, a.id) < (b.day, b.outlet.slug, b.id)
    }
}
