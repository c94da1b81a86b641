import BriefingCore

/// Where each kind of page lives in the output folder. Ids and days are already path-safe;
/// `OutputPlan` checks every path again before anything is written.
public enum SitePaths {
    public static let index = "index.html"
    public static let storiesJSON = "stories.json"

    /// Pretty URL path of a story, relative to the site root.
    public static func story(_ id: String) -> String { "stories/\(id)/" }
    public static func storyFile(_ id: String) -> String { "stories/\(id)/index.html" }
    public static func dayFile(_ day: Day) -> String { "\(day)/index.html" }
    public static let archiveFile = "archive/index.html"
    public static let outletsFile = "outlets/index.html"
    public static func outletFile(_ slug: String) -> String { "outlets/\(slug)/index.html" }
    public static let notFoundFile = "404.html"
    public static let atomFeed = "feed.xml"
    public static let jsonFeed = "feed.json"
    public static let sitemap = "sitemap.xml"
    public static let robots = "robots.txt"
}
