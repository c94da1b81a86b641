import BriefingCore
import Clustering

/// The last build's stories as the clusterer made them, with the signature of every article it
/// read (`StoryClusterer.signature`). When this build's articles have the same signatures, the
/// stories are taken from here and no term is read or compared: clustering is a function of the
/// signatures alone (and of the settings, which the fingerprint covers).
struct StoredClusters: Sendable, Equatable {
    struct Input: Sendable, Equatable {
        var id: String
        var content: ContentDigest
        var signature: ContentDigest
    }

    struct Group: Sendable, Equatable {
        var id: String
        var title: String
        var articleIDs: [String]
    }

    /// By source path.
    var inputs: [String: Input] = [:]
    /// In the clusterer's order.
    var stories: [Group] = []

    /// The digest of what the clusterer reads of `article` (`StoryClusterer.signature`).
    static func signature(of article: Article, terms: ArticleTerms) -> ContentDigest {
        ContentDigest(StoryClusterer.signatureBytes(of: article, terms: terms))
    }

    /// True when `inputs` are the same sources with the same signatures: the stories hold.
    func holds(for inputs: [String: Input]) -> Bool {
        inputs.count == self.inputs.count && inputs.allSatisfy { self.inputs[$0.key]?.signature == $0.value.signature }
    }

    /// Today's inputs when they are the stored ones but for `changed` (the records of articles
    /// whose id or content differ, new ones included), made without rebuilding every record; nil
    /// when a stored source is gone. Every other article must have its stored record. `holds` is
    /// what `holds(for:)` says of them.
    func inputs(changing changed: [String: Input], articleCount: Int) -> (inputs: [String: Input], holds: Bool)? {
        var inputs = self.inputs
        for (source, input) in changed { inputs[source] = input }
        // Every article's source is a key now, and sources are distinct: equal counts, equal sets.
        guard inputs.count == articleCount else { return nil }
        return (inputs, changed.allSatisfy { self.inputs[$0.key]?.signature == $0.value.signature })
    }

    /// The stored stories over today's articles, or nil when an id is missing (never the case
    /// when the keys match, but a damaged store must not lose an article).
    func stories(from articles: [Article]) -> [Story]? {
        // Positions, not copies: an article is copied once, into its story.
        let position = Dictionary(articles.indices.map { (articles[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
        var stories: [Story] = []
        stories.reserveCapacity(self.stories.count)
        var used = 0
        for group in self.stories {
            var members: [Article] = []
            members.reserveCapacity(group.articleIDs.count)
            for id in group.articleIDs {
                guard let i = position[id] else { return nil }
                members.append(articles[i])
            }
            used += members.count
            stories.append(Story(id: group.id, title: group.title, articles: members))
        }
        return used == articles.count ? stories : nil
    }

    init() {}

    init(stories: [Story], inputs: [String: Input]) {
        self.inputs = inputs
        self.stories = stories.map { Group(id: $0.id, title: $0.title, articleIDs: $0.articles.map(\.id)) }
    }

    func encode(into w: inout BinaryWriter) {
        w.array(inputs.sorted { $0.key < $1.key }) { w, pair in
            w.string(pair.key)
            w.string(pair.value.id)
            w.digest(pair.value.content)
            w.digest(pair.value.signature)
        }
        w.array(stories) { w, group in
            w.string(group.id)
            w.string(group.title)
            w.array(group.articleIDs) { w, id in w.string(id) }
        }
    }

    init(from r: inout BinaryReader) throws(BinaryReader.CacheCorrupt) {
        let pairs = try r.array { (r: inout BinaryReader) throws(BinaryReader.CacheCorrupt) in
            (try r.string(), Input(id: try r.string(), content: try r.digest(), signature: try r.digest()))
        }
        inputs = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
        stories = try r.array { (r: inout BinaryReader) throws(BinaryReader.CacheCorrupt) in
            Group(id: try r.string(), title: try r.string(),
                  articleIDs: try r.array { (r: inout BinaryReader) throws(BinaryReader.CacheCorrupt) in try r.string() })
        }
    }
}
