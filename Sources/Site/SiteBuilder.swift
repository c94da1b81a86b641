import BriefingCore
import Clustering
import Comparison
import Foundation
import Ingest
import Rendering

/// Runs the pipeline in order — config, scan, ingest, templates, cluster, compare, assemble,
/// render, publish — and is the only code that knows that order. Input errors in single articles
/// skip those articles; errors that would make the site wrong (config, templates, no articles at
/// all, writing) publish nothing and leave the previous site in place. The cache (`BuildCache`)
/// only ever skips work whose result it can prove unchanged.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions
    var environment = ProcessInfo.processInfo.environment
    /// Kept by a long-lived caller (`briefing serve`) across its builds of the same site.
    public var memory: BuildMemory?
    /// Files the caller knows changed since its last build of this site with `memory` (a file
    /// watcher's report): only those are looked at. Nil: unknown, every content file is stat'ed.
    public var changedPaths: [String]?
    /// Called once the new site is switched in, with the report so far, before the cache is
    /// saved: `briefing serve` reloads pages then, not after the bookkeeping.
    public var onPublished: (@Sendable (BuildReport) -> Void)?
    /// Takes the full way even when nothing changed, carrying every file: `briefing serve`,
    /// started over an unchanged site, warms its memory so the first edit is patched.
    public var rebuildsUnchanged = false

    public init(options: BuildOptions, memory: BuildMemory? = nil) {
        self.options = options
        self.memory = memory
    }

    public func build() throws(BuildFailure) -> BuildReport {
        let lock: SiteLock
        do { lock = try SiteLock(outputDirectory: URL(fileURLWithPath: options.outputDirectory)) } catch {
            let message = (error as? SiteLock.Busy)?.description ?? "cannot take the build lock: \(error)"
            throw BuildFailure(diagnostics: [.error(SourceLocation(path: options.outputDirectory), message)],
                               report: BuildReport(), isLocked: error is SiteLock.Busy)
        }
        defer { withExtendedLifetime(lock) {} }
        SitePublisher(outputDirectory: URL(fileURLWithPath: options.outputDirectory)).recoverInterrupted()
        return try make(checkOnly: false, trustsLiveSite: true)
    }

    /// `briefing check`: the whole pipeline in memory, without the cache, then every internal
    /// link of the would-be site is resolved. Nothing is written; broken links are errors.
    public func check() throws(BuildFailure) -> BuildReport {
        try make(checkOnly: true, trustsLiveSite: false)
    }

    /// `trustsLiveSite`: the live site may be reused where the manifest vouches for it (false
    /// after a build found a live page edited by hand: everything is made again).
    private func make(checkOnly: Bool, trustsLiveSite: Bool) throws(BuildFailure) -> BuildReport {
        var run = BuildRun()
        run.releasesFreedMemory = changedPaths == nil
        let output = URL(fileURLWithPath: options.outputDirectory)
        let cache = options.usesCache && !checkOnly ? BuildCache(outputDirectory: output, memory: memory) : nil

        let config: SiteConfig
        do { config = try SiteConfigReader.load(options) } catch { throw run.fail([error]) }
        let fingerprint = BuildFingerprint(options: options, contentDisplayRoot: options.contentDirectory, environment: environment)
        let manifest = cache?.loadManifest()
        run.stage("config")

        let ingestor = IncrementalIngest { ContentLoader(config: config) }
        let contentDirectory = URL(fileURLWithPath: options.contentDirectory)
        var scan: IncrementalIngest.Scan
        if let memory, let manifest, let changedPaths, let listing = memory.listing(of: options.contentDirectory),
           let rescanned = ingestor.rescan(listing, contentDirectory: contentDirectory, changed: changedPaths, manifest: manifest) {
            scan = rescanned
        } else {
            scan = ingestor.scan(contentDirectory: contentDirectory, manifest: manifest)
        }
        memory?.remember(listing: scan.listing, of: options.contentDirectory)
        let livePath = SitePublisher(outputDirectory: output).outputDirectory.path
        let liveIsKnown = trustsLiveSite && manifest?.siteFingerprint == fingerprint.site
            && manifest?.describesOutputFolders(at: livePath) == true
        run.stage("scan")
        if !rebuildsUnchanged, let manifest, liveIsKnown, scan.matches(manifest), manifest.filesMatch(at: livePath) {
            return try unchangedReport(&run, manifest: manifest, scan: scan, cache: cache, fingerprint: fingerprint)
        }

        // A rebuild of a few edits in `briefing serve` patches the last build when it can.
        var patched: Patched?
        if let memory, let cache, let manifest, liveIsKnown, changedPaths != nil, !options.reportsRemovedLines,
           let last = memory.takeLastBuild(fingerprint.parse, contentDirectory: options.contentDirectory),
           last.digests == manifest.inputs.mapValues(\.digest) {
            patched = patch(last, scan: scan, ingestor: ingestor, config: config, cache: cache, fingerprint: fingerprint)
        }

        var ingest: IngestResult
        var listings: Listings
        var stories: [Story]
        var keys: [String: ContentDigest]
        var comparisons: [String: StoryComparison]
        var comparisonStore: [ContentDigest: BuildCache.StoredComparison] = [:]
        var storedComparisons: [ContentDigest: BuildCache.StoredComparison] = [:]
        var savedComparisonShards: Set<Int> = []
        var unsavedClusters: StoredClusters?
        var planner: SitePlanner
        if let patched {
            ingest = IngestResult(articles: patched.last.articles, diagnostics: patched.last.diagnostics)
            listings = patched.last.listings
            run.report.diagnostics = ingest.diagnostics
            run.report.filesParsed = patched.edited
            run.report.storiesCompared = patched.comparedStories
            run.report.reusedStories = true
            run.report.patchedLastBuild = true
            run.stage("patch")
            planner = try makePlanner(config: config, fingerprint: fingerprint, manifest: manifest, liveIsKnown: liveIsKnown, &run)
            planner.liveSitemap = patched.last.sitemap
            planner.storyKeys = patched.last.keys
            run.stage("templates")
            stories = patched.last.stories
            keys = patched.last.keys
            comparisons = patched.last.comparisons
            (comparisonStore, unsavedClusters) = (patched.comparisonStore, patched.clusters)
            storedComparisons = cache?.loadComparisons(fingerprint: fingerprint.parse) ?? [:]
        } else {
            let (loaded, store, parsed, listed) = load(&scan, ingestor: ingestor, cache: cache, fingerprint: fingerprint)
            ingest = loaded
            cache?.memory?.remember(articles: store, fingerprint.parse)
            listings = Listings(sources: listed, bodies: store.compactMapValues(\.storedBody))
            let files = Dictionary(scan.listing.files.map { ($0.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
            listings.reparse = { source in files[source].flatMap(ingestor.article(in:)) }
            run.report.diagnostics = ingest.diagnostics
            run.report.removed = ingest.removed
            run.report.filesParsed = parsed
            run.stage("ingest")
            guard !ingest.articles.isEmpty else {
                throw run.fail([.error(SourceLocation(path: options.contentDirectory), "no articles found; nothing to publish")])
            }
            planner = try makePlanner(config: config, fingerprint: fingerprint, manifest: manifest, liveIsKnown: liveIsKnown, &run)
            run.stage("templates")

            let digests = scan.digestsBySource()
            stories = cluster(ingest.articles, listings: listings, config: config, digests: digests, cache: cache,
                              fingerprint: fingerprint, report: &run.report, unsaved: &unsavedClusters)
            run.stage("cluster")

            let storyKeys = Dictionary(uniqueKeysWithValues: stories.map { ($0.id, StoryKey.make($0, digests: digests)) })
            keys = storyKeys
            if cache != nil { planner.storyKeys = storyKeys }
            storedComparisons = cache?.loadComparisons(fingerprint: fingerprint.parse) ?? [:]
            let storyPages = planner
            (comparisons, comparisonStore, savedComparisonShards) = compare(
                stories, keys: storyKeys, stored: storedComparisons, listings: listings,
                needsFull: { storyPages.rendersStoryPage($0) || storyPages.storedStoryEntries?.contains(storyKeys[$0.id]!) != true },
                cache: cache, fingerprint: fingerprint.parse, report: &run.report)
            run.stage("compare")
        }
        planner.storyInFull = listings.full
        var briefings: [Briefing], outlets: [OutletCoverage]
        if let patched {
            (briefings, outlets) = (patched.last.briefings, patched.last.outlets)
        } else {
            let assembled = stories
            (briefings, outlets) = Parallel.both({ BriefingAssembler.briefings(for: assembled) }, { OutletCoverage.group(assembled) })
        }
        run.stage("assemble")

        // A build stages each file as it is made; the live site stays until the switch.
        let publisher = SitePublisher(outputDirectory: output, removesOldSiteInBackground: options.removesOldSiteInBackground)
        let live = liveIsKnown ? manifest?.outputs : nil
        var staging: SiteStaging?
        if !checkOnly {
            // The spare may be consumed from here on: the manifest must not vouch for it.
            cache?.invalidateManifest()
            let spare = cache.map { cache in
                SitePublisher.Spare(path: cache.spareDirectory, record: live == nil ? nil : manifest?.spare,
                                    live: live?.mapValues(\.stat) ?? [:],
                                    replaced: live == nil ? nil : manifest.map { SpareSite(files: Array($0.outputs.keys), directories: $0.directories) })
            }
            do { staging = try publisher.begin(live: live?.mapValues(\.digest), spare: spare) } catch {
                throw run.fail([error.diagnostic])
            }
        }
        /// Leaves the live site as it was, and the manifest vouching for it again (without a spare).
        func abandonStaging() {
            if let staging { publisher.abandon(staging) }
            if var manifest, liveIsKnown, let cache {
                manifest.spare = nil
                cache.saveManifest(manifest)
            }
        }
        func abandon(_ failure: BuildFailure) -> BuildFailure {
            abandonStaging()
            return failure
        }

        let plan: OutputPlan
        do {
            plan = try planner.plan(stories: stories, comparisons: comparisons, briefings: briefings, outlets: outlets,
                                    staging: staging, warnings: &run.report.diagnostics)
        } catch { throw abandon(run.fail([error])) }
        planner.storedStoryEntries = nil
        if plan.foundEditedLivePage {
            abandonStaging()
            return try make(checkOnly: checkOnly, trustsLiveSite: false)
        }
        run.stage("render")

        run.report.briefings = briefings.count
        run.report.stories = stories.count
        run.report.articles = ingest.articles.count
        run.report.outlets = Set(ingest.articles.map(\.outlet)).count
        if checkOnly {
            run.report.diagnostics += LinkChecker(plan: plan, sitePath: SiteURL(baseURL: config.baseURL).sitePath).check(plan)
        }
        if options.strict && !run.report.diagnostics.isEmpty { throw abandon(run.failStrict()) }

        guard let staging else {
            // A check publishes nothing, but the build after it need not cluster again.
            if let cache, let unsavedClusters { cache.saveClusters(unsavedClusters, fingerprint: fingerprint.parse) }
            run.finish()
            return run.report
        }
        let published: SitePublisher.Published
        do { published = try publisher.finish(staging, paths: plan.allPaths) } catch {
            throw abandon(run.fail([error.diagnostic]))
        }
        run.report.filesWritten = published.written
        run.stage("publish")
        onPublished?(run.report)

        if let cache {
            // A patch carried the sitemap: its files are the last build's.
            let last = memory == nil ? nil : patched?.last ?? lastBuild(
                fingerprint: fingerprint, scan: scan, ingest: ingest, listings: listings, stories: stories, keys: keys,
                comparisons: comparisons, briefings: briefings, outlets: outlets, sitemap: plan.sitemapPaths)
            // No store is made from what the pages were made from: it goes before they are encoded
            // (held under them, at 100k articles, it set the build's peak), freed on another core
            // (about 50 ms of one core at 10k articles).
            planner.storyInFull = { $0 }
            BackgroundRelease.release((ingest.articles, listings, stories, comparisons, briefings, outlets))
            (ingest.articles, listings, stories, comparisons, briefings, outlets) = ([], Listings(), [], [:], [], [])
            if let patched {
                // The store as the last build left it is in memory (a patch needs it).
                cache.saveArticles(patched.articleStore, previous: cache.loadArticles(fingerprint: fingerprint.parse),
                                   fingerprint: fingerprint.parse)
            }
            cache.saveComparisons(comparisonStore, previous: storedComparisons, fingerprint: fingerprint.parse,
                                  written: savedComparisonShards)
            BackgroundRelease.release((comparisonStore, storedComparisons))
            (comparisonStore, storedComparisons) = ([:], [:])
            // The clusters are saved while the manifest is made; the manifest is written last.
            let clusters = unsavedClusters
            let (made, _) = Parallel.both(
                { newManifest(scan: scan, report: run.report, published: published, previous: manifest, plan: plan, fingerprint: fingerprint) },
                { if let clusters { cache.saveClusters(clusters, fingerprint: fingerprint.parse) } })
            cache.saveManifest(made)
            memory?.remember(lastBuild: last)
            run.stage("cache")
        }
        run.finish()
        return run.report
    }
}

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}

extension SiteBuilder {
    /// Ingest against the last article store, which is let go on return: held to the end of
    /// comparing, the old shards' bytes stayed beside the new ones through clustering (a day of
    /// new articles falls in every shard, so a rebuild rewrites them all).
    func load(
        _ scan: inout IncrementalIngest.Scan, ingestor: IncrementalIngest, cache: BuildCache?, fingerprint: BuildFingerprint
    ) -> (result: IngestResult, store: [String: BuildCache.StoredArticle], parsed: Int, listed: Set<String>) {
        let stored = cache?.loadArticles(fingerprint: fingerprint.parse) ?? [:]
        // Saved while ingesting, not after publishing: entries are keyed by content, so they are
        // right whatever becomes of this build, and a saved shard's articles can be listings at once.
        let saver = cache.map { BuildCache.ArticleShardSaver(cache: $0, previous: stored, fingerprint: fingerprint.parse) }
        return ingestor.load(
            &scan, stored: stored, removedLines: options.reportsRemovedLines, saver: saver, heldContentBytes: options.heldContentBytes)
    }
}
