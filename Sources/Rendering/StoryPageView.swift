import BriefingCore

/// The root object of `story.mustache`. Section flags (`hasShared`, …) are false when there is
/// nothing to show, and all comparison sections are off for a single-source story (`isSingleton`).
struct StoryPageView: Sendable {
    let chrome: PageChrome

    let story: StoryHeader
    let isSingleton: Bool
    let shared: [ClaimView]
    let hasShared: Bool
    let quotes: [QuoteView]
    let hasQuotes: Bool
    let only: [OnlyView]
    let hasOnly: Bool
    let disagreements: [DisagreementView]
    let hasDisagreements: Bool
    let headlines: [HeadlineView]
    let hasHeadlines: Bool
    let articles: [ArticleView]
    let hasArticles: Bool
    /// The one article of a singleton story, shown inline as the page itself; nil otherwise.
    let plainArticle: ArticleView?
}

/// `story`: title and coverage line.
struct StoryHeader: Sendable {
    let id: String
    let title: String
    let href: String
    let outlets: [OutletBadge]
    let outletCount: Int
    /// "5 outlets".
    let outletCountLabel: String
    /// "Benzinga, Reuters, The Hill".
    let outletNames: String
    let firstReported: TimeLabel
    /// nil when everything was reported at one moment.
    let lastReported: TimeLabel?
    let summary: String?
    /// Days with coverage, linking to each day's briefing.
    let days: [DayLink]
}

/// A claim: `{{text}}` and who carries it.
struct ClaimView: Sendable {
    let text: String
    let outlets: [OutletBadge]
    let outletCountLabel: String

    init(_ claim: borrowing Claim) {
        text = claim.text
        outlets = claim.outlets.map { OutletBadge($0) }
        outletCountLabel = counted(claim.outlets.count, "outlet")
    }
}

/// `quotes`: one quotation and its wordings.
struct QuoteView: Sendable {
    let speaker: String?
    let variants: [QuoteVariantView]
}

struct QuoteVariantView: Sendable {
    let text: String
    let outlets: [OutletBadge]
    /// True for the most printed wording, the one the others are compared with.
    let isReference: Bool
    /// Escaped word diff with `<del>`/`<ins>` against the reference; nil for the reference itself.
    let diffHTML: String?
}

/// `only`: what one outlet alone reports.
struct OnlyView: Sendable {
    let outlet: OutletBadge
    let claims: [ClaimView]
}

/// `disagreements`: differing numbers about one thing.
struct DisagreementView: Sendable {
    let about: String
    let values: [DisagreementValueView]
}

struct DisagreementValueView: Sendable {
    let value: String
    let outlets: [OutletBadge]
    let sentence: String?
}

/// `headlines`: the timeline, first report first.
struct HeadlineView: Sendable {
    let outlet: OutletBadge
    let title: String
    let time: TimeLabel
    /// The original article, http(s) only.
    let sourceHref: String?
    /// In-page link to the outlet's article below.
    let articleAnchor: String
    let isFirst: Bool
}

/// `articles`: each outlet's cleaned article.
struct ArticleView: Sendable {
    let anchor: String
    let outlet: OutletBadge
    let title: String
    /// "By …" from the body, else from the author field.
    let byline: String?
    let dateline: String?
    let time: TimeLabel
    let sourceHref: String?
    /// cmark output of the cleaned body (safe mode), inserted unescaped.
    let bodyHTML: String
}
