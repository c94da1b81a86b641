import Foundation
import Testing
import TestSupport
@testable import Site

/// The replaced site is kept in the cache and recycled into the next staging folder: the site
/// built from it is byte for byte a full build's, whatever changed and whatever was found there.
extension IncrementalBuildTests {
    func appendLine(_ dir: TemporaryDirectory, _ path: String, _ line: String) throws {
        dir.write(path, try #require(dir.read(path)) + "\n\(line)\n")
    }

    func inode(_ url: URL) -> UInt64? { FileStat(path: url.path)?.inode }

    @Test func recycledSpareGivesAFullBuildsSiteEveryTime() throws {
        let dir = try site()
        let spare = dir.appending(".public.briefing-cache/site")
        let first = "content/2026-04-01/north-wire-0-0.md"
        let edits: [(String, () throws -> Void)] = [
            ("appended line", { try self.appendLine(dir, first, "The harbour reopened at noon.") }),
            ("another line", { try self.appendLine(dir, first, "Ferries ran late into the evening.") }),
            ("removed article", { try FileManager.default.removeItem(at: dir.appending("content/2026-04-02/bay-daily-1-0.md")) }),
            ("new day", { dir.write("content/2026-04-05/new-outlet-1.md", "---\ntitle: \"Lighthouse relit\"\noutlet: \"New Outlet\"\n---\nThe old lighthouse was relit on Friday.\n") }),
            ("new headline", {
                let text = try #require(dir.read(first))
                let title = try #require(text.split(separator: "\n").first { $0.hasPrefix("title:") })
                dir.write(first, text.replacingOccurrences(of: title, with: "title: \"Quay reopens after the fire\""))
            }),
        ]
        var recycled = 0
        for (name, edit) in edits {
            try edit()
            let spareStories = inode(spare.appendingPathComponent("stories"))
            let report = try SiteBuilder(options: generatedSiteOptions(dir)).build()
            #expect(!report.wasUnchanged, "\(name)")
            // A recycled spare becomes the live site: its folders go live with it.
            if let spareStories, inode(dir.appending("public/stories")) == spareStories { recycled += 1 }
            #expect(FileManager.default.fileExists(atPath: spare.path), "\(name)")
            try expectSameAsFullBuild(dir)
        }
        #expect(recycled >= edits.count - 1)
    }

    @Test func strayFileInTheSpareIsNeverPublished() throws {
        let dir = try site()
        let first = "content/2026-04-01/north-wire-0-0.md"
        try appendLine(dir, first, "The harbour reopened at noon.")
        _ = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        dir.write(".public.briefing-cache/site/stories/stray.html", "stray")
        try appendLine(dir, first, "Ferries ran late into the evening.")
        _ = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        #expect(!dir.exists("public/stories/stray.html"))
        try expectSameAsFullBuild(dir)
    }

    /// A full build over a site the cache knows nothing of (no cache) keeps that site as the
    /// spare instead of removing it, and the next rebuild recycles it.
    @Test func aSiteFoundWithoutACacheBecomesTheSpare() throws {
        let dir = try site()
        let cache = dir.appending(".public.briefing-cache")
        try FileManager.default.removeItem(at: cache)
        let replacedStories = inode(dir.appending("public/stories"))
        _ = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        #expect(replacedStories != nil && inode(cache.appendingPathComponent("site/stories")) == replacedStories)
        try appendLine(dir, "content/2026-04-01/north-wire-0-0.md", "The harbour reopened at noon.")
        _ = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        #expect(inode(dir.appending("public/stories")) == replacedStories, "the spare was recycled")
        try expectSameAsFullBuild(dir)
    }

    /// Removed lines are held and reported only for a build that lists them (`--verbose`);
    /// the store keeps them either way, so such a build lists them from the cache too.
    @Test func removedLinesAreHeldOnlyWhenListed() throws {
        let dir = TemporaryDirectory()
        writeGeneratedSite(into: dir, articles: 6)
        dir.write("content/2026-04-01/noisy.md", "---\ntitle: \"Quay reopens\"\noutlet: \"Gull Gazette\"\n---\nThe quay reopened on Monday.\n\nSign up for our newsletter\n")
        #expect(try SiteBuilder(options: generatedSiteOptions(dir)).build().removed.isEmpty)
        var verbose = generatedSiteOptions(dir)
        verbose.reportsRemovedLines = true
        let listed = try SiteBuilder(options: verbose).build()
        #expect(listed.wasUnchanged && listed.removed.map(\.text) == ["Sign up for our newsletter"])
        try FileManager.default.removeItem(at: dir.appending(".public.briefing-cache"))
        #expect(try SiteBuilder(options: verbose).build().removed.map(\.location.line) == [7])
    }

    /// Without a manifest the scan only stats; each file is hashed as it is read for ingest, and
    /// the article store still serves every unchanged one. The manifest written then has every
    /// digest: the next build finds nothing changed.
    @Test func withoutAManifestFilesAreHashedOnceAndTheStoreStillServes() throws {
        let dir = try site()
        try FileManager.default.removeItem(at: dir.appending(".public.briefing-cache/manifest"))
        let rebuilt = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        #expect(rebuilt.filesParsed == 0 && !rebuilt.wasUnchanged)
        try expectSameAsFullBuild(dir)
        #expect(try SiteBuilder(options: generatedSiteOptions(dir)).build().wasUnchanged)
    }

    @Test func spareWithoutARecordIsThrownAway() throws {
        let dir = try site()
        try appendLine(dir, "content/2026-04-01/north-wire-0-0.md", "The harbour reopened at noon.")
        _ = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        // Without the manifest nothing vouches for the spare (or the live site).
        try FileManager.default.removeItem(at: dir.appending(".public.briefing-cache/manifest"))
        dir.write(".public.briefing-cache/site/stray.html", "stray")
        _ = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        #expect(!dir.exists("public/stray.html"))
        #expect(!dir.exists(".public.briefing-cache/site/stray.html"))
        try expectSameAsFullBuild(dir)
    }

    /// Pages are staged as they render, recycling the spare: a build failing after that (here
    /// `--strict` with a warning) leaves the live site, and the cache still vouches for it.
    @Test func buildFailingAfterStagingKeepsTheSiteAndTheCache() throws {
        let dir = try site()
        try appendLine(dir, "content/2026-04-01/north-wire-0-0.md", "The harbour reopened at noon.")
        _ = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        #expect(dir.exists(".public.briefing-cache/site"))
        let before = fileTree(dir.appending("public"))
        dir.write("content/2026-04-03/late-wire-1.md",
                  "---\ntitle: \"Late\"\noutlet: \"Late Wire\"\nurl: \"ftp://late.example/1\"\n---\nA late report arrived.\n")
        var strict = generatedSiteOptions(dir)
        strict.strict = true
        #expect(throws: BuildFailure.self) { try SiteBuilder(options: strict).build() }
        #expect(fileTree(dir.appending("public")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).allSatisfy { !$0.contains("staging") })
        #expect(dir.exists(".public.briefing-cache/manifest"), "the manifest vouches for the live site again")
        let report = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        #expect(report.filesParsed == 0, "the failed build's parse was kept: it depends on content alone")
        try expectSameAsFullBuild(dir)
    }
}


/// `stories.json` is written over the spare's old copy, leaving the first bytes it shares with
/// the live one, only when that copy is the spare's own and as recorded.
extension IncrementalBuildTests {
    func storiesJSONRecord(_ dir: TemporaryDirectory) throws -> SpareSite.SharedStart? {
        let cache = BuildCache(outputDirectory: dir.appending("public"))
        return try #require(cache.loadManifest()).spare?.storiesJSON
    }

    @Test func storiesJSONIsWrittenOverTheSpareCopyLeavingWhatItShares() throws {
        let dir = try site()
        let spareJSON = dir.appending(".public.briefing-cache/site/stories.json")
        // Edits to the last day's stories, whose entries end the file: most of it is shared.
        let late = "content/2026-04-04/ridge-times-3-0.md"
        #expect(dir.exists(late))
        for (step, line) in ["The ferry ran again at dusk.", "Crews checked the hull twice.", "Tickets were refunded."].enumerated() {
            let replaced = inode(spareJSON)
            try appendLine(dir, late, line)
            _ = try SiteBuilder(options: generatedSiteOptions(dir)).build()
            try expectSameAsFullBuild(dir)
            if step > 0 {
                #expect(replaced != nil && inode(dir.appending("public/stories.json")) == replaced, "written over the spare's copy")
            }
            let shared = try #require(try storiesJSONRecord(dir), "step \(step)")
            #expect(shared.count > 0 && shared.stat.inode == inode(spareJSON))
        }
    }

    @Test func aSpareStoriesJSONSharedOrChangedIsNeverTrusted() throws {
        let dir = try site()
        let first = "content/2026-04-01/north-wire-0-0.md"
        try appendLine(dir, first, "The harbour reopened at noon.")
        _ = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        let spareJSON = dir.appending(".public.briefing-cache/site/stories.json")
        // Another name for the spare's copy: never written through.
        let elsewhere = dir.appending("elsewhere.json")
        try FileManager.default.linkItem(at: spareJSON, to: elsewhere)
        let before = try Data(contentsOf: elsewhere)
        try appendLine(dir, first, "Ferries ran late into the evening.")
        _ = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        #expect(try Data(contentsOf: elsewhere) == before)
        try expectSameAsFullBuild(dir)
        // The spare's copy changed after it was recorded: its first bytes are not kept.
        try FileManager.default.removeItem(at: elsewhere)
        let handle = try FileHandle(forWritingTo: spareJSON)
        try handle.write(contentsOf: Data("{\"stories\":[]}   ".utf8))
        try handle.close()
        try appendLine(dir, first, "Crews worked through the night.")
        _ = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        try expectSameAsFullBuild(dir)
    }
}
