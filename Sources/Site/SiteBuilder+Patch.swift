import BriefingCore
import Clustering
import Foundation
import Ingest
import Rendering

/// A rebuild of a few edited articles in a long-lived process (`briefing serve`): when each edit
/// leaves its article where it was (same id, source, day, published time and outlet, no
/// warnings) and reading the same to the clusterer, the last build's articles, stories,
/// briefings, outlets and comparisons are patched instead of made again from every article, and
/// the sitemap is carried over. Anything else takes the full way; both give the same site.
extension SiteBuilder {
    /// What ingest, clustering, comparison and assembly would have made, and what to save.
    struct Patched {
        var last: BuildMemory.LastBuild
        var edited: Int
        var comparedStories: Int
        var articleStore: [String: BuildCache.StoredArticle]
        var clusters: StoredClusters
        var comparisonStore: [ContentDigest: BuildCache.StoredComparison]
    }

    /// Nil when the edits cannot be patched in (or there are none).
    func patch(
        _ last: consuming BuildMemory.LastBuild, scan: IncrementalIngest.Scan, ingestor: IncrementalIngest, config: SiteConfig,
        cache: BuildCache, fingerprint: BuildFingerprint
    ) -> Patched? {
        var next = last
        guard scan.listing.files.count == next.digests.count,
              var clusters = cache.loadClusters(fingerprint: fingerprint.parse) else { return nil }
        var changed: [(file: ContentLoader.ContentFile, digest: ContentDigest)] = []
        for (i, file) in scan.listing.files.enumerated() {
            guard let digest = scan.digests[i], let was = next.digests[file.relativePath] else { return nil }
            guard digest != was else { continue }
            guard changed.count < Self.patchLimit, !next.diagnostics.contains(where: { $0.location.path == file.displayPath })
            else { return nil }
            changed.append((file, digest))
        }
        guard !changed.isEmpty else { return nil }
        var edited: [(source: String, digest: ContentDigest, parsed: ContentLoader.ParsedFile)] = []
        for (file, scanned) in changed {
            // A file edited again since the scan takes the full way.
            guard let (digest, outcome) = ingestor.parse(file), digest == scanned,
                  case .article(let parsed) = outcome, parsed.warnings.isEmpty
            else { return nil }
            edited.append((file.relativePath, digest, parsed))
        }

        let clusterer = StoryClusterer(settings: config.clustering)
        var articleStore = cache.loadArticles(fingerprint: fingerprint.parse)
        var touched = Set<Int>()
        for (source, digest, parsed) in edited {
            let article = parsed.article
            guard let position = next.positions[source], let storyIndex = next.storyOfSource[source] else { return nil }
            let was = next.articles[position]
            // Where the article sits (canonical order, de-duplicated ids, days, outlets) is unchanged.
            // Published times date the sitemap's pages and the feeds' entries.
            guard article.id == was.id, article.source == was.source, article.day == was.day,
                  article.publishedTime == was.publishedTime,
                  article.outlet.name == was.outlet.name, article.outlet.slug == was.outlet.slug,
                  let input = clusters.inputs[source], input.id == article.id,
                  StoredClusters.signature(of: article, terms: clusterer.terms(of: article)) == input.signature
            else { return nil }
            next.digests[source] = digest
            next.articles[position] = article
            // Held whole from now on: no longer read back from the store.
            next.listings.sources.remove(source)
            next.listings.bodies[source] = nil
            articleStore[source] = BuildCache.StoredArticle(digest: digest, outcome: .article(parsed))
            clusters.inputs[source]?.content = digest
            var story = next.stories[storyIndex]
            story.articles = story.articles.map { $0.source == source ? article : $0 }
            next.stories[storyIndex] = story
            touched.insert(storyIndex)
        }

        var comparisonStore = cache.loadComparisons(fingerprint: fingerprint.parse)
        let stories = touched.sorted().map { next.stories[$0] }
        let computed = Self.compare(stories, listings: next.listings)
        // Outlets group stories by what the edits left as it was: only the story values change.
        let patchedStories = Dictionary(uniqueKeysWithValues: stories.map { ($0.id, $0) })
        let slugs = Set(stories.flatMap { $0.articles.map(\.outlet.slug) })
        for i in next.outlets.indices where slugs.contains(next.outlets[i].outlet.slug) {
            next.outlets[i] = next.outlets[i].updating(patchedStories)
        }
        for (story, comparison) in zip(stories, computed) {
            let key = StoryKey.make(story, digests: next.digests)
            if let old = next.keys[story.id] { comparisonStore[old] = nil }
            comparisonStore[key] = BuildCache.StoredComparison(comparison)
            next.keys[story.id] = key
            next.comparisons[story.id] = comparison
        }
        return Patched(last: next, edited: edited.count, comparedStories: stories.count, articleStore: articleStore,
                       clusters: clusters, comparisonStore: comparisonStore)
    }

    /// More edits than this at once (a checkout, a sync) take the full way.
    static let patchLimit = 16
}

extension SiteBuilder {
    /// The templates (parsed once per site fingerprint in a long-lived process) and a planner over
    /// them that knows the live site's page keys and `stories.json` entries when the cache vouches
    /// for the live site.
    func makePlanner(
        config: SiteConfig, fingerprint: BuildFingerprint, manifest: BuildManifest?, liveIsKnown: Bool, _ run: inout BuildRun
    ) throws(BuildFailure) -> SitePlanner {
        let templates: TemplateSet
        if let known = memory?.templates(fingerprint.site) {
            templates = known
        } else {
            do { templates = try TemplateSet(directory: URL(fileURLWithPath: options.templatesDirectory)) } catch {
                throw run.fail([error])
            }
            memory?.remember(templates: templates, fingerprint.site)
        }
        var planner = SitePlanner(
            config: config, renderer: PageRenderer(templates: templates, config: config),
            staticDirectory: URL(fileURLWithPath: options.templatesDirectory).appendingPathComponent("static"),
            configPath: options.configFile)
        planner.environment = environment
        if liveIsKnown, let manifest {
            planner.livePageKeys = manifest.outputs.compactMapValues { $0.pageKey == .zero ? nil : $0.pageKey }
            planner.storedStoryEntries = StoredStoryEntries(
                path: URL(fileURLWithPath: options.outputDirectory).appendingPathComponent(SitePaths.storiesJSON).path,
                ranges: manifest.storyEntries, published: manifest.outputs[SitePaths.storiesJSON]?.stat)
        }
        return planner
    }

    /// What a long-lived process keeps of a build it published, for the next one to patch.
    func lastBuild(
        fingerprint: BuildFingerprint, scan: IncrementalIngest.Scan, ingest: IngestResult, listings: Listings, stories: [Story],
        keys: [String: ContentDigest], comparisons: [String: StoryComparison], briefings: [Briefing], outlets: [OutletCoverage],
        sitemap: [String]
    ) -> BuildMemory.LastBuild? {
        guard memory != nil else { return nil }
        var positions: [String: Int] = [:], storyOfSource: [String: Int] = [:]
        for (i, article) in ingest.articles.enumerated() { positions[article.source] = i }
        for (i, story) in stories.enumerated() {
            for article in story.articles { storyOfSource[article.source] = i }
        }
        return BuildMemory.LastBuild(
            fingerprint: fingerprint.parse, contentDirectory: options.contentDirectory, digests: scan.digestsBySource(),
            articles: ingest.articles, positions: positions, listings: listings, diagnostics: ingest.diagnostics,
            stories: stories, storyOfSource: storyOfSource, keys: keys, comparisons: comparisons, briefings: briefings,
            outlets: outlets, sitemap: sitemap)
    }
}
