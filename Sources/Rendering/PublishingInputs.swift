import BriefingCore

/// Everything the daily archive (`archive/index.html`) shows.
public struct ArchivePageInput: Sendable {
    /// Every briefing, in any order; the page lists them newest first.
    public var briefings: [Briefing]
    /// Every story the briefings name, by id.
    public var stories: [String: Story]
    /// Relative prefix to the site root: "../" for `/archive/index.html`.
    public var rootPath: String
    /// How many of each day's top stories are listed under it.
    public var headlinesPerDay: Int

    public init(briefings: [Briefing], stories: [String: Story], rootPath: String = "../", headlinesPerDay: Int = 3) {
        self.briefings = briefings
        self.stories = stories
        self.rootPath = rootPath
        self.headlinesPerDay = headlinesPerDay
    }
}

/// One outlet and the stories it covered: what `outlets/<slug>/index.html` shows.
public struct OutletCoverage: Sendable, Hashable {
    /// The outlet as shown: its slug is the group's key, its name the most used spelling.
    public var outlet: Outlet
    /// Stories with at least one article from the outlet, newest coverage first.
    public private(set) var stories: [Story]
    /// By story id, the last day the outlet reported on it, and the outlet's article count:
    /// found once, not per page that shows them (filtering articles copied each one).
    private var lastDays: [String: Day]
    public private(set) var articleCount: Int
    /// The last day the outlet reported on any of its stories.
    public private(set) var latestDay: Day?

    public init(outlet: Outlet, stories: [Story]) {
        var lastDays: [String: Day] = [:]
        var articleCount = 0
        for story in stories {
            for article in story.articles where article.outlet.slug == outlet.slug {
                lastDays[story.id] = max(lastDays[story.id] ?? article.day, article.day)
                articleCount += 1
            }
        }
        self.init(outlet: outlet, stories: stories, lastDays: lastDays, articleCount: articleCount)
    }

    private init(outlet: Outlet, stories: [Story], lastDays: [String: Day], articleCount: Int) {
        self.outlet = outlet
        self.stories = stories
        self.lastDays = lastDays
        self.articleCount = articleCount
        latestDay = stories.map { lastDays[$0.id] ?? $0.lastDay }.max()
    }

    /// The same coverage with newer values of some of its stories, by id: stories that kept
    /// their ids, days and outlets (the articles' text may differ), so nothing else moves.
    public func updating(_ newer: [String: Story]) -> OutletCoverage {
        var updated = self
        updated.stories = stories.map { newer[$0.id] ?? $0 }
        return updated
    }

    /// The outlet's articles in `story` (matched by slug), canonical order.
    public func articles(in story: Story) -> [Article] {
        story.articles.filter { $0.outlet.slug == outlet.slug }
    }

    /// Groups stories by outlet slug. Outlets are equal when their slugs are (see `Outlet`), so
    /// "The Hill" and "the hill" are one outlet shown under its most used name (ties: the smallest
    /// name), and two names can never claim one `outlets/<slug>/` page. Sorted by name, then slug.
    public static func group(_ stories: [Story]) -> [OutletCoverage] {
        var names: [String: [String: Int]] = [:]
        // Each story with the last day the outlet reported on it (`lastDay(in:)`), found in the
        // one pass over its articles: filtering them per outlet copied every article.
        var storiesBySlug: [String: [(story: Story, lastDay: Day)]] = [:]
        var articleCounts: [String: Int] = [:]
        for story in stories {
            var lastDays: [String: Day] = [:]
            for article in story.articles {
                names[article.outlet.slug, default: [:]][article.outlet.name, default: 0] += 1
                lastDays[article.outlet.slug] = max(lastDays[article.outlet.slug] ?? article.day, article.day)
                articleCounts[article.outlet.slug, default: 0] += 1
            }
            for (slug, lastDay) in lastDays { storiesBySlug[slug, default: []].append((story, lastDay)) }
        }
        let groups = storiesBySlug.map { slug, covered -> OutletCoverage in
            let name = names[slug]!.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.first!.key
            var outlet = Outlet(name: name)
            outlet.slug = slug
            // Story ids are unique, so the order is total.
            let newestFirst = covered.sorted { a, b in
                a.lastDay != b.lastDay ? a.lastDay > b.lastDay : a.story.id < b.story.id
            }
            return OutletCoverage(
                outlet: outlet, stories: newestFirst.map(\.story),
                lastDays: Dictionary(uniqueKeysWithValues: covered.map { ($0.story.id, $0.lastDay) }),
                articleCount: articleCounts[slug] ?? 0)
        }
        return groups.sorted { sortKey($0) < sortKey($1) }
    }

    private static func sortKey(_ coverage: OutletCoverage) -> (String, String, String) {
        (coverage.outlet.name.lowercased(), coverage.outlet.name, coverage.outlet.slug)
    }


    /// The last day the outlet reported on `story`.
    public func lastDay(in story: Story) -> Day {
        lastDays[story.id] ?? story.lastDay
    }
}

/// Everything the outlets index (`outlets/index.html`) shows.
public struct OutletsIndexInput: Sendable {
    public var outlets: [OutletCoverage]
    /// "../" for `/outlets/index.html`.
    public var rootPath: String

    public init(outlets: [OutletCoverage], rootPath: String = "../") {
        self.outlets = outlets
        self.rootPath = rootPath
    }
}

/// Everything one outlet's page shows.
public struct OutletPageInput: Sendable {
    public var coverage: OutletCoverage
    /// "../../" for `/outlets/<slug>/index.html`.
    public var rootPath: String

    public init(coverage: OutletCoverage, rootPath: String = "../../") {
        self.coverage = coverage
        self.rootPath = rootPath
    }
}

/// Everything `404.html` shows. A server sends it for any missing path, at any depth, so its
/// links are root-absolute (`/` or `/briefing/`), never relative.
public struct NotFoundPageInput: Sendable {
    public var latestDay: Day?
    /// The site's path on its host, starting and ending with "/".
    public var sitePath: String

    public init(latestDay: Day?, sitePath: String) {
        self.latestDay = latestDay
        self.sitePath = sitePath
    }
}
