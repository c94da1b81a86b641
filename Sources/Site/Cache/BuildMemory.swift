import BriefingCore
import Ingest
import Rendering
import Synchronization

/// What a long-lived process (`briefing serve`) keeps of the build cache between its builds:
/// each store as the last build saved or read it, and the parsed templates, so a rebuild reads
/// none of them back from disk (at 10k articles, a fifth of a one-article rebuild).
///
/// The stores on disk stay the truth. Memory stands for them only while the manifest file is the
/// one this process last wrote or read: any other build of the same output (`briefing build` in
/// another terminal) rewrites or removes it, and then everything held here is dropped.
public final class BuildMemory: Sendable {
    struct Stores {
        /// The manifest file's stat when this process last wrote or read it.
        var manifestFile: FileStat?
        var manifest: BuildManifest?
        var articles: (fingerprint: ContentDigest, store: [String: BuildCache.StoredArticle])?
        var comparisons: (fingerprint: ContentDigest, store: [ContentDigest: BuildCache.StoredComparison])?
        var clusters: (fingerprint: ContentDigest, clusters: StoredClusters)?
        var templates: (fingerprint: ContentDigest, templates: TemplateSet)?
        /// The content files the last build found, for a rescan of only the edited ones.
        var listing: (contentDirectory: String, listing: ContentLoader.Listing)?
        /// What the last published build made, for a rebuild that patches it.
        var lastBuild: LastBuild?
    }

    /// The last published build's articles, stories and comparisons, as a rebuild of a few edited
    /// articles patches them (`SiteBuilder.patch`) instead of making them again from every article.
    struct LastBuild: Sendable {
        var fingerprint: ContentDigest
        var contentDirectory: String
        /// Its content digests by source; the articles, canonical order, and their indices by source.
        var digests: [String: ContentDigest]
        var articles: [Article]
        var positions: [String: Int]
        var listings: SiteBuilder.Listings
        /// Ingest's diagnostics only (the planner's warnings are made again).
        var diagnostics: [Diagnostic]
        var stories: [Story]
        /// Each source's story, as an index into `stories`.
        var storyOfSource: [String: Int]
        var keys: [String: ContentDigest]
        var comparisons: [String: StoryComparison]
        var briefings: [Briefing]
        var outlets: [OutletCoverage]
        /// Its sitemap's files: a patch that keeps every page and date carries them.
        var sitemap: [String]
    }

    private let stores = Mutex(Stores())

    public init() {}

    /// Between builds: hands the pages of everything the last build freed back to the system,
    /// once its background releases are done. A build trims between its stages, not after its
    /// end, so what it frees last stayed resident for the rest of the session: after a rebuild
    /// that clustered again, 100 MB at 10k articles and 700 MB at 100k.
    public func releaseFreedMemory() {
        BackgroundRelease.afterPendingReleases { BuildRun.releaseFreedMemory() }
    }

    /// The manifest, when the file at `path` is still the one this process knows; else nil, and
    /// nothing held is trusted any more: everything is dropped.
    func manifest(at path: String) -> BuildManifest? {
        let now = FileStat(path: path)
        return stores.withLock { stores in
            guard let known = stores.manifestFile, now == known else {
                stores = Stores()
                return nil
            }
            return stores.manifest
        }
    }

    /// After the manifest file at `path` was written (`manifest`) or read.
    func remember(_ manifest: BuildManifest?, at path: String) {
        let stat = FileStat(path: path)
        stores.withLock { stores in
            stores.manifestFile = stat
            stores.manifest = manifest
        }
    }

    /// After the manifest file was removed: a store written from here on matches no file the
    /// next build could compare, so they are dropped if it finds another manifest.
    func forgetManifest() {
        stores.withLock { stores in
            stores.manifestFile = nil
            stores.manifest = nil
        }
    }

    func articles(_ fingerprint: ContentDigest) -> [String: BuildCache.StoredArticle]? {
        stores.withLock { $0.articles?.fingerprint == fingerprint ? $0.articles?.store : nil }
    }

    func remember(articles: [String: BuildCache.StoredArticle], _ fingerprint: ContentDigest) {
        stores.withLock { $0.articles = (fingerprint, articles) }
    }

    func comparisons(_ fingerprint: ContentDigest) -> [ContentDigest: BuildCache.StoredComparison]? {
        stores.withLock { $0.comparisons?.fingerprint == fingerprint ? $0.comparisons?.store : nil }
    }

    func remember(comparisons: [ContentDigest: BuildCache.StoredComparison], _ fingerprint: ContentDigest) {
        stores.withLock { $0.comparisons = (fingerprint, comparisons) }
    }

    func clusters(_ fingerprint: ContentDigest) -> StoredClusters? {
        stores.withLock { $0.clusters?.fingerprint == fingerprint ? $0.clusters?.clusters : nil }
    }

    func remember(clusters: StoredClusters, _ fingerprint: ContentDigest) {
        stores.withLock { $0.clusters = (fingerprint, clusters) }
    }

    func listing(of contentDirectory: String) -> ContentLoader.Listing? {
        stores.withLock { $0.listing?.contentDirectory == contentDirectory ? $0.listing?.listing : nil }
    }

    func remember(listing: ContentLoader.Listing, of contentDirectory: String) {
        stores.withLock { $0.listing = (contentDirectory, listing) }
    }

    /// The last build, taken out: a patch changes it in place (held here too, every array and
    /// dictionary in it would be copied on the first change). The build remembers its own.
    func takeLastBuild(_ fingerprint: ContentDigest, contentDirectory: String) -> LastBuild? {
        stores.withLock { stores in
            guard let last = stores.lastBuild, last.fingerprint == fingerprint, last.contentDirectory == contentDirectory else { return nil }
            stores.lastBuild = nil
            return last
        }
    }

    /// Whether the next rebuild of a few edits can patch a last build (`briefing serve`'s warm-up).
    public var holdsLastBuild: Bool {
        stores.withLock { $0.lastBuild != nil }
    }

    /// After a build was published and its cache saved (nil: nothing to patch next time).
    func remember(lastBuild: LastBuild?) {
        stores.withLock { $0.lastBuild = lastBuild }
    }

    /// Templates parsed for the site fingerprint (which digests every template file).
    func templates(_ fingerprint: ContentDigest) -> TemplateSet? {
        stores.withLock { $0.templates?.fingerprint == fingerprint ? $0.templates?.templates : nil }
    }

    func remember(templates: TemplateSet, _ fingerprint: ContentDigest) {
        stores.withLock { $0.templates = (fingerprint, templates) }
    }
}
