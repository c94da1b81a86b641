/// Tunables of story clustering; `briefing.yml` sets them under `clustering:`.
public struct ClusteringSettings: Sendable, Hashable, Codable {
    /// Minimum similarity for two articles to be in one story.
    public var threshold: Double
    /// Articles further apart than this many days are never in one story.
    public var windowDays: Int

    public init(threshold: Double = 0.3, windowDays: Int = 4) {
        self.threshold = threshold
        self.windowDays = windowDays
    }

    public static let `default` = ClusteringSettings()
}
