import BriefingCore
import Clustering
import Comparison
import Foundation
import Ingest

/// The cache's part of a build: the no-change answer, comparisons by story key, and the
/// manifest the next build starts from.
extension SiteBuilder {
    /// Nothing changed since the published build the manifest describes: repeat its report.
    func unchangedReport(
        _ run: inout BuildRun, manifest: BuildManifest, scan: IncrementalIngest.Scan, cache: BuildCache?,
        fingerprint: BuildFingerprint
    ) throws(BuildFailure) -> BuildReport {
        if scan.hashedCount > 0, let cache {
            // Same content under new stats (touched files): remember the stats, skip hashing next time.
            var refreshed = manifest
            refreshed.inputs = scan.inputs()
            cache.saveManifest(refreshed)
        }
        let summary = manifest.summary
        run.report.briefings = summary.briefings
        run.report.stories = summary.stories
        run.report.articles = summary.articles
        run.report.outlets = summary.outlets
        run.report.diagnostics = summary.diagnostics
        run.report.wasUnchanged = true
        if options.reportsRemovedLines, let cache {
            let stored = cache.loadArticles(fingerprint: fingerprint.parse)
            run.report.removed = stored.values.flatMap { entry -> [RemovedLine] in
                if case .article(let parsed)? = entry.outcome(.listing) { return parsed.removed }
                return []
            }.sorted { ($0.location.path, $0.location.line) < ($1.location.path, $1.location.line) }
        }
        if options.strict && !run.report.diagnostics.isEmpty { throw run.failStrict() }
        run.finish()
        return run.report
    }

    /// Stories. With a cache: the last build's stories when every article reads the same to the
    /// clusterer (`StoredClusters`), else clustering that reads only new articles' terms; terms
    /// are saved at once (they depend on content alone) so they are not held through later stages.
    /// `unsaved`: clusters this build made, or kept with a changed record (new content digests),
    /// for the caller to save after publishing: the stories stand either way, and saving them held
    /// up one core (a tenth of a one-article rebuild at 10k articles, 0.5 s of a 100k build).
    func cluster(
        _ articles: [Article], listings: Listings, config: SiteConfig, digests: [String: ContentDigest], cache: BuildCache?,
        fingerprint: BuildFingerprint, report: inout BuildReport, unsaved: inout StoredClusters?
    ) -> [Story] {
        let clusterer = StoryClusterer(settings: config.clustering)
        guard let cache else { return clusterer.cluster(articles) }
        let previous = cache.loadClusters(fingerprint: fingerprint.parse)
        // Terms of the articles the stored signatures do not vouch for.
        let unknown = previous == nil ? [] : articles.filter { article in
            guard let input = previous?.inputs[article.source], let content = digests[article.source] else { return true }
            return input.id != article.id || input.content != content
        }
        let fresh = Dictionary(uniqueKeysWithValues: Parallel.map(unknown) { ($0.id, clusterer.terms(of: listings.full($0))) })
        let input = { @Sendable (article: Article) -> (String, StoredClusters.Input)? in
            guard let content = digests[article.source] else { return nil }
            let signature = fresh[article.id].map { StoredClusters.signature(of: article, terms: $0) }
                ?? previous?.inputs[article.source]?.signature ?? .zero
            return (article.source, .init(id: article.id, content: content, signature: signature))
        }
        var inputs: [String: StoredClusters.Input]
        let holds: Bool
        let changed = unknown.compactMap(input)
        if let previous, changed.count == unknown.count,
           let known = previous.inputs(changing: Dictionary(changed, uniquingKeysWith: { _, last in last }), articleCount: articles.count) {
            // A rebuild: the other articles' records stand as stored.
            (inputs, holds) = known
        } else {
            // In parallel: a signature digests the article's terms (a tenth of the stage at 10k).
            inputs = Dictionary(Parallel.map(articles, input).compactMap { $0 }, uniquingKeysWith: { _, last in last })
            holds = previous.map { inputs.count == articles.count && $0.holds(for: inputs) } ?? false
        }
        if var previous, holds, let stories = previous.stories(from: articles) {
            // New content digests with the same signatures: remembered, so they are not counted again.
            if !unknown.isEmpty {
                previous.inputs = inputs
                unsaved = previous
            }
            report.reusedStories = true
            return stories
        }

        // Clustering again: an article whose terms are not stored is read in full to count them.
        let hasRecord = previous != nil
        let stored = cache.loadTerms(fingerprint: fingerprint.parse)
        let known = KnownTerms(contains: { fresh[$0.id] != nil || digests[$0.source].map(stored.contains) == true },
                               terms: { fresh[$0.id] ?? digests[$0.source].flatMap(stored.terms) })
        // Terms are saved as soon as counted, not held while the clusterer compares articles.
        let stories = clusterer.cluster(articles, knownTerms: known, reading: listings.full) { terms in
            var byDigest: [ContentDigest: ArticleTerms] = [:]
            for article in articles {
                guard let digest = digests[article.source], let articleTerms = terms[article.id] else { continue }
                byDigest[digest] = articleTerms
            }
            // With a last record, every input has its signature already (`input`: the new
            // articles' from their fresh terms, the others' kept with their content and id);
            // making them all again was a tenth of clustering.
            let signatures = hasRecord ? [] : Parallel.map(articles) { article -> (String, ContentDigest)? in
                guard let articleTerms = terms[article.id] else { return nil }
                return (article.source, StoredClusters.signature(of: article, terms: articleTerms))
            }
            for case let (source, signature)? in signatures { inputs[source]?.signature = signature }
            cache.saveTerms(byDigest, previous: stored, fingerprint: fingerprint.parse)
            stored.release()
        }
        unsaved = StoredClusters(stories: stories, inputs: inputs)
        return stories
    }

    /// Each story's comparison, from the store when its key is known (in full only where
    /// `needsFull`, else `.brief`), computed otherwise; and the store for the next build. With a
    /// cache, each shard of the store holding a computed story is written as soon as its stories
    /// are compared, on the core that compared them (`savedShards`), not after publishing on one.
    func compare(
        _ stories: [Story], keys: [String: ContentDigest], stored: [ContentDigest: BuildCache.StoredComparison],
        listings: Listings, needsFull: (Story) -> Bool, cache: BuildCache?, fingerprint: ContentDigest, report: inout BuildReport
    ) -> (comparisons: [String: StoryComparison], store: [ContentDigest: BuildCache.StoredComparison], savedShards: Set<Int>) {
        var comparisons: [String: StoryComparison] = [:]
        var store: [ContentDigest: BuildCache.StoredComparison] = [:]
        var missing: [Int: [Story]] = [:]
        var kept: [Int: [(ContentDigest, BuildCache.StoredComparison)]] = [:]
        for story in stories {
            let key = keys[story.id]!
            if let entry = stored[key], let cached = entry.comparison(needsFull(story) ? .full : .brief), cached.storyID == story.id {
                comparisons[story.id] = cached
                store[key] = entry
                kept[BuildCache.shard(of: key), default: []].append((key, entry))
            } else {
                missing[BuildCache.shard(of: key), default: []].append(story)
            }
        }
        // The costliest shards first (a story's work grows with its articles' pairs), so the last
        // ones running are short; the order changes no result.
        let cost = { (group: [Story]) in group.reduce(0) { $0 + $1.articles.count * $1.articles.count } }
        let shards = missing.map { (index: $0.key, stories: $0.value, cost: cost($0.value)) }
            .sorted { ($0.cost, $1.index) > ($1.cost, $0.index) }
        let comparator = StoryComparator(keepsSentences: listings.holdsEveryArticle), keptByShard = kept
        cache?.prepare()
        let computed = Parallel.map(shards) { shard -> [(key: ContentDigest, comparison: StoryComparison)] in
            let made = shard.stories.map { (key: keys[$0.id]!, comparison: comparator.compare(listings.full($0))) }
            let entries = made.map { ($0.key, BuildCache.StoredComparison($0.comparison)) }
            cache?.saveComparisonShard(shard.index, (keptByShard[shard.index] ?? []) + entries, fingerprint: fingerprint)
            return made
        }
        comparator.finish()
        for (key, comparison) in computed.joined() {
            comparisons[comparison.storyID] = comparison
            store[key] = BuildCache.StoredComparison(comparison)
        }
        report.storiesCompared = shards.reduce(0) { $0 + $1.stories.count }
        return (comparisons, store, cache == nil ? [] : Set(shards.map(\.index)))
    }

    /// `stories` compared on all cores, each read in full for it. The comparator compacts what
    /// it returns (held until rendering, holding no article body that was read back).
    static func compare(_ stories: [Story], listings: Listings) -> [StoryComparison] {
        let comparator = StoryComparator(keepsSentences: listings.holdsEveryArticle)
        defer { comparator.finish() }
        return Parallel.map(stories) { story in comparator.compare(listings.full(story)) }
    }

    func newManifest(
        scan: IncrementalIngest.Scan, report: BuildReport, published: SitePublisher.Published, previous: BuildManifest?,
        plan: OutputPlan, fingerprint: BuildFingerprint
    ) -> BuildManifest {
        var manifest = BuildManifest()
        manifest.siteFingerprint = fingerprint.site
        manifest.inputs = scan.inputs()
        manifest.summary = .init(briefings: report.briefings, stories: report.stories, articles: report.articles,
                                 outlets: report.outlets, diagnostics: report.diagnostics)
        manifest.outputDirectory = published.outputDirectory
        manifest.directories = published.directories
        manifest.storyEntries = plan.storyEntries
        manifest.spare = published.spare
        // The replaced stories.json, now the spare's, begins as the new one does.
        if plan.storiesJSONSharedStart > 0, let replaced = previous?.outputs[SitePaths.storiesJSON]?.stat {
            manifest.spare?.storiesJSON = .init(stat: replaced, count: plan.storiesJSONSharedStart)
        }
        for (path, entry) in published.outputs {
            // A carried file's digest is the one recorded when it was written.
            guard let digest = entry.digest ?? previous?.outputs[path]?.digest else { continue }
            manifest.outputs[path] = .init(digest: digest, stat: entry.stat, pageKey: plan.pageKeys[path] ?? .zero)
        }
        return manifest
    }
}

extension IncrementalIngest.Scan {
    /// Content digests by relative path, for story keys.
    func digestsBySource() -> [String: ContentDigest] {
        var digests: [String: ContentDigest] = [:]
        for (file, digest) in zip(listing.files, self.digests) { digests[file.relativePath] = digest }
        return digests
    }
}
