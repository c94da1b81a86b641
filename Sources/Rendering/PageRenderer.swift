import BriefingCore

/// Turns domain values into view models and renders them with the site's templates.
/// Pure: no disk, no clock; equal inputs give byte-equal pages.
public struct PageRenderer: Sendable {
    public let templates: TemplateSet
    public let config: SiteConfig
    let site: SiteView

    public init(templates: TemplateSet, config: SiteConfig) {
        self.templates = templates
        self.config = config
        site = SiteView(config)
    }

    /// One day's briefing page (`briefing.mustache`).
    /// - Throws: a `Diagnostic` when an entry names a story missing from `page.stories`.
    public func briefingPage(_ page: BriefingPageInput) throws(Diagnostic) -> String {
        String(decoding: try briefingPageUTF8(page), as: UTF8.self)
    }

    /// `briefingPage` as UTF-8 bytes, as pages are written.
    public func briefingPageUTF8(_ page: BriefingPageInput) throws(Diagnostic) -> [UInt8] {
        let view = try BriefingPageView(page, site: site, config: config)
        return templates.renderUTF8("briefing", view)
    }

    /// One story's page (`story.mustache`).
    /// - Throws: a `Diagnostic` when the story has no articles.
    public func storyPage(_ page: StoryPageInput) throws(Diagnostic) -> String {
        String(decoding: try storyPageUTF8(page), as: UTF8.self)
    }

    /// `storyPage` as UTF-8 bytes, as pages are written.
    public func storyPageUTF8(_ page: StoryPageInput) throws(Diagnostic) -> [UInt8] {
        guard !page.story.articles.isEmpty else {
            throw .error(SourceLocation(path: Links.storyPath(page.story.id)), "story '\(page.story.id)' has no articles")
        }
        return templates.renderUTF8("story", StoryPageView(page, site: site, config: config))
    }
}

// Pages added for publishing. Their templates are optional so that a site's older `templates/`
// keeps building: `hasTemplate` tells the planner which of them it can write.
extension PageRenderer {
    /// Template names of the optional pages, by page.
    public enum OptionalPage: String, Sendable, CaseIterable {
        case archive
        case outlets
        case outlet
        case notFound = "not-found"
    }

    public func hasTemplate(_ page: OptionalPage) -> Bool { templates.names.contains(page.rawValue) }

    /// `archive/index.html` (`archive.mustache`).
    public func archivePage(_ page: ArchivePageInput) -> String { String(decoding: archivePageUTF8(page), as: UTF8.self) }

    /// `archivePage` as UTF-8 bytes, as pages are written.
    public func archivePageUTF8(_ page: ArchivePageInput) -> [UInt8] {
        templates.renderUTF8(OptionalPage.archive.rawValue, ArchivePageView(page, site: site, config: config))
    }

    /// `outlets/index.html` (`outlets.mustache`).
    public func outletsIndexPage(_ page: OutletsIndexInput) -> String { String(decoding: outletsIndexPageUTF8(page), as: UTF8.self) }

    /// `outletsIndexPage` as UTF-8 bytes, as pages are written.
    public func outletsIndexPageUTF8(_ page: OutletsIndexInput) -> [UInt8] {
        templates.renderUTF8(OptionalPage.outlets.rawValue, OutletsIndexView(page, site: site, config: config))
    }

    /// `outlets/<slug>/index.html` (`outlet.mustache`).
    public func outletPage(_ page: OutletPageInput) -> String { String(decoding: outletPageUTF8(page), as: UTF8.self) }

    /// `outletPage` as UTF-8 bytes, as pages are written.
    public func outletPageUTF8(_ page: OutletPageInput) -> [UInt8] {
        templates.renderUTF8(OptionalPage.outlet.rawValue, OutletPageView(page, site: site, config: config))
    }

    /// `404.html` (`not-found.mustache`).
    public func notFoundPage(_ page: NotFoundPageInput) -> String { String(decoding: notFoundPageUTF8(page), as: UTF8.self) }

    /// `notFoundPage` as UTF-8 bytes, as pages are written.
    public func notFoundPageUTF8(_ page: NotFoundPageInput) -> [UInt8] {
        templates.renderUTF8(OptionalPage.notFound.rawValue, NotFoundPageView(page, site: site, config: config))
    }
}
