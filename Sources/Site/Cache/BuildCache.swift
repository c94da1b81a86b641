import BriefingCore
import Foundation
import Ingest

/// The incremental-build cache: a folder `.<output>.briefing-cache` beside the output folder (not
/// inside it, so it is never served, and not under `.build`, so it follows the site). Three
/// files, each checked on its own (`CacheFile`): `manifest` (stats and digests of inputs and
/// outputs), `articles` (each file's parse outcome by path and digest) and `comparisons` (by story
/// key). Entries are keyed by content, so any mix of old and new files is still correct.
struct BuildCache: Sendable {
    let directory: String

    init(outputDirectory: URL) {
        let output = outputDirectory.standardizedFileURL
        directory = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).briefing-cache").path
    }

    struct StoredArticle: Sendable {
        var digest: ContentDigest
        var outcome: ContentLoader.FileOutcome
    }

    private var manifestPath: String { directory + "/manifest" }
    private var articlesPath: String { directory + "/articles" }
    private var comparisonsPath: String { directory + "/comparisons" }

    func loadManifest() -> BuildManifest? {
        guard var reader = CacheFile.read(manifestPath, kind: "manifest", fingerprint: .zero) else { return nil }
        return try? BuildManifest(from: &reader)
    }

    func loadArticles(fingerprint: ContentDigest) -> [String: StoredArticle] {
        guard var r = CacheFile.read(articlesPath, kind: "articles", fingerprint: fingerprint),
              let list = try? r.array({ (r: inout BinaryReader) throws(BinaryReader.CacheCorrupt) in
                  let path = try r.string()
                  let digest = try r.digest()
                  return (path, StoredArticle(digest: digest, outcome: try r.outcome()))
              }), r.isAtEnd
        else { return [:] }
        return Dictionary(list, uniquingKeysWith: { a, _ in a })
    }

    func loadComparisons(fingerprint: ContentDigest) -> [ContentDigest: StoryComparison] {
        guard var r = CacheFile.read(comparisonsPath, kind: "comparisons", fingerprint: fingerprint),
              let list = try? r.array({ (r: inout BinaryReader) throws(BinaryReader.CacheCorrupt) in
                  let key = try r.digest()
                  return (key, try r.comparison())
              }), r.isAtEnd
        else { return [:] }
        return Dictionary(list, uniquingKeysWith: { a, _ in a })
    }

    func saveArticles(_ articles: [String: StoredArticle], fingerprint: ContentDigest) {
        prepare()
        CacheFile.write(articlesPath, kind: "articles", fingerprint: fingerprint) { w in
            w.array(articles.sorted { $0.key < $1.key }) { w, entry in
                w.string(entry.key)
                w.digest(entry.value.digest)
                w.outcome(entry.value.outcome)
            }
        }
    }

    func saveComparisons(_ comparisons: [ContentDigest: StoryComparison], fingerprint: ContentDigest) {
        prepare()
        CacheFile.write(comparisonsPath, kind: "comparisons", fingerprint: fingerprint) { w in
            w.array(comparisons.sorted { ($0.key.high, $0.key.low) < ($1.key.high, $1.key.low) }) { w, entry in
                w.digest(entry.key)
                w.comparison(entry.value)
            }
        }
    }

    /// Written last, after the site is switched in: a build killed before this leaves a manifest
    /// describing the previous output, which no longer matches the folder's stat.
    func saveManifest(_ manifest: BuildManifest) {
        prepare()
        CacheFile.write(manifestPath, kind: "manifest", fingerprint: .zero) { manifest.encode(into: &$0) }
    }

    /// Before publishing: a manifest must never outlive the output it describes.
    func invalidateManifest() { unlink(manifestPath) }

    private func prepare() {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }
}
