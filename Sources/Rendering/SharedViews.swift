import BriefingCore

// View models are plain structs read by Mustache through reflection: each property name is a
// template key. Optional keys are nil when empty, so `{{#key}}…{{/key}}` never renders an empty
// element. Keys of nested values are distinct from outer ones because Mustache looks a missing
// key up in the enclosing contexts.

/// `site`: the configuration every page shows.
struct SiteView: Sendable {
    let title: String
    let language: String
    let description: String?
    /// `briefing.yml` params, as `{{site.params.name}}`.
    let params: [String: String]

    init(_ config: SiteConfig) {
        title = config.title
        language = config.language.isEmpty ? "en" : config.language
        description = config.description.isEmpty ? nil : config.description
        params = config.params
    }
}

/// What every page's layout reads besides the page's own content. Templates see its fields as
/// the page's own (`{{root}}`, `{{site.title}}`, `{{siteNav.archive}}`, …): see `ChromedPage`.
struct PageChrome: Sendable {
    let site: SiteView
    let root: String
    let homeHref: String
    let stylesheetHref: String
    let canonicalURL: String?
    let siteNav: SiteNav

    init(site: SiteView, root: String, links: Links, canonicalURL: String?) {
        self.site = site
        self.root = root
        homeHref = links.home
        stylesheetHref = links.stylesheet
        self.canonicalURL = canonicalURL
        siteNav = SiteNav(links)
    }
}

/// `siteNav`: links every page's layout shows (header nav, feed `<link rel="alternate">`s).
struct SiteNav: Sendable {
    let home: String
    let archive: String
    let outlets: String
    let atomFeed: String
    let jsonFeed: String

    init(_ links: Links) {
        home = links.home
        archive = links.archive
        outlets = links.outlets
        atomFeed = links.atomFeed
        jsonFeed = links.jsonFeed
    }
}

/// An outlet pill: `{{name}}`, `{{slug}}` (safe for a class name).
struct OutletBadge: Sendable {
    let name: String
    let slug: String
    /// The outlet's page, relative to the current page; nil where no links are given.
    let outletHref: String?
    /// Whether `outletHref` is given. Templates test this rather than `outletHref`: a nil key is
    /// looked for on every enclosing value, twice per badge, while a flag is found on the badge.
    let isLinked: Bool

    init(_ outlet: borrowing Outlet) {
        name = outlet.name
        slug = outlet.slug
        outletHref = nil
        isLinked = false
    }

    init(_ outlet: borrowing Outlet, links: Links) {
        name = outlet.name
        slug = outlet.slug
        outletHref = links.outlet(outlet.slug)
        isLinked = true
    }
}

/// A moment: `{{iso}}` for `<time datetime>`, `{{text}}` for people.
struct TimeLabel: Sendable {
    let iso: String
    let text: String

    init(published: String) {
        iso = published
        text = DateLabel.published(published)
    }

    init(day: Day) {
        iso = DateLabel.iso(day)
        text = DateLabel.short(day)
    }
}

/// A link to a day's briefing: `{{label}}`, `{{iso}}`, `{{href}}`, `{{isCurrent}}`.
struct DayLink: Sendable {
    let iso: String
    let label: String
    let href: String
    let isCurrent: Bool

    init(_ day: Day, links: Links, current: Day? = nil) {
        iso = DateLabel.iso(day)
        label = DateLabel.short(day)
        href = links.day(day)
        isCurrent = day == current
    }
}

/// "1 outlet", "5 outlets".
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}

/// A story's summary as one paragraph: the comparison's sentences, else the first article's
/// opening two sentences, else nil.
func summaryText(_ story: Story, _ comparison: StoryComparison?) -> String? {
    if let summary = comparison?.summary, !summary.isEmpty { return summary.joined(separator: " ") }
    guard let first = story.articles.first, !first.sentences.isEmpty else { return nil }
    return first.sentences.prefix(2).map(\.text).joined(separator: " ")
}
