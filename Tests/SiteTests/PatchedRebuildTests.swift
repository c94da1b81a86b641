import Foundation
import Testing
import TestSupport
@testable import Site

/// `briefing serve` patches its last build with edits that leave each article where it was
/// and reading the same to the clusterer (`SiteBuilder.patch`); other edits take the full way.
/// Either way the site is what a full build makes.
extension IncrementalBuildTests {
    /// A site whose first article runs past the sentences clustering reads, built once with
    /// `memory`; returns that article's path.
    func longArticleSite(memory: BuildMemory) throws -> (TemporaryDirectory, String) {
        let dir = TemporaryDirectory()
        let long = try #require(writeGeneratedSite(into: dir, articles: 24).first)
        // With a sitemap, which a patch carries over.
        dir.write("briefing.yml", "title: \"Patches\"\nbaseURL: \"https://news.example/\"\n")
        let filler = (1...30).map { "Crews logged inspection number \($0) along the harbour wall." }
        dir.write(long, try #require(dir.read(long)) + "\n" + filler.joined(separator: " ") + "\n")
        _ = try servedBuild(dir, memory: memory, changed: nil)
        return (dir, long)
    }

    /// A build as `briefing serve` makes it after its watcher reported `changed`.
    func servedBuild(_ dir: TemporaryDirectory, memory: BuildMemory, changed: [String]?) throws -> BuildReport {
        var builder = SiteBuilder(options: generatedSiteOptions(dir), memory: memory)
        builder.changedPaths = changed?.map { dir.appending($0).path }
        return try builder.build()
    }

    func edit(_ path: String, in dir: TemporaryDirectory, replacing old: String, with new: String) throws {
        let text = try #require(dir.read(path))
        #expect(text.contains(old))
        dir.write(path, text.replacingOccurrences(of: old, with: new))
    }

    @Test func lateEditsPatchTheLastBuild() throws {
        let memory = BuildMemory()
        let (dir, long) = try longArticleSite(memory: memory)
        for (n, revision) in ["revised", "revised twice"].enumerated() {
            try edit(long, in: dir, replacing: "number \(28 - n) along", with: "number \(28 - n) (\(revision)) along")
            let report = try servedBuild(dir, memory: memory, changed: [long])
            #expect(report.patchedLastBuild)
            #expect(report.filesParsed == 1)
            #expect(report.storiesCompared == 1)
            #expect(report.articles == 24)
            try expectSameAsFullBuild(dir)
        }
    }

    @Test func editsThatMoveAnArticleOrChangeItsClusteringAreNotPatched() throws {
        let memory = BuildMemory()
        let (dir, long) = try longArticleSite(memory: memory)
        let edits: [(why: String, old: String, new: String, patched: Bool)] = [
            ("read by the clusterer: the headline", "title: \"", "title: \"Update: ", false),
            ("another time the same day: the sitemap's and feeds' dates", "T06:00:00Z", "T06:30:00Z", false),
            ("another day: canonical order and briefings", "published: 2026-04-01", "published: 2026-04-02", false),
            ("another outlet", "outlet: \"", "outlet: \"The ", false),
            ("nothing moves: patched again", "number 27 along", "number 27 (revised) along", true),
        ]
        for (why, old, new, patched) in edits {
            try edit(long, in: dir, replacing: old, with: new)
            #expect(try servedBuild(dir, memory: memory, changed: [long]).patchedLastBuild == patched, "\(why)")
            try expectSameAsFullBuild(dir)
        }
    }

    @Test func aFileWithErrorsIsNotPatchedInOrOut() throws {
        let memory = BuildMemory()
        let (dir, long) = try longArticleSite(memory: memory)
        let text = try #require(dir.read(long))
        dir.write(long, text.replacingOccurrences(of: "outlet:", with: "outlet_missing:"))
        let broken = try servedBuild(dir, memory: memory, changed: [long])
        #expect(!broken.patchedLastBuild)
        #expect(broken.errorCount + broken.warningCount > 0)
        try expectSameAsFullBuild(dir)
        dir.write(long, text)
        let repaired = try servedBuild(dir, memory: memory, changed: [long])
        #expect(!repaired.patchedLastBuild)
        #expect(repaired.errorCount == 0)
        try expectSameAsFullBuild(dir)
    }

    @Test func theCommandLineNeverPatches() throws {
        let memory = BuildMemory()
        let (dir, long) = try longArticleSite(memory: memory)
        try edit(long, in: dir, replacing: "number 28 along", with: "number 28 (revised) along")
        // Without the watcher's report, every file is looked at: the full way.
        #expect(try !servedBuild(dir, memory: memory, changed: nil).patchedLastBuild)
        try expectSameAsFullBuild(dir)
    }
}
