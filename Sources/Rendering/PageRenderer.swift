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
        let view = try BriefingPageView(page, site: site, config: config)
        return templates.render("briefing", view)
    }

    /// One story's page (`story.mustache`).
    /// - Throws: a `Diagnostic` when the story has no articles.
    public func storyPage(_ page: StoryPageInput) throws(Diagnostic) -> String {
        guard !page.story.articles.isEmpty else {
            throw .error(SourceLocation(path: Links.storyPath(page.story.id)), "story '\(page.story.id)' has no articles")
        }
        return templates.render("story", StoryPageView(page, site: site, config: config))
    }
}
