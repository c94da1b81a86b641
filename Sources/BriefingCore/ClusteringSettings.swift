/// Tunables of story clustering; `briefing.yml` sets them under `clustering:`.
/// The defaults are the one configuration evaluated in `StoryClusterer`'s documentation.
public struct ClusteringSettings: Sendable, Hashable, Codable {
    /// Minimum average similarity (after time decay) for two groups of articles to be one story.
    public var threshold: Double
    /// Articles further apart than this many days are never in one story.
    public var windowDays: Int
    /// How much a headline word counts compared with a body word.
    public var titleWeight: Double
    /// Extra factor for entity-like words: capitalised names, numbers, places.
    public var entityWeight: Double
    /// Similarity is multiplied by `1 / (1 + days apart × timeDecay)`; 0 turns decay off.
    public var timeDecay: Double
    /// IDF is raised to this power: above 1 favours rare terms (names, figures) even more.
    public var idfPower: Double
    /// Two groups of two or more articles merge only if their mean cross similarity reaches this
    /// share of the less cohesive group's mean inner similarity; 0 turns the rule off.
    public var cohesionRatio: Double
    /// Terms in more than this fraction of articles are not used to find candidates.
    public var maxCandidateDocumentFraction: Double
    /// ...unless they occur in at most this many articles (keeps small inputs exact).
    public var minCandidateDocumentCount: Int

    public init(
        threshold: Double = 0.06, windowDays: Int = 4, titleWeight: Double = 2,
        entityWeight: Double = 1.5, timeDecay: Double = 1.0, idfPower: Double = 1.5,
        cohesionRatio: Double = 0.7,
        maxCandidateDocumentFraction: Double = 0.05, minCandidateDocumentCount: Int = 50
    ) {
        self.threshold = threshold
        self.windowDays = windowDays
        self.titleWeight = titleWeight
        self.entityWeight = entityWeight
        self.timeDecay = timeDecay
        self.idfPower = idfPower
        self.cohesionRatio = cohesionRatio
        self.maxCandidateDocumentFraction = maxCandidateDocumentFraction
        self.minCandidateDocumentCount = minCandidateDocumentCount
    }

    public static let `default` = ClusteringSettings()
}

extension ClusteringSettings {
    private enum CodingKeys: String, CodingKey {
        case threshold, windowDays, titleWeight, entityWeight, timeDecay, idfPower, cohesionRatio
        case maxCandidateDocumentFraction, minCandidateDocumentCount
    }

    /// Every key is optional in `briefing.yml`; a missing one keeps its default.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = ClusteringSettings.default
        self.init(
            threshold: try c.decodeIfPresent(Double.self, forKey: .threshold) ?? d.threshold,
            windowDays: try c.decodeIfPresent(Int.self, forKey: .windowDays) ?? d.windowDays,
            titleWeight: try c.decodeIfPresent(Double.self, forKey: .titleWeight) ?? d.titleWeight,
            entityWeight: try c.decodeIfPresent(Double.self, forKey: .entityWeight) ?? d.entityWeight,
            timeDecay: try c.decodeIfPresent(Double.self, forKey: .timeDecay) ?? d.timeDecay,
            idfPower: try c.decodeIfPresent(Double.self, forKey: .idfPower) ?? d.idfPower,
            cohesionRatio: try c.decodeIfPresent(Double.self, forKey: .cohesionRatio) ?? d.cohesionRatio,
            maxCandidateDocumentFraction: try c.decodeIfPresent(Double.self, forKey: .maxCandidateDocumentFraction)
                ?? d.maxCandidateDocumentFraction,
            minCandidateDocumentCount: try c.decodeIfPresent(Int.self, forKey: .minCandidateDocumentCount)
                ?? d.minCandidateDocumentCount
        )
    }
}
