/// Where a claim came from: an article and the index of the sentence in `Article.sentences`.
public struct ClaimSource: Sendable, Hashable, Codable {
    public var articleID: String
    public var outlet: Outlet
    public var sentence: Int

    public init(articleID: String, outlet: Outlet, sentence: Int) {
        self.articleID = articleID
        self.outlet = outlet
        self.sentence = sentence
    }
}

/// A statement as printed by one or more outlets; `text` is one representative sentence.
public struct Claim: Sendable, Hashable, Codable {
    /// Held on its own as made, or as a row of its comparison's `ClaimTable` once compacted
    /// (`StoryComparison.compacted()`): a build holds every comparison's claims at once.
    private enum Storage: Sendable {
        case own(Own)
        case table(ClaimTable, Int)
    }

    private final class Own: Sendable {
        /// The representative sentence as its article holds it: usually a range of the body,
        /// so a claim being made holds no copy of it.
        let sentence: Sentence
        let outlets: [Outlet]
        let sources: [ClaimSource]

        init(sentence: Sentence, outlets: [Outlet], sources: [ClaimSource]) {
            self.sentence = sentence
            self.outlets = outlets
            self.sources = sources
        }
    }

    private var storage: Storage

    /// A property read from wherever the claim is held.
    private func read<Value>(own: (Own) -> Value, table: (ClaimTable, Int) -> Value) -> Value {
        switch storage {
        case .own(let held): own(held)
        case .table(let held, let index): table(held, index)
        }
    }

    public var text: String {
        get { read(own: { $0.sentence.text }, table: { $0.text(of: $1) }) }
        set { self = Claim(text: newValue, outlets: outlets, sources: sources) }
    }

    /// Outlets that carry it, sorted by slug.
    public var outlets: [Outlet] {
        get { read(own: \.outlets, table: { $0.outlets(of: $1) }) }
        set { self = Claim(sentence: sentence, outlets: newValue, sources: sources) }
    }

    /// Every sentence aligned into this claim, one or more per outlet.
    public var sources: [ClaimSource] {
        get { read(own: \.sources, table: { $0.sources(of: $1) }) }
        set { self = Claim(sentence: sentence, outlets: outlets, sources: newValue) }
    }

    /// The sentence it is told by; made from the text when held in a table of codes.
    var sentence: Sentence {
        switch storage {
        case .own(let own): own.sentence
        case .table(let table, let index) where table.words == nil: table.sentences[index]
        case .table: Sentence(text: text, paragraph: 0, line: 0)
        }
    }

    public init(text: String, outlets: [Outlet], sources: [ClaimSource]) {
        self.init(sentence: Sentence(text: text, paragraph: 0, line: 0), outlets: outlets, sources: sources)
    }

    public init(sentence: Sentence, outlets: [Outlet], sources: [ClaimSource]) {
        storage = .own(Own(sentence: sentence, outlets: outlets, sources: sources))
    }

    init(table: ClaimTable, index: Int) {
        storage = .table(table, index)
    }

    /// The table it is a row of, if any.
    var table: ClaimTable? {
        if case .table(let table, _) = storage { table } else { nil }
    }

    // Equal, hashed and coded by its text, outlets and sources, however it is held.
    private enum CodingKeys: String, CodingKey { case text, outlets, sources }

    public static func == (a: Claim, b: Claim) -> Bool {
        a.text == b.text && a.outlets == b.outlets && a.sources == b.sources
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(outlets)
        hasher.combine(sources)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(text: try container.decode(String.self, forKey: .text),
                  outlets: try container.decode([Outlet].self, forKey: .outlets),
                  sources: try container.decode([ClaimSource].self, forKey: .sources))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(outlets, forKey: .outlets)
        try container.encode(sources, forKey: .sources)
    }
}

/// Claims only one outlet of the story carries.
public struct OutletOnly: Sendable, Hashable, Codable {
    public var outlet: Outlet
    public var claims: [Claim]

    public init(outlet: Outlet, claims: [Claim]) {
        self.outlet = outlet
        self.claims = claims
    }
}

/// A quotation printed by several outlets, possibly worded differently.
public struct QuoteGroup: Sendable, Hashable, Codable {
    public struct Variant: Sendable, Hashable, Codable {
        public var text: String
        public var outlets: [Outlet]
        /// Word-level diff against the first (most printed) variant; empty for that one.
        public var diff: [DiffSegment]

        public init(text: String, outlets: [Outlet], diff: [DiffSegment] = []) {
            self.text = text
            self.outlets = outlets
            self.diff = diff
        }
    }

    public var speaker: String?
    public var variants: [Variant]

    public init(speaker: String?, variants: [Variant]) {
        self.speaker = speaker
        self.variants = variants
    }
}

/// One run of a word-level diff.
public struct DiffSegment: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case same
        case deleted
        case inserted
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind, _ text: String) {
        self.kind = kind
        self.text = text
    }
}

/// Numbers, dates or counts that differ between aligned sentences of different outlets.
public struct Disagreement: Sendable, Hashable, Codable {
    public struct Value: Sendable, Hashable, Codable {
        public var value: String
        public var outlets: [Outlet]
        /// The sentence the value was read from, for context.
        public var sentence: String

        public init(value: String, outlets: [Outlet], sentence: String) {
            self.value = value
            self.outlets = outlets
            self.sentence = sentence
        }
    }

    /// What the values measure ("tons of body armor").
    public var about: String
    public var values: [Value]

    public init(about: String, values: [Value]) {
        self.about = about
        self.values = values
    }
}

/// One outlet's headline for the story.
public struct Headline: Sendable, Hashable, Codable {
    public var outlet: Outlet
    public var title: String
    public var articleID: String
    public var published: String

    public init(outlet: Outlet, title: String, articleID: String, published: String) {
        self.outlet = outlet
        self.title = title
        self.articleID = articleID
        self.published = published
    }
}

/// What the outlets of one story have in common and where they differ. Built by `Comparison`.
public struct StoryComparison: Sendable, Hashable, Codable {
    public var storyID: String
    /// Two or three sentences from the most widely shared claims.
    public var summary: [String]
    /// Claims carried by two or more outlets, most widely reported first.
    public var shared: [Claim]
    /// Per outlet (sorted by slug), what no other outlet in the story carries. Empty outlets omitted.
    public var only: [OutletOnly]
    public var quotes: [QuoteGroup]
    public var disagreements: [Disagreement]
    /// One per article, in publication order (the timeline: who reported first).
    public var headlines: [Headline]

    public init(
        storyID: String, summary: [String] = [], shared: [Claim] = [], only: [OutletOnly] = [],
        quotes: [QuoteGroup] = [], disagreements: [Disagreement] = [], headlines: [Headline] = []
    ) {
        self.storyID = storyID
        self.summary = summary
        self.shared = shared
        self.only = only
        self.quotes = quotes
        self.disagreements = disagreements
        self.headlines = headlines
    }
}
