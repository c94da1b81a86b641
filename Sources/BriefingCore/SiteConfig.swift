/// The site's configuration, read from `briefing.yml`. Every key is optional.
public struct SiteConfig: Sendable, Hashable, Codable {
    public var title: String
    /// Absolute base URL for canonical links and feeds ("https://briefing.example.org/").
    public var baseURL: String
    public var description: String
    /// BCP 47 language of the site, for `<html lang>`.
    public var language: String
    /// Boilerplate rules added to the default list.
    public var boilerplate: [BoilerplateRule]
    public var clustering: ClusteringSettings
    /// Front matter keys and anything else a template may read, as given.
    public var params: [String: String]
    /// How many stories `feed.xml` and `feed.json` carry, newest first (`feed_size`).
    public var feedSize: Int

    public init(
        title: String = "Briefing", baseURL: String = "/", description: String = "",
        language: String = "en", boilerplate: [BoilerplateRule] = [],
        clustering: ClusteringSettings = .default, params: [String: String] = [:],
        feedSize: Int = SiteConfig.defaultFeedSize
    ) {
        self.title = title
        self.baseURL = baseURL
        self.description = description
        self.language = language
        self.boilerplate = boilerplate
        self.clustering = clustering
        self.params = params
        self.feedSize = feedSize
    }

    public static let defaultFeedSize = 50
}
