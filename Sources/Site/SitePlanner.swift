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
    /// The live `stories.json`'s entries by story key: copied, not encoded again.
    var storedStoryEntries: StoredStoryEntries?
    /// The live sitemap's files, when the caller knows that no page and no page's date changed
    /// since they were published (a patched rebuild): carried, not made again.
    var liveSitemap: [String]?
    /// A story with its articles in full, for its page: stories may be given as listings, each read
    /// in full only while its page renders (`SiteBuilder.Listings`).
    var storyInFull: @Sendable (Story) -> Story = { $0 }

    enum Page: Sendable {
        case day(Briefing, index: Int, isRoot: Bool)
        case story(Story)
        case archive(ArchivePageInput)
        case outletsIndex([OutletCoverage])
        case outlet(OutletCoverage)
        case notFound(NotFoundPageInput)
    }

    /// Plans the site; warnings (a relative base URL, a missing optional template, a malformed
    /// `SOURCE_DATE_EPOCH`) are appended to `warnings` and do not stop the build. With `staging`,
    /// each file is staged as soon as it is made and the plan holds paths only.
    /// `outlets`: `OutletCoverage.group(stories)`, when the caller has it.
    func plan(
        stories: [Story], comparisons: [String: StoryComparison], briefings: [Briefing], outlets: [OutletCoverage]? = nil,
        staging: SiteStaging? = nil, warnings: inout [Diagnostic]
    ) throws(Diagnostic) -> OutputPlan {
        var plan = OutputPlan()
        let storiesByID = Dictionary(uniqueKeysWithValues: stories.map { ($0.id, $0) })
        let days = briefings.map(\.day)

        var planned: [Page] = briefings.enumerated().map { .day($1, index: $0, isRoot: false) }
        if let latest = briefings.last { planned.append(.day(latest, index: briefings.count - 1, isRoot: true)) }
        planned += stories.map { .story($0) }
        let urls = SiteURL(baseURL: config.baseURL)
        let pages = planned + publishingPages(
            archive: ArchivePageInput(briefings: briefings, stories: storiesByID), outlets: outlets ?? OutletCoverage.group(stories),
            notFound: NotFoundPageInput(latestDay: days.last, sitePath: urls.sitePath), warnings: &warnings)

        let renderer = self.renderer
        let paths = pages.map(Self.path(of:))
        // On all cores: day and outlet pages' keys list many stories (a tenth of a one-article rebuild).
        let keys = Parallel.map(pages) { pageKey($0, days: days) }
        for (path, key) in zip(paths, keys) { if let key { plan.pageKeys[path] = key } }
        let unchanged = zip(paths, keys).map { path, key in carries(path, key: key) }
        // Claimed before any is written, so a collision stops the build before staging anything.
        for path in paths { try claim(path, in: &plan) }
        try claim(SitePaths.storiesJSON, in: &plan)
        // The archive and outlet pages (each lists many stories) are rendered first: last, one
        // core rendered them alone at the end of the stage (about 0.5 s at 100k articles).
        let order = Array(planned.count..<pages.count) + Array(0..<planned.count)
        // Nil for a page that could not be carried because its live file was edited by hand.
        func renderPages() -> [Result<OutputFile?, Diagnostic>?] {
            Parallel.map(order) { i -> Result<OutputFile?, Diagnostic>? in
                let page = pages[i], path = paths[i]
                if unchanged[i] {
                    guard let staging else { return .success(nil) }
                    do throws(SitePublisher.PublishError) { return try staging.carry(path) ? .success(nil) : nil } catch {
                        return .failure(error.diagnostic)
                    }
                }
                do throws(Diagnostic) {
                    let html: [UInt8]
                    switch page {
                    case .day(let briefing, let index, let isRoot):
                        let input = BriefingPageInput(
                            briefing: briefing, stories: storiesByID, comparisons: comparisons,
                            rootPath: isRoot ? "" : "../",
                            previousDay: index > 0 ? days[index - 1] : nil,
                            nextDay: index + 1 < days.count ? days[index + 1] : nil,
                            nearbyDays: BriefingPageInput.nearbyDays(days, at: index))
                        html = try renderer.briefingPageUTF8(input)
                    case .story(let listed):
                        let story = storyInFull(listed)
                        let comparison = comparisons[story.id] ?? StoryComparison(storyID: story.id)
                        html = try renderer.storyPageUTF8(StoryPageInput(story: story, comparison: comparison, rootPath: "../../"))
                    case .archive(let input):
                        html = renderer.archivePageUTF8(input)
                    case .outletsIndex(let outlets):
                        html = renderer.outletsIndexPageUTF8(OutletsIndexInput(outlets: outlets))
                    case .outlet(let coverage):
                        html = renderer.outletPageUTF8(OutletPageInput(coverage: coverage))
                    case .notFound(let input):
                        html = renderer.notFoundPageUTF8(input)
                    }
                    return .success(try Self.stage(OutputFile(path: path, bytes: html), in: staging))
                } catch {
                    return .failure(error)
                }
            }
        }
        // Feeds, sitemap and static files: made while stories.json, the longer branch, is written.
        let makesSitemap = liveSitemap == nil || staging == nil
        typealias Publishing = (files: [OutputFile], sitemap: [OutputFile], statics: [OutputFile])
        func publishing(warnings: inout [Diagnostic]) -> Result<Publishing, Diagnostic> {
            do throws(Diagnostic) {
                let (files, sitemap) = try publishingFiles(
                    pages: pages, stories: stories, comparisons: comparisons, briefings: briefings,
                    makesSitemap: makesSitemap, warnings: &warnings)
                return .success((files, sitemap, try staticFiles()))
            } catch {
                return .failure(error)
            }
        }
        // stories.json is written beside the pages: alone, its writing held one core.
        let ((renderedInOrder, others), storiesFile) = Parallel.both({
            (renderPages(), publishing(warnings: &warnings))
        }, { () -> Result<StoriesFile, Diagnostic> in
            do throws(Diagnostic) { return .success(try storiesJSON(stories, comparisons: comparisons, staging: staging)) } catch {
                return .failure(error)
            }
        })
        var rendered = [Result<OutputFile?, Diagnostic>?](repeating: nil, count: pages.count)
        for (i, result) in zip(order, renderedInOrder) { rendered[i] = result }
        for (i, result) in rendered.enumerated() {
            switch result {
            case .success(let file?)?: plan.keep(file)
            case .success(nil)?:
                if staging == nil, unchanged[i] { plan.keep(carried: paths[i]) }
            case .failure(let diagnostic)?: throw diagnostic
            case nil: plan.foundEditedLivePage = true
            }
        }
        if plan.foundEditedLivePage { return plan }

        switch storiesFile {
        case .success(let made):
            plan.storyEntries.merge(made.entries) { _, new in new }
            plan.storiesJSONSharedStart = made.sharedStart
            if let file = made.file { plan.keep(file) }
        case .failure(let diagnostic): throw diagnostic
        }
        if let liveSitemap, let staging {
            guard try carry(sitemap: liveSitemap, into: staging, plan: &plan) else {
                plan.foundEditedLivePage = true
                return plan
            }
        }
        let (files, sitemap, statics) = try others.get()
        for file in files + sitemap + statics { try add(file, to: &plan, staging: staging) }
        if makesSitemap { plan.sitemapPaths = sitemap.map(\.path) }
        return plan
    }

    /// `stories.json`, streamed into staging when there is one (the only case with stored
    /// entries: they come with the cache), else returned to keep. A stored entry that cannot be
    /// copied stops the build: its story's comparison was not made in full, trusting the copy.
    /// Returns each story's entry's range in the file, by story key, and how many first bytes of
    /// the file are the live one's.
    private func storiesJSON(
        _ stories: [Story], comparisons: [String: StoryComparison], staging: SiteStaging?
    ) throws(Diagnostic) -> StoriesFile {
        let ordered = StoriesDocument.ordered(stories)
        let entry = { @Sendable (i: Int, json: inout PrettyJSON) in
            StoriesDocument.entry(ordered[i], comparisons[ordered[i].id]).write(to: &json)
        }
        let ranges: [Range<Int>]
        var file: OutputFile?
        var sharedStart = 0
        if let staging {
            let entries = storedStoryEntries
            let stored = { (i: Int) -> Range<Int>? in storyKeys[ordered[i].id].flatMap { entries?.ranges[$0] } }
            var written: [Range<Int>] = []
            do throws(SitePublisher.PublishError) {
                sharedStart = try staging.stream(
                    SitePaths.storiesJSON, source: entries?.descriptor, spareStart: staging.recycled?.storiesJSON
                ) { write in
                    written = StoriesDocument.write(count: ordered.count, stored: stored, entry: entry, to: write)
                }
            } catch { throw error.diagnostic }
            ranges = written
        } else {
            let json = StoriesDocument.encoded(count: ordered.count, write: entry)
            file = OutputFile(path: SitePaths.storiesJSON, bytes: json.bytes)
            ranges = json.ranges
        }
        var byKey: [ContentDigest: Range<Int>] = [:]
        for (story, range) in zip(ordered, ranges) {
            if let key = storyKeys[story.id] { byKey[key] = range }
        }
        return StoriesFile(entries: byKey, file: file, sharedStart: sharedStart)
    }

    private struct StoriesFile {
        var entries: [ContentDigest: Range<Int>]
        var file: OutputFile?
        var sharedStart: Int
    }

    func claim(_ path: String, in plan: inout OutputPlan) throws(Diagnostic) {
        do { try plan.claim(path) } catch {
            throw .error(SourceLocation(path: path), error.description)
        }
    }

    /// Claims `file`'s path, then stages it, or keeps it in the plan when there is no staging.
    func add(_ file: OutputFile, to plan: inout OutputPlan, staging: SiteStaging? = nil) throws(Diagnostic) {
        try claim(file.path, in: &plan)
        if let kept = try Self.stage(file, in: staging) { plan.keep(kept) }
    }

    /// Writes `file` into `staging`; returns it when there is none, for the plan to keep.
    private static func stage(_ file: OutputFile, in staging: SiteStaging?) throws(Diagnostic) -> OutputFile? {
        guard let staging else { return file }
        do { try staging.write(file) } catch { throw error.diagnostic }
        return nil
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
