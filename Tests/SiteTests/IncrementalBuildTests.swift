import Foundation
import Testing
import TestSupport
@testable import Site

/// The build cache: a rebuild does only what changed, and its site is byte for byte the one
/// a full build without any cache gives.
@Suite struct IncrementalBuildTests {
    /// A fresh site plus a full, cache-free build of the same content to compare with.
    func site(articles: Int = 24) throws -> TemporaryDirectory {
        let dir = TemporaryDirectory()
        writeGeneratedSite(into: dir, articles: articles)
        _ = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        return dir
    }

    func expectSameAsFullBuild(_ dir: TemporaryDirectory, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        var options = generatedSiteOptions(dir, output: "reference")
        options.usesCache = false
        _ = try SiteBuilder(options: options).build()
        let built = fileTree(dir.appending("public")), reference = fileTree(dir.appending("reference"))
        #expect(built.keys.sorted() == reference.keys.sorted(), sourceLocation: sourceLocation)
        for (path, bytes) in reference where built[path] != bytes {
            Issue.record("\(path) differs from a full build", sourceLocation: sourceLocation)
        }
        try FileManager.default.removeItem(at: dir.appending("reference"))
    }

    @Test func fullBuildReadingEveryArticleBackMatchesOneHoldingThem() throws {
        let dir = TemporaryDirectory()
        writeGeneratedSite(into: dir, articles: 24)
        var options = generatedSiteOptions(dir)
        options.heldContentBytes = 0  // every article a listing once its shard is saved
        let report = try SiteBuilder(options: options).build()
        #expect(report.filesParsed == 24)
        try expectSameAsFullBuild(dir)
    }

    @Test func noChangeRebuildWritesZeroFiles() throws {
        let dir = try site()
        let before = fileIdentities(dir.appending("public"))
        let report = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        #expect(report.wasUnchanged)
        #expect(report.filesWritten == 0)
        #expect(report.articles == 24)
        #expect(fileIdentities(dir.appending("public")) == before)
    }

    @Test func noChangeRebuildRepeatsTheDiagnostics() throws {
        let dir = try site()
        dir.write("content/2026-04-01/broken.md", "---\ntitle: \"x\n---\nBody.\n")
        let first = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        let second = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        #expect(first.errorCount == 1)
        #expect(second.wasUnchanged)
        #expect(second.diagnostics == first.diagnostics)
    }

    @Test func oneChangedArticleIsTheOnlyOneParsed() throws {
        let dir = try site()
        let path = "content/2026-04-01/north-wire-0-0.md"
        let text = try #require(dir.read(path))
        dir.write(path, text + "\nThe harbour reopened at noon, the council said later.\n")
        let before = fileIdentities(dir.appending("public"))
        let report = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        #expect(report.filesParsed == 1)
        #expect(report.storiesCompared == 1)
        #expect(report.filesWritten > 0)
        let after = fileIdentities(dir.appending("public"))
        let rewritten = after.filter { before[$0.key] != $0.value }.count
        #expect(rewritten == report.filesWritten)
        #expect(rewritten < after.count / 2, "rewrote \(rewritten) of \(after.count)")
        try expectSameAsFullBuild(dir)
    }

    @Test func editBelowTheClusteredSentencesKeepsTheStories() throws {
        let dir = try site()
        // The clusterer reads the headline and first sentence only: a later edit changes no term.
        dir.write("briefing.yml", "title: \"Edits\"\nclustering:\n  max_sentences: 1\n")
        _ = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        let path = "content/2026-04-01/north-wire-0-0.md"
        dir.write(path, try #require(dir.read(path)) + "\nThe harbour reopened at noon, the council said later.\n")
        let before = fileIdentities(dir.appending("public"))
        let report = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        #expect(report.reusedStories)
        #expect(report.storiesCompared == 1)
        // Pages keyed by what they show, none of which changed, are carried over.
        let after = fileIdentities(dir.appending("public"))
        for page in [SitePaths.archiveFile, SitePaths.outletsFile, SitePaths.notFoundFile] {
            #expect(after[page] != nil && after[page] == before[page], "\(page) was written again")
        }
        try expectSameAsFullBuild(dir)
    }

    @Test func headlineEditClustersAgain() throws {
        let dir = try site()
        let path = "content/2026-04-01/north-wire-0-0.md"
        let text = try #require(dir.read(path))
        let title = try #require(text.split(separator: "\n").first { $0.hasPrefix("title:") })
        dir.write(path, text.replacingOccurrences(of: title, with: "title: \"Lighthouse relit on the old quay\""))
        let report = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        #expect(!report.reusedStories)
        try expectSameAsFullBuild(dir)
        dir.write(path, text)
        #expect(!(try SiteBuilder(options: generatedSiteOptions(dir)).build().reusedStories))
        try expectSameAsFullBuild(dir)
    }

    @Test func removedAndAddedArticlesMatchAFullBuild() throws {
        let dir = try site()
        try FileManager.default.removeItem(at: dir.appending("content/2026-04-01/north-wire-0-0.md"))
        dir.write("content/2026-04-03/new-outlet-1.md", "---\ntitle: \"Lighthouse relit\"\noutlet: \"New Outlet\"\n---\nThe old lighthouse was relit on Friday.\n")
        let report = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        #expect(report.filesParsed == 1)
        try expectSameAsFullBuild(dir)
    }

    @Test func aNewDayReachesTheDayPagesNearIt() throws {
        let dir = try site()
        dir.write("content/2026-04-09/north-wire-late.md", "---\ntitle: \"Lighthouse relit\"\noutlet: \"North Wire\"\n---\nThe old lighthouse was relit on Thursday.\n")
        let report = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        #expect(report.filesParsed == 1)
        #expect(dir.read("public/2026-04-01/index.html")?.contains("2026-04-09") == true)
        try expectSameAsFullBuild(dir)
    }

    /// A day page lists the days within `nearbyRadius` of it, so a new day rewrites those pages,
    /// not every day's (each listing every day made the daily build quadratic in the site's age).
    @Test func aNewDayLeavesDistantDayPagesAsTheyWere() throws {
        let dir = TemporaryDirectory()
        func writeDay(_ day: Int) {
            let iso = "2026-05-\(day < 10 ? "0" : "")\(day)"
            dir.write("content/\(iso)/north-wire.md", """
                ---
                title: "Tide table \(day) posted"
                outlet: "North Wire"
                ---
                The harbour office posted tide table \(day) on day \(day) of the month.
                """)
        }
        for day in 1...12 { writeDay(day) }
        _ = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        let first = try #require(dir.read("public/2026-05-01/index.html"))
        #expect(first.contains("href=\"../2026-05-08/index.html\""), "seven days either side are listed")
        #expect(!first.contains("2026-05-09/index.html"), "days further away are not")
        #expect(first.contains("href=\"../archive/index.html\""))

        let before = fileIdentities(dir.appending("public"))
        writeDay(13)
        _ = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        let after = fileIdentities(dir.appending("public"))
        let days = (1...12).map { "2026-05-\($0 < 10 ? "0" : "")\($0)/index.html" }
        let rewritten = days.filter { after[$0] != before[$0] }
        #expect(rewritten == Array(days[5...]), "the pages within seven days of the new one, and no others")
        #expect(dir.read("public/2026-05-06/index.html")?.contains("href=\"../2026-05-13/index.html\"") == true)
        #expect(dir.read("public/archive/index.html")?.contains("href=\"../2026-05-13/index.html\"") == true)
        try expectSameAsFullBuild(dir)
    }

    @Test func templateChangeRerendersWithoutReparsing() throws {
        let dir = try site()
        let templates = dir.appending("templates")
        try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
        var options = generatedSiteOptions(dir)
        options.templatesDirectory = templates.path
        _ = try SiteBuilder(options: options).build()
        let css = templates.appendingPathComponent("static/style.css")
        try (String(contentsOf: css, encoding: .utf8) + "\n/* changed */\n").write(to: css, atomically: false, encoding: .utf8)
        let report = try SiteBuilder(options: options).build()
        #expect(!report.wasUnchanged)
        #expect(report.filesParsed == 0)
        #expect(report.filesWritten == 1)
        #expect(dir.read("public/style.css")?.hasSuffix("/* changed */\n") == true)
    }

    @Test func sameSizeRewriteRightAfterABuildIsSeen() throws {
        let dir = try site()
        let path = "content/2026-04-01/north-wire-0-0.md"
        let text = try #require(dir.read(path))
        // Same length, written within the same second as the build: its stat cannot be trusted.
        dir.write(path, text.replacingOccurrences(of: "residents", with: "RESIDENTS"))
        let report = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        #expect(!report.wasUnchanged)
        #expect(report.filesParsed == 1)
        try expectSameAsFullBuild(dir)
    }

    @Test func handEditedOutputIsRepaired() throws {
        let dir = try site()
        let expected = fileTree(dir.appending("public"))
        dir.write("public/index.html", "defaced")
        dir.write("public/stories/extra.html", "not ours")
        let report = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        #expect(!report.wasUnchanged)
        #expect(fileTree(dir.appending("public")) == expected)
    }

    /// Overwrites `relative` through its own inode, so no folder's mtime changes.
    func defaceInPlace(_ relative: String, in dir: TemporaryDirectory) throws {
        let handle = try #require(FileHandle(forWritingAtPath: dir.appending(relative).path))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data("defaced".utf8))
        try handle.close()
    }

    @Test(arguments: [false, true]) func filesEditedInPlaceAreRepairedByAChangedBuild(recyclingASpare: Bool) throws {
        let dir = try site()
        if recyclingASpare {
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: dir.appending("content/2026-04-02").path).sorted().first)
            let other = "content/2026-04-02/" + name
            dir.write(other, try #require(dir.read(other)) + "\nA correction was issued in the evening.\n")
            _ = try SiteBuilder(options: generatedSiteOptions(dir)).build()
            #expect(FileManager.default.fileExists(atPath: dir.appending(".public.briefing-cache/site").path))
        }
        let pages = fileTree(dir.appending("public")).keys.filter { $0.hasSuffix(".html") || $0.hasSuffix(".json") }
        for page in pages { try defaceInPlace("public/" + page, in: dir) }
        let path = "content/2026-04-01/north-wire-0-0.md"
        dir.write(path, try #require(dir.read(path)) + "\nThe harbour reopened at noon, the council said later.\n")
        _ = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        try expectSameAsFullBuild(dir)
    }

    @Test func fileEditedInPlaceIsRepairedWhenNothingElseChanged() throws {
        let dir = try site()
        let expected = fileTree(dir.appending("public"))
        let story = try #require(expected.keys.sorted().first { $0.hasPrefix("stories/") })
        try defaceInPlace("public/" + story, in: dir)
        let report = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        #expect(!report.wasUnchanged)
        #expect(fileTree(dir.appending("public")) == expected)
    }

    @Test func replacedOutputFolderIsRebuilt() throws {
        let dir = try site()
        let expected = fileTree(dir.appending("public"))
        try FileManager.default.removeItem(at: dir.appending("public"))
        try FileManager.default.createDirectory(at: dir.appending("public"), withIntermediateDirectories: true)
        let report = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        #expect(!report.wasUnchanged)
        #expect(fileTree(dir.appending("public")) == expected)
    }

    enum Damage: String, CaseIterable, Sendable {
        case deleted, truncated, flippedByte, otherVersion, emptied
    }

    /// Damages `file` (for the sharded stores: every shard of it).
    func damage(_ file: String, _ damage: Damage, in dir: TemporaryDirectory) throws {
        let cache = dir.appending(".public.briefing-cache")
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.path)
            .filter { $0 == file || $0.hasPrefix(file + "-") }
        #expect(!names.isEmpty)
        for name in names {
            let path = cache.appendingPathComponent(name).path
            var bytes = try #require(FileManager.default.contents(atPath: path)).map { $0 }
            let relative = ".public.briefing-cache/\(name)"
            switch damage {
            case .deleted: try FileManager.default.removeItem(atPath: path)
            case .truncated: dir.write(relative, bytes: Array(bytes.prefix(bytes.count * 2 / 3)))
            case .emptied: dir.write(relative, bytes: [])
            case .flippedByte:
                bytes[bytes.count / 2] ^= 0x20
                dir.write(relative, bytes: bytes)
            case .otherVersion:
                // A well-formed file of a future format: the version after the magic, header digest redone.
                var header = BinaryReader(bytes, offset: CacheFile.magic.count)
                _ = try header.unsigned()
                _ = try header.string()
                _ = try header.digest()
                _ = try header.array { (r: inout BinaryReader) throws(BinaryReader.CacheCorrupt) in try r.fixed() }
                let end = header.offset
                bytes[CacheFile.magic.count] = 99
                var digest = BinaryWriter()
                digest.digest(ContentDigest(Array(bytes[..<end])))
                bytes.replaceSubrange(end..<end + 16, with: digest.bytes)
                dir.write(relative, bytes: bytes)
            }
        }
    }

    @Test(arguments: ["manifest", "articles", "terms", "comparisons", "clusters"], Damage.allCases)
    func damagedCacheMeansAFullBuild(file: String, damage: Damage) throws {
        let dir = try site()
        try self.damage(file, damage, in: dir)
        // Change one article too, so the damaged store would matter if it were believed.
        let article = "content/2026-04-02/bay-daily-1-0.md"
        if let text = dir.read(article) { dir.write(article, text.replacingOccurrences(of: "residents", with: "people")) }
        let report = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        #expect(!report.wasUnchanged)
        // A damaged header or section 0 means no store at all; a damaged section 1 (article bodies,
        // comparison details) only the entries read from it, which are made again.
        if file == "articles", damage != .flippedByte { #expect(report.filesParsed == report.articles) }
        if file == "comparisons", damage != .flippedByte { #expect(report.storiesCompared == report.stories) }
        try expectSameAsFullBuild(dir)
        #expect(try SiteBuilder(options: generatedSiteOptions(dir)).build().wasUnchanged)
    }

    @Test func oneChangedArticleRewritesOneShard() throws {
        let dir = try site(articles: 40)
        let cache = dir.appending(".public.briefing-cache")
        let before = fileIdentities(cache)
        let path = "content/2026-04-01/north-wire-0-0.md"
        dir.write(path, (dir.read(path) ?? "") + "\nA late line.\n")
        _ = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        let changed = fileIdentities(cache).filter { before[$0.key] != $0.value }.keys.sorted()
        #expect(changed.filter { $0.hasPrefix("articles-") }.count == 1, "\(changed)")
        // The old version's terms leave one shard, the new version's join one.
        #expect((1...2).contains(changed.filter { $0.hasPrefix("terms-") }.count), "\(changed)")
        #expect(changed.contains("manifest"))
    }

    /// Shards holding a compared story are written while comparing, the others that changed after
    /// publishing: together they drop the edited story's old entry and add its new one.
    @Test func comparisonStoreHoldsOneEntryPerStoryAfterARebuild() throws {
        let dir = try site(articles: 40)
        let path = "content/2026-04-01/north-wire-0-0.md"
        dir.write(path, (dir.read(path) ?? "") + "\nA late line.\n")
        let options = generatedSiteOptions(dir)
        let report = try SiteBuilder(options: options).build()
        let fingerprint = BuildFingerprint(options: options, contentDisplayRoot: options.contentDirectory,
                                           environment: ProcessInfo.processInfo.environment)
        let stored = BuildCache(outputDirectory: URL(fileURLWithPath: options.outputDirectory)).loadComparisons(fingerprint: fingerprint.parse)
        #expect(report.storiesCompared >= 1)
        #expect(stored.count == report.stories)
    }

    @Test func configChangeReparsesEverything() throws {
        let dir = try site()
        dir.write("briefing.yml", "title: \"Another Title\"\n")
        let report = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        #expect(report.filesParsed == report.articles)
        #expect(dir.read("public/index.html")?.contains("Another Title") == true)
        try expectSameAsFullBuild(dir)
    }
}
