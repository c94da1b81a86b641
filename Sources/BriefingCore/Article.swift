/// One article from one outlet, after ingest and cleaning. Every later stage reads only this.
public struct Article: Sendable, Hashable, Codable, Identifiable {
    /// The article's values, held in one shared box: every stage copies articles (arrays,
    /// stories, closures), and a copy of fourteen counted fields cost fourteen retains and releases.
    struct Fields: Hashable, Codable {
        var id: String
        var source: String
        var outlet: Outlet
        var title: String
        var titleIsDerived: Bool
        var url: String?
        var day: Day
        var publishedTime: String?
        var author: String?
        var byline: String?
        var dateline: String?
        var body: String
        var sentences: [Sentence]
        var extra: [String: String]
    }

    /// Written only while uniquely referenced (`unique()`), so sharing it across threads is safe.
    final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    /// The box, copied first when another article shares it: articles keep value semantics.
    private mutating func unique() -> Box {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
        return box
    }

    /// Stable id derived from the source path (slugified, without extension); unique in a build.
    public var id: String { get { box.fields.id } _modify { yield &unique().fields.id } }
    /// Path relative to the content folder, with `/` separators ("2023-06-19/reuters-003.md").
    public var source: String { get { box.fields.source } _modify { yield &unique().fields.source } }
    public var outlet: Outlet { get { box.fields.outlet } _modify { yield &unique().fields.outlet } }
    public var title: String { get { box.fields.title } _modify { yield &unique().fields.title } }
    /// True when `title` was derived from the body because the file had none.
    public var titleIsDerived: Bool { get { box.fields.titleIsDerived } _modify { yield &unique().fields.titleIsDerived } }
    /// The article's original address, only when it is an `http(s)` URL.
    public var url: String? { get { box.fields.url } _modify { yield &unique().fields.url } }
    /// The briefing day the article belongs to.
    public var day: Day { get { box.fields.day } _modify { yield &unique().fields.day } }
    /// `published` as written when it carried a time ("2023-06-19T08:30:00Z"), else nil.
    public var publishedTime: String? { get { box.fields.publishedTime } _modify { yield &unique().fields.publishedTime } }
    public var author: String? { get { box.fields.author } _modify { yield &unique().fields.author } }
    /// Byline and dateline found in the body ("By Humeyra Pamuk", "BEIJING (Reuters)"): metadata, not claims.
    public var byline: String? { get { box.fields.byline } _modify { yield &unique().fields.byline } }
    public var dateline: String? { get { box.fields.dateline } _modify { yield &unique().fields.dateline } }
    /// Cleaned body as Markdown (boilerplate removed), ready for cmark.
    public var body: String { get { box.fields.body } _modify { yield &unique().fields.body } }
    /// Cleaned body segmented into sentences; bylines, datelines and credits are not in here.
    public var sentences: [Sentence] { get { box.fields.sentences } _modify { yield &unique().fields.sentences } }
    /// Front matter keys Briefing does not know, as strings, for templates.
    public var extra: [String: String] { get { box.fields.extra } _modify { yield &unique().fields.extra } }

    public init(
        id: String, source: String, outlet: Outlet, title: String, titleIsDerived: Bool = false,
        url: String? = nil, day: Day, publishedTime: String? = nil, author: String? = nil,
        byline: String? = nil, dateline: String? = nil, body: String, sentences: [Sentence],
        extra: [String: String] = [:]
    ) {
        box = Box(Fields(
            id: id, source: source, outlet: outlet, title: title, titleIsDerived: titleIsDerived,
            url: url, day: day, publishedTime: publishedTime, author: author, byline: byline,
            dateline: dateline, body: body, sentences: sentences, extra: extra))
    }

    public static func == (a: Article, b: Article) -> Bool { a.box === b.box || a.box.fields == b.box.fields }
    public func hash(into hasher: inout Hasher) { hasher.combine(box.fields) }
    // The same keys as the fields themselves.
    public init(from decoder: any Decoder) throws { box = Box(try Fields(from: decoder)) }
    public func encode(to encoder: any Encoder) throws { try box.fields.encode(to: encoder) }

    /// `published` for output: the time when given, else the day.
    public var published: String { publishedTime ?? day.description }

    /// The deterministic order every stage uses: day, outlet, id.
    public static func canonicalOrder(_ a: Article, _ b: Article) -> Bool {
        (a.day, a.outlet.slug, a.id) < (b.day, b.outlet.slug, b.id)
    }
}
