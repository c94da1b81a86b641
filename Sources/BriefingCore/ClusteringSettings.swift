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
    /// The time decay used inside the cohesion rule (like `timeDecay`). 0, the default, compares
    /// plain cosines: next-day coverage is already down-weighted once, by `timeDecay`.
    public var cohesionDecay: Double
    /// How much a word in the lead (the first `leadSentences` sentences) counts compared with a
    /// later body word: the lead names the who, where and when that tell events apart.
    public var leadWeight: Double
    public var leadSentences: Int
    /// Only the headline and the first this many sentences are read (0: all): the facts that
    /// identify an event come first, and long tails cost time without telling stories apart.
    public var maxSentences: Int
    /// Terms in more than this fraction of articles are not used to find candidates.
    public var maxCandidateDocumentFraction: Double
    /// ...unless they occur in at most this many articles (keeps small inputs exact).
    public var minCandidateDocumentCount: Int

    public init(
        threshold: Double = 0.06, windowDays: Int = 4, titleWeight: Double = 2,
        entityWeight: Double = 1.5, timeDecay: Double = 1.0, idfPower: Double = 1.5,
        cohesionRatio: Double = 0.7, cohesionDecay: Double = 0, leadWeight: Double = 1.5, leadSentences: Int = 2,
        maxSentences: Int = 25,
        maxCandidateDocumentFraction: Double = 0.05, minCandidateDocumentCount: Int = 50
    ) {
        self.threshold = threshold
        self.windowDays = windowDays
        self.titleWeight = titleWeight
        self.entityWeight = entityWeight
        self.timeDecay = timeDecay
        self.idfPower = idfPower
        self.cohesionRatio = cohesionRatio
        self.cohesionDecay = cohesionDecay
        self.leadWeight = leadWeight
        self.leadSentences = leadSentences
        self.maxSentences = maxSentences
        self.maxCandidateDocumentFraction = maxCandidateDocumentFraction
        self.minCandidateDocumentCount = minCandidateDocumentCount
    }

    public static let `default` = ClusteringSettings()
}

extension ClusteringSettings {
    private enum CodingKeys: String, CodingKey {
        case threshold, windowDays, titleWeight, entityWeight, timeDecay, idfPower, cohesionRatio
        case cohesionDecay, leadWeight, leadSentences, maxSentences
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
            cohesionDecay: try c.decodeIfPresent(Double.self, forKey: .cohesionDecay) ?? d.cohesionDecay,
            leadWeight: try c.decodeIfPresent(Double.self, forKey: .leadWeight) ?? d.leadWeight,
            leadSentences: try c.decodeIfPresent(Int.self, forKey: .leadSentences) ?? d.leadSentences,
            maxSentences: try c.decodeIfPresent(Int.self, forKey: .maxSentences) ?? d.maxSentences,
            maxCandidateDocumentFraction: try c.decodeIfPresent(Double.self, forKey: .maxCandidateDocumentFraction)
                ?? d.maxCandidateDocumentFraction,
            minCandidateDocumentCount: try c.decodeIfPresent(Int.self, forKey: .minCandidateDocumentCount)
                ?? d.minCandidateDocumentCount
        )
    }
}

extension ClusteringSettings {
    /// The `briefing.yml` names of the settings, snake_case (camelCase is accepted too).
    public static let keys = [
        "threshold", "window_days", "title_weight", "entity_weight", "time_decay", "idf_power",
        "cohesion_ratio", "cohesion_decay", "lead_weight", "lead_sentences", "max_sentences",
        "max_candidate_document_fraction", "min_candidate_document_count",
    ]

    /// Sets the setting named `key` (snake_case or camelCase); false when no setting has that
    /// name or a whole-number setting gets a fraction or a negative number.
    public mutating func set(_ key: String, to value: Double) -> Bool {
        let name = key.replacingOccurrences(of: "_", with: "").lowercased()
        let whole = value >= 0 && value == value.rounded() && value < 1e9 ? Int(value) : nil
        switch name {
        case "threshold": threshold = value
        case "titleweight": titleWeight = value
        case "entityweight": entityWeight = value
        case "timedecay": timeDecay = value
        case "idfpower": idfPower = value
        case "cohesionratio": cohesionRatio = value
        case "cohesiondecay": cohesionDecay = value
        case "leadweight": leadWeight = value
        case "maxcandidatedocumentfraction": maxCandidateDocumentFraction = value
        case "windowdays": guard let whole else { return false }; windowDays = whole
        case "leadsentences": guard let whole else { return false }; leadSentences = whole
        case "maxsentences": guard let whole else { return false }; maxSentences = whole
        case "mincandidatedocumentcount": guard let whole else { return false }; minCandidateDocumentCount = whole
        default: return false
        }
        return true
    }
}
