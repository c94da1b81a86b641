import BriefingCore
import Foundation
import Rendering

/// The files a published site needs besides its pages: feeds, sitemap, robots.txt, and the
/// archive, outlet and 404 pages (each only when its template exists, so older template folders
/// keep building).
extension SitePlanner {
    func publishingPages(
        archive: ArchivePageInput, outlets: [OutletCoverage], notFound: NotFoundPageInput, warnings: inout [Diagnostic]
    ) -> [Page] {
        var pages: [Page] = []
        var missing: [String] = []
        func ifTemplate(_ page: PageRenderer.OptionalPage, _ produce: () -> [Page]) {
            if renderer.hasTemplate(page) { pages += produce() } else { missing.append(page.rawValue + ".mustache") }
        }
        ifTemplate(.archive) { [.archive(archive)] }
        ifTemplate(.outlets) { [.outletsIndex(outlets)] }
        ifTemplate(.outlet) { outlets.map { .outlet($0) } }
        ifTemplate(.notFound) { [.notFound(notFound)] }
        if !missing.isEmpty {
            warnings.append(.warning(
                SourceLocation(path: "templates"),
                "no \(missing.joined(separator: ", ")) in the templates folder: those pages are not written"))
        }
        return pages
    }

    /// Feeds and `robots.txt`; and, when `makesSitemap`, the sitemap's files.
    func publishingFiles(
        pages: [Page], stories: [Story], comparisons: [String: StoryComparison], briefings: [Briefing],
        makesSitemap: Bool = true, warnings: inout [Diagnostic]
    ) throws(Diagnostic) -> (files: [OutputFile], sitemap: [OutputFile]) {
        let urls = SiteURL(baseURL: config.baseURL)
        if !urls.isAbsolute {
            warnings.append(.warning(
                SourceLocation(path: configPath),
                "baseURL '\(config.baseURL)' is not an absolute http(s) URL: sitemap.xml is not written, and feeds, "
                    + "canonical links and robots.txt lack absolute addresses (set e.g. baseURL: \"https://example.org/\")"))
        }
        let (epoch, epochWarning) = SourceDateEpoch.read(environment)
        if let epochWarning { warnings.append(.warning(SourceLocation(path: "SOURCE_DATE_EPOCH"), epochWarning)) }

        let feeds = SiteFeeds(stories: stories, comparisons: comparisons, config: config, sourceDateEpoch: epoch)
        let jsonFeed: [UInt8]
        do { jsonFeed = try feeds.json() } catch {
            throw .error(SourceLocation(path: SitePaths.jsonFeed), "cannot encode: \(error)")
        }
        let files = [
            OutputFile(path: SitePaths.atomFeed, text: feeds.atom()),
            OutputFile(path: SitePaths.jsonFeed, bytes: jsonFeed),
            OutputFile(path: SitePaths.robots, text: Sitemap(urls: urls, pages: []).robots()),
        ]
        guard makesSitemap else { return (files, []) }
        let sitemap = Sitemap(urls: urls, pages: sitemapPages(pages, stories: stories, briefings: briefings))
        return (files, sitemap.files().map { OutputFile(path: $0.path, text: $0.text) })
    }

    /// Links the live sitemap's `files` into `staging` (`liveSitemap`); false when one was
    /// changed since it was published (by hand: the plan is void).
    func carry(sitemap files: [String], into staging: SiteStaging, plan: inout OutputPlan) throws(Diagnostic) -> Bool {
        for path in files {
            try claim(path, in: &plan)
            do throws(SitePublisher.PublishError) {
                guard try staging.carry(path) else { return false }
            } catch { throw error.diagnostic }
        }
        plan.sitemapPaths = files
        return true
    }

    /// Every page with an address, home first; `lastmod` is the newest update among the stories
    /// the page shows (for a day: its stories, which may gain coverage on later days).
    func sitemapPages(_ pages: [Page], stories: [Story], briefings: [Briefing]) -> [Sitemap.Page] {
        let updated = Dictionary(uniqueKeysWithValues: stories.map { story in
            (story.id, story.articles.map(Timestamp.init).max() ?? Timestamp(day: story.lastDay))
        })
        let newest = updated.values.max() ?? Timestamp(seconds: 0)
        func latest(_ ids: some Sequence<String>) -> Timestamp { ids.compactMap { updated[$0] }.max() ?? newest }
        func dayPage(_ briefing: Briefing) -> Timestamp {
            max(latest(briefing.entries.map(\.storyID)), Timestamp(day: briefing.day))
        }
        var result: [Sitemap.Page] = []
        for page in pages {
            switch page {
            case .day(let briefing, _, let isRoot):
                result.append(.init(path: isRoot ? "" : SiteURL.dayPath(briefing.day), lastModified: dayPage(briefing)))
            case .story(let story):
                result.append(.init(path: SiteURL.storyPath(story.id), lastModified: updated[story.id] ?? newest))
            case .archive:
                result.append(.init(path: "archive/", lastModified: newest))
            case .outletsIndex:
                result.append(.init(path: "outlets/", lastModified: newest))
            case .outlet(let coverage):
                result.append(.init(path: SiteURL.outletPath(coverage.outlet.slug),
                                    lastModified: latest(coverage.stories.map(\.id))))
            case .notFound:
                continue
            }
        }
        // Home first, then by address: stable whatever order pages were planned in.
        return result.sorted { ($0.path.isEmpty ? 0 : 1, $0.path) < ($1.path.isEmpty ? 0 : 1, $1.path) }
    }
}
