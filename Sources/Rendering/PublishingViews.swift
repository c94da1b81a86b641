import BriefingCore

/// The root object of `archive.mustache`: every day, newest first.
struct ArchivePageView: Sendable {
    let chrome: PageChrome
    let days: [ArchiveDayView]
    let hasDays: Bool
    /// "12 briefings".
    let dayCountLabel: String
}

/// One day in the archive: `{{label}}`, `{{href}}`, its story count and top headlines.
struct ArchiveDayView: Sendable {
    let iso: String
    let label: String
    let href: String
    let isLatestDay: Bool
    let storyCount: Int
    let storyCountLabel: String
    let topStories: [ArchiveStoryView]
    /// Stories of the day not among `topStories`; nil when none.
    let moreLabel: String?
}

struct ArchiveStoryView: Sendable {
    let title: String
    let storyHref: String
    let outletCountLabel: String
}

/// The root object of `outlets.mustache`: every outlet, by name.
struct OutletsIndexView: Sendable {
    let chrome: PageChrome
    let outlets: [OutletRowView]
    let hasOutlets: Bool
    let outletCountLabel: String
}

struct OutletRowView: Sendable {
    let name: String
    let slug: String
    let href: String
    let storyCount: Int
    let storyCountLabel: String
    let articleCountLabel: String
    let latest: TimeLabel
}

/// The root object of `outlet.mustache`: one outlet's stories, newest first.
struct OutletPageView: Sendable {
    let chrome: PageChrome
    let outlet: OutletBadge
    let storyCountLabel: String
    let articleCountLabel: String
    let stories: [OutletStoryView]
    let hasStories: Bool
}

/// A story the outlet covered, with the headline(s) the outlet gave it.
struct OutletStoryView: Sendable {
    let storyTitle: String
    let storyHref: String
    let outletCountLabel: String
    let lastCovered: TimeLabel
    let headlines: [OutletHeadlineView]
}

struct OutletHeadlineView: Sendable {
    let headline: String
    /// The outlet's article on the story page.
    let articleHref: String
    let time: TimeLabel
    /// The original article, http(s) only.
    let sourceHref: String?
}

/// The root object of `not-found.mustache` (`404.html`).
struct NotFoundPageView: Sendable {
    let chrome: PageChrome
    let latestDay: DayLink?
}

extension ArchivePageView {
    init(_ input: ArchivePageInput, site: SiteView, config: SiteConfig) {
        let links = Links(root: input.rootPath, baseURL: config.baseURL)
        chrome = PageChrome(site: site, root: input.rootPath, links: links, canonicalURL: links.canonical("archive/"))
        let newestFirst = input.briefings.sorted { $0.day > $1.day }
        let latest = newestFirst.first?.day
        days = newestFirst.map { briefing in
            let stories = briefing.entries.compactMap { input.stories[$0.storyID] }
            let top = stories.prefix(max(0, input.headlinesPerDay)).map {
                ArchiveStoryView(title: $0.title, storyHref: links.story($0.id),
                                 outletCountLabel: counted($0.outlets.count, "outlet"))
            }
            let more = stories.count - top.count
            return ArchiveDayView(
                iso: DateLabel.iso(briefing.day), label: DateLabel.long(briefing.day), href: links.day(briefing.day),
                isLatestDay: briefing.day == latest, storyCount: stories.count,
                storyCountLabel: counted(stories.count, "story", "stories"), topStories: Array(top),
                moreLabel: more > 0 ? "and \(counted(more, "more story", "more stories"))" : nil)
        }
        hasDays = !days.isEmpty
        dayCountLabel = counted(days.count, "briefing")
    }
}

extension OutletsIndexView {
    init(_ input: OutletsIndexInput, site: SiteView, config: SiteConfig) {
        let links = Links(root: input.rootPath, baseURL: config.baseURL)
        chrome = PageChrome(site: site, root: input.rootPath, links: links, canonicalURL: links.canonical("outlets/"))
        outlets = input.outlets.map { coverage in
            let lastDay = coverage.latestDay
            return OutletRowView(
                name: coverage.outlet.name, slug: coverage.outlet.slug, href: links.outlet(coverage.outlet.slug),
                storyCount: coverage.stories.count,
                storyCountLabel: counted(coverage.stories.count, "story", "stories"),
                articleCountLabel: counted(coverage.articleCount, "article"),
                latest: lastDay.map { TimeLabel(day: $0) } ?? TimeLabel(published: ""))
        }
        hasOutlets = !outlets.isEmpty
        outletCountLabel = counted(outlets.count, "outlet")
    }
}

extension OutletPageView {
    init(_ input: OutletPageInput, site: SiteView, config: SiteConfig) {
        let links = Links(root: input.rootPath, baseURL: config.baseURL)
        let coverage = input.coverage
        chrome = PageChrome(site: site, root: input.rootPath, links: links,
                            canonicalURL: links.canonical(Links.outletPath(coverage.outlet.slug)))
        outlet = OutletBadge(coverage.outlet, links: links)
        storyCountLabel = counted(coverage.stories.count, "story", "stories")
        articleCountLabel = counted(coverage.articleCount, "article")
        stories = coverage.stories.map { story in
            let storyHref = links.story(story.id)
            let articles = coverage.articles(in: story)
            return OutletStoryView(
                storyTitle: story.title, storyHref: storyHref,
                outletCountLabel: counted(story.outlets.count, "outlet"),
                lastCovered: TimeLabel(day: coverage.lastDay(in: story)),
                headlines: articles.map {
                    OutletHeadlineView(
                        headline: $0.title, articleHref: storyHref + "#" + StoryPageView.anchor($0.id),
                        time: TimeLabel(published: DateLabel.moment($0)), sourceHref: Links.safeHref($0.url))
                })
        }
        hasStories = !stories.isEmpty
    }
}

extension NotFoundPageView {
    init(_ input: NotFoundPageInput, site: SiteView, config: SiteConfig) {
        let links = Links(root: input.sitePath, baseURL: config.baseURL)
        // A 404 page has no address of its own, so no canonical link.
        chrome = PageChrome(site: site, root: input.sitePath, links: links, canonicalURL: nil)
        latestDay = input.latestDay.map { DayLink($0, links: links) }
    }
}

/// "1 story", "3 stories".
func counted(_ count: Int, _ one: String, _ many: String) -> String {
    "\(count) \(count == 1 ? one : many)"
}
