import BriefingCore
import Foundation
import Rendering

/// Decides every output file and its bytes: day pages, the latest day as `index.html`, story
/// pages, the archive, outlet pages, `404.html`, `stories.json`, feeds, sitemap, `robots.txt` and
/// the template's static files. Pages render in parallel.
struct SitePlanner {
    let config: SiteConfig
    let renderer: PageRenderer
    let staticDirectory: URL
    /// Where warnings about the configuration point.
    var configPath = "briefing.yml"
    /// Read for `SOURCE_DATE_EPOCH` only.
    var environment = ProcessInfo.processInfo.environment
    /// Each story's `StoryKey`; with them, story, day and outlet pages get page keys.
    var storyKeys: [String: ContentDigest] = [:]
    /// Page keys of the live site's pages (when the cache vouches for it): a page whose key is
    /// unchanged is carried over, not rendered.
    var livePageKeys: [String: ContentDigest] = [:]
    /// `stories.json` entries of earlier builds by story key: copied, not encoded again.
    var storedStoryEntries: [ContentDigest: ArraySlice<UInt8>] = [:]

    enum Page: Sendable {
        case day(Briefing, index: Int, isRoot: Bool)
        case story(Story)
        case archive
        case outletsIndex([OutletCoverage])
        case outlet(OutletCoverage)
        case notFound
    }

    /// Plans the site; warnings (a relative base URL, a missing optional template, a malformed
    /// `SOURCE_DATE_EPOCH`) are appended to `warnings` and do not stop the build.
    func plan(
        stories: [Story], comparisons: [String: StoryComparison], briefings: [Briefing], warnings: inout [Diagnostic]
    ) throws(Diagnostic) -> OutputPlan {
        var plan = OutputPlan()
        let storiesByID = Dictionary(uniqueKeysWithValues: stories.map { ($0.id, $0) })
        let days = briefings.map(\.day)
        let newestFirst = Array(days.reversed())

        var pages: [Page] = briefings.enumerated().map { .day($1, index: $0, isRoot: false) }
        if let latest = briefings.last { pages.append(.day(latest, index: briefings.count - 1, isRoot: true)) }
        pages += stories.map { .story($0) }
        let outlets = OutletCoverage.group(stories)
        pages += publishingPages(outlets: outlets, warnings: &warnings)
        let urls = SiteURL(baseURL: config.baseURL)

        let renderer = self.renderer
        let keys = pages.map { pageKey($0, days: days) }
        for (page, key) in zip(pages, keys) { if let key { plan.pageKeys[Self.path(of: page)] = key } }
        let unchanged = Set(zip(pages, keys).compactMap { page, key in carries(Self.path(of: page), key: key) ? Self.path(of: page) : nil })
        let rendered = Parallel.map(pages) { page -> Result<OutputFile?, Diagnostic> in
            if unchanged.contains(Self.path(of: page)) { return .success(nil) }
            do throws(Diagnostic) {
                switch page {
                case .day(let briefing, let index, let isRoot):
                    let input = BriefingPageInput(
                        briefing: briefing, stories: storiesByID, comparisons: comparisons,
                        rootPath: isRoot ? "" : "../",
                        previousDay: index > 0 ? days[index - 1] : nil,
                        nextDay: index + 1 < days.count ? days[index + 1] : nil,
                        allDays: newestFirst)
                    let html = try renderer.briefingPage(input)
                    return .success(OutputFile(path: isRoot ? SitePaths.index : SitePaths.dayFile(briefing.day), text: html))
                case .story(let story):
                    let comparison = comparisons[story.id] ?? StoryComparison(storyID: story.id)
                    let html = try renderer.storyPage(StoryPageInput(story: story, comparison: comparison, rootPath: "../../"))
                    return .success(OutputFile(path: SitePaths.storyFile(story.id), text: html))
                case .archive:
                    let html = renderer.archivePage(ArchivePageInput(briefings: briefings, stories: storiesByID))
                    return .success(OutputFile(path: SitePaths.archiveFile, text: html))
                case .outletsIndex(let outlets):
                    return .success(OutputFile(path: SitePaths.outletsFile, text: renderer.outletsIndexPage(OutletsIndexInput(outlets: outlets))))
                case .outlet(let coverage):
                    let html = renderer.outletPage(OutletPageInput(coverage: coverage))
                    return .success(OutputFile(path: SitePaths.outletFile(coverage.outlet.slug), text: html))
                case .notFound:
                    let html = renderer.notFoundPage(NotFoundPageInput(latestDay: days.last, sitePath: urls.sitePath))
                    return .success(OutputFile(path: SitePaths.notFoundFile, text: html))
                }
            } catch {
                return .failure(error)
            }
        }
        for (page, result) in zip(pages, rendered) {
            switch result {
            case .success(let file?): try add(file, to: &plan)
            case .success(nil):
                do { try plan.carry(Self.path(of: page)) } catch {
                    throw .error(SourceLocation(path: Self.path(of: page)), error.description)
                }
            case .failure(let diagnostic): throw diagnostic
            }
        }

        let ordered = StoriesDocument.ordered(stories)
        let json = StoriesDocument.encoded(count: ordered.count, stored: { i in
            storyKeys[ordered[i].id].flatMap { storedStoryEntries[$0] }
        }, write: { i, json in
            StoriesDocument.entry(ordered[i], comparisons[ordered[i].id]).write(to: &json)
        })
        for (story, range) in zip(ordered, json.ranges) {
            if let key = storyKeys[story.id] { plan.storyEntries[key] = range }
        }
        try add(OutputFile(path: SitePaths.storiesJSON, bytes: json.bytes), to: &plan)
        for file in try publishingFiles(
            pages: pages, stories: stories, comparisons: comparisons, briefings: briefings, warnings: &warnings) {
            try add(file, to: &plan)
        }
        for file in try staticFiles() { try add(file, to: &plan) }
        return plan
    }

    func add(_ file: OutputFile, to plan: inout OutputPlan) throws(Diagnostic) {
        do { try plan.add(file) } catch {
            throw .error(SourceLocation(path: file.path), error.description)
        }
    }

    /// Everything under `templates/static/`, copied to the output root as is.
    private func staticFiles() throws(Diagnostic) -> [OutputFile] {
        let root = staticDirectory.standardizedFileURL
        guard let walker = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        var files: [OutputFile] = []
        for case let url as URL in walker {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw .error(SourceLocation(path: url.path), "cannot read static file")
            }
            files.append(OutputFile(path: relative, bytes: Array(data)))
        }
        return files.sorted { $0.path < $1.path }
    }
}
