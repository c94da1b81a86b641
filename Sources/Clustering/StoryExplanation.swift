import BriefingCore

/// Why a story holds the articles it holds, for `briefing explain STORY_ID`.
public struct StoryExplanation: Sendable, Hashable, Codable {
    public struct Member: Sendable, Hashable, Codable {
        public var articleID: String
        public var source: String
        public var outlet: Outlet
        /// Mean similarity (cosine, time-decayed) to the story's other articles; 1 for a lone article.
        public var meanSimilarity: Double
        /// Terms that contribute most to its similarity with the other members, strongest first.
        public var topTerms: [String]
    }

    /// The most similar article that is not in the story.
    public struct Neighbour: Sendable, Hashable, Codable {
        public var articleID: String
        public var source: String
        /// Similarity to the closest member (cosine, time-decayed).
        public var similarity: Double
        /// The story it is in instead.
        public var storyID: String
    }

    public var storyID: String
    public var title: String
    /// Members in canonical order.
    public var members: [Member]
    /// Nil when no article outside the story is within the window or shares a term.
    public var nearestOutside: Neighbour?
    /// The threshold and settings the story was built with.
    public var settings: ClusteringSettings
}

extension StoryClusterer {
    /// Explains one story of `cluster(articles)`; nil when no story has that id.
    public func explain(story id: String, in articles: [Article]) -> StoryExplanation? {
        let (model, members, stories) = run(articles)
        guard let index = stories.firstIndex(where: { $0.id == id }) else { return nil }
        let group = members[index]
        let inStory = Set(group)
        let explained = group.map { i -> StoryExplanation.Member in
            let others = group.filter { $0 != i }
            let mean = others.isEmpty ? 1 : others.reduce(0.0) { $0 + model.similarity(i, $1) } / Double(others.count)
            let article = model.articles[i]
            return .init(articleID: article.id, source: article.source, outlet: article.outlet,
                         meanSimilarity: mean, topTerms: topTerms(i, others, model: model))
        }
        var storyOf: [Int: String] = [:]
        for (s, g) in members.enumerated() { for i in g { storyOf[i] = stories[s].id } }
        var nearest: StoryExplanation.Neighbour?
        for j in 0..<model.articles.count where !inStory.contains(j) {
            let best = group.map { model.similarity($0, j) }.max() ?? 0
            // Strictly greater keeps the canonically first article on ties.
            if best > (nearest?.similarity ?? 0) {
                nearest = .init(articleID: model.articles[j].id, source: model.articles[j].source,
                                similarity: best, storyID: storyOf[j]!)
            }
        }
        return StoryExplanation(storyID: id, title: stories[index].title, members: explained,
                                nearestOutside: nearest, settings: settings)
    }

    /// The terms of article `i` with the largest summed product of weights with `others`.
    private func topTerms(_ i: Int, _ others: [Int], model: SimilarityModel, limit: Int = 8) -> [String] {
        let v = model.vectors.vectors[i]
        var contribution = [Double](repeating: 0, count: v.ids.count)
        for o in others {
            let w = model.vectors.vectors[o]
            var a = 0, b = 0
            while a < v.ids.count, b < w.ids.count {
                if v.ids[a] == w.ids[b] { contribution[a] += v.weights[a] * w.weights[b]; a += 1; b += 1 }
                else if v.ids[a] < w.ids[b] { a += 1 } else { b += 1 }
            }
        }
        return contribution.indices.filter { contribution[$0] > 0 }
            .sorted { (contribution[$0], model.vectors.vocabulary[Int(v.ids[$1])]) > (contribution[$1], model.vectors.vocabulary[Int(v.ids[$0])]) }
            .prefix(limit)
            .map { model.vectors.vocabulary[Int(v.ids[$0])].replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "#", with: "") }
    }
}
