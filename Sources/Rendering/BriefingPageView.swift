import BriefingCore

/// The root object of `briefing.mustache`: one day's stories, in the briefing's rank order.
/// Stories several outlets cover are in `stories`; single-source ones in `singles`.
struct BriefingPageView: Sendable {
    let chrome: PageChrome

    /// "2023-06-19" and "Monday 19 June 2023".
    let dayISO: String
    let dayLabel: String
    let isLatest: Bool
    let previousDay: DayLink?
    let nextDay: DayLink?
    let hasDayNav: Bool

    let stories: [StoryCard]
    let hasStories: Bool
    let singles: [StoryCard]
    let hasSingles: Bool
    /// True when the day has no stories at all.
    let isEmpty: Bool
    /// The days around this one, newest first (`BriefingPageInput.nearbyDays`).
    let archive: [DayLink]
    let hasArchive: Bool
}

/// One story in a day's list.
struct StoryCard: Sendable {
    let id: String
    let title: String
    let href: String
    /// 1-based position in the day's ranking.
    let rank: Int
    let outlets: [OutletBadge]
    let outletCount: Int
    let outletCountLabel: String
    let outletNames: String
    let isSingleSource: Bool
    /// The story began on an earlier day; `coverage` lists this day's new reports.
    let isUpdate: Bool
    let began: TimeLabel
    let coverage: [CoverageItem]
    let hasCoverage: Bool
    let summary: String?
    let headlineCount: Int
    let headlineCountLabel: String
}

/// One article of the day within a story card.
struct CoverageItem: Sendable {
    let outlet: OutletBadge
    let headline: String
    let articleHref: String
}

extension BriefingPageView {
    init(_ input: BriefingPageInput, site: SiteView, config: SiteConfig) throws(Diagnostic) {
        let links = Links(root: input.rootPath, baseURL: config.baseURL)
        let day = input.briefing.day
        // The root index is canonical as the site's front page; a day page under its own path.
        chrome = PageChrome(site: site, root: input.rootPath, links: links,
                            canonicalURL: links.canonical(input.rootPath.isEmpty ? "" : DateLabel.iso(day) + "/"))
        dayISO = DateLabel.iso(day)
        dayLabel = DateLabel.long(day)
        isLatest = input.nearbyDays.max() == day
        previousDay = input.previousDay.map { DayLink($0, links: links) }
        nextDay = input.nextDay.map { DayLink($0, links: links) }
        hasDayNav = previousDay != nil || nextDay != nil

        var cards: [StoryCard] = []
        for (index, entry) in input.briefing.entries.enumerated() {
            guard let story = input.stories[entry.storyID], !story.articles.isEmpty else {
                throw .error(
                    SourceLocation(path: "\(day)"),
                    "briefing for \(day) lists story '\(entry.storyID)', which is not among the built stories")
            }
            cards.append(Self.card(entry, story, input.comparisons[entry.storyID], rank: index + 1, links: links))
        }
        stories = cards.filter { !$0.isSingleSource }
        singles = cards.filter(\.isSingleSource)
        hasStories = !stories.isEmpty
        hasSingles = !singles.isEmpty
        isEmpty = cards.isEmpty
        archive = input.nearbyDays.map { DayLink($0, links: links, current: day) }
        hasArchive = archive.count > 1
    }

    static func card(_ entry: Briefing.Entry, _ story: Story, _ comparison: StoryComparison?, rank: Int, links: Links) -> StoryCard {
        let outlets = story.outlets
        let storyHref = links.story(story.id)
        var coverage: [CoverageItem] = []
        if entry.isUpdate {
            let byID = StoryPageView.articleIndex(story.articles)
            coverage = entry.articleIDs.compactMap { byID[$0] }.map { index in
                let article = story.articles[index]
                return CoverageItem(outlet: OutletBadge(article.outlet), headline: article.title,
                                    articleHref: storyHref + "#" + StoryPageView.anchor(article.id))
            }
        }
        let headlineCount = comparison.map { $0.headlines.isEmpty ? story.articles.count : $0.headlines.count } ?? story.articles.count
        return StoryCard(
            id: story.id,
            title: story.title,
            href: storyHref,
            rank: rank,
            outlets: outlets.map { OutletBadge($0, links: links) },
            outletCount: outlets.count,
            outletCountLabel: counted(outlets.count, "outlet"),
            outletNames: outlets.map(\.name).joined(separator: ", "),
            isSingleSource: outlets.count < 2,
            isUpdate: entry.isUpdate,
            began: TimeLabel(day: story.firstDay),
            coverage: coverage,
            hasCoverage: !coverage.isEmpty,
            summary: summaryText(story, comparison),
            headlineCount: headlineCount,
            headlineCountLabel: counted(headlineCount, "headline"))
    }
}
