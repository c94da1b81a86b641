import BriefingCore

extension StoryPageView {
    init(_ input: StoryPageInput, site: SiteView, config: SiteConfig) {
        let story = input.story
        let comparison = input.comparison
        let links = Links(root: input.rootPath, baseURL: config.baseURL)
        chrome = PageChrome(site: site, root: input.rootPath, links: links,
                            canonicalURL: links.canonical(Links.storyPath(story.id)))

        // Published strings are ISO 8601, so string order is time order within one zone.
        let moments = story.articles.map(DateLabel.moment).sorted()
        let outlets = story.outlets
        self.story = StoryHeader(
            id: story.id,
            title: story.title,
            href: links.story(story.id),
            outlets: outlets.map { OutletBadge($0, links: links) },
            outletCount: outlets.count,
            outletCountLabel: counted(outlets.count, "outlet"),
            outletNames: outlets.map(\.name).joined(separator: ", "),
            firstReported: TimeLabel(published: moments.first ?? ""),
            lastReported: moments.count > 1 && moments.first != moments.last ? TimeLabel(published: moments.last!) : nil,
            summary: summaryText(story, comparison),
            days: story.days.map { DayLink($0, links: links) }
        )

        // A story one outlet alone covers has nothing to compare: show it as a plain article.
        isSingleton = comparison.shared.isEmpty && comparison.only.isEmpty && comparison.quotes.isEmpty
        let compare = !isSingleton
        shared = compare ? comparison.shared.map { ClaimView($0) } : []
        quotes = compare ? comparison.quotes.compactMap(Self.quote) : []
        only = compare ? comparison.only.filter { !$0.claims.isEmpty }.map {
            OnlyView(outlet: OutletBadge($0.outlet), claims: $0.claims.map { ClaimView($0) })
        } : []
        disagreements = compare ? comparison.disagreements.filter { !$0.values.isEmpty }.map { item in
            DisagreementView(about: item.about, values: item.values.map {
                DisagreementValueView(
                    value: $0.value, outlets: $0.outlets.map { OutletBadge($0) },
                    sentence: $0.sentence.isEmpty ? nil : $0.sentence)
            })
        } : []
        let byID = compare ? Self.articleIndex(story.articles) : [:]
        headlines = compare ? comparison.headlines.enumerated().map { index, headline in
            HeadlineView(
                outlet: OutletBadge(headline.outlet),
                title: headline.title,
                time: TimeLabel(published: headline.published),
                sourceHref: Links.safeHref(byID[headline.articleID].flatMap { story.articles[$0].url }),
                articleAnchor: "#" + Self.anchor(headline.articleID),
                isFirst: index == 0)
        } : []
        articles = story.articles.map { Self.article($0) }
        plainArticle = isSingleton && articles.count == 1 ? articles[0] : nil

        hasShared = !shared.isEmpty
        hasQuotes = !quotes.isEmpty
        hasOnly = !only.isEmpty
        hasDisagreements = !disagreements.isEmpty
        hasHeadlines = !headlines.isEmpty
        hasArticles = !articles.isEmpty
    }

    static func anchor(_ articleID: String) -> String {
        "article-" + (isSlug(articleID) ? articleID : Slug.make(articleID, fallback: "x"))
    }

    /// True when `Slug.make` would give `id` back unchanged (the usual id): lowercase ASCII letters
    /// and digits in runs joined by single dashes, at most 80 bytes. Checking is cheaper than making.
    static func isSlug(_ id: String) -> Bool {
        let bytes = id.utf8
        guard !bytes.isEmpty, bytes.count <= 80, bytes.first != UInt8(ascii: "-"), bytes.last != UInt8(ascii: "-") else { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "-") where previous != UInt8(ascii: "-"): break
            default: return false
            }
            previous = byte
        }
        return true
    }

    static func quote(_ group: QuoteGroup) -> QuoteView? {
        guard !group.variants.isEmpty else { return nil }
        let variants = group.variants.enumerated().map { index, variant in
            QuoteVariantView(
                text: variant.text,
                outlets: variant.outlets.map { OutletBadge($0) },
                isReference: index == 0,
                diffHTML: index == 0 || variant.diff.isEmpty ? nil : HTMLText.diff(variant.diff))
        }
        let speaker = group.speaker.flatMap { $0.isEmpty ? nil : $0 }
        return QuoteView(speaker: speaker, variants: variants)
    }

    /// Each article's index by id, the first of equal ids. Indices rather than articles, as
    /// copying an article into a dictionary costs a retain of each of its fields.
    static func articleIndex(_ articles: [Article]) -> [String: Int] {
        Dictionary(articles.indices.map { (articles[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Parameters are `borrowing` here and in the views' other inits: taken owned (an init's
    /// default), each element `map` passes in is copied first, a retain per field.
    static func article(_ article: borrowing Article) -> ArticleView {
        let byline = article.byline ?? article.author.map { "By \($0)" }
        return ArticleView(
            anchor: anchor(article.id),
            outlet: OutletBadge(article.outlet),
            title: article.title,
            byline: byline.flatMap { $0.isEmpty ? nil : $0 },
            dateline: article.dateline.flatMap { $0.isEmpty ? nil : $0 },
            time: TimeLabel(published: DateLabel.moment(article)),
            sourceHref: Links.safeHref(article.url),
            bodyHTML: MarkdownRenderer.html(article.body))
    }
}
