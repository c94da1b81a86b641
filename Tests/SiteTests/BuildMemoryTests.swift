import Foundation
import Synchronization
import Testing
import TestSupport
@testable import Site

/// `briefing serve` keeps the cache's stores in memory between builds (`BuildMemory`).
extension IncrementalBuildTests {
    func correct(_ path: String, in dir: TemporaryDirectory, _ sentence: String) throws {
        dir.write(path, try #require(dir.read(path)) + "\n\(sentence)\n")
    }

    func contentFiles(_ dir: TemporaryDirectory) -> [String] {
        fileTree(dir.appending("content")).keys.filter { $0.hasSuffix(".md") }.sorted().map { "content/" + $0 }
    }

    /// A site, then one correction to `files[first]` built with a fresh memory (which fills it).
    func siteBuiltWithMemory(correcting first: Int) throws -> (TemporaryDirectory, BuildMemory, [String]) {
        let dir = try site()
        let memory = BuildMemory()
        let files = contentFiles(dir)
        try correct(files[first], in: dir, "The ferry resumed service on Friday, the operator said.")
        _ = try SiteBuilder(options: generatedSiteOptions(dir), memory: memory).build()
        return (dir, memory, files)
    }

    @Test func rebuildsFromMemoryReadNoStoreFromDisk() throws {
        let (dir, memory, files) = try siteBuiltWithMemory(correcting: 0)
        // Stores gone from disk: a build reading them would parse every file again.
        let cache = dir.appending(".public.briefing-cache")
        for name in try FileManager.default.contentsOfDirectory(atPath: cache.path)
        where name.hasPrefix("articles-") || name.hasPrefix("comparisons-") || name == "clusters" {
            try FileManager.default.removeItem(at: cache.appendingPathComponent(name))
        }
        try correct(files[5], in: dir, "Repairs were finished ahead of schedule, the council said.")
        let report = try SiteBuilder(options: generatedSiteOptions(dir), memory: memory).build()
        #expect(report.filesParsed == 1)
        #expect(report.storiesCompared == 1)
        try expectSameAsFullBuild(dir)
    }

    @Test func anotherProcessesBuildDropsWhatMemoryHolds() throws {
        let (dir, memory, files) = try siteBuiltWithMemory(correcting: 1)
        // Another process builds the same output (its own cache files, its own manifest).
        try correct(files[2], in: dir, "Repairs were finished ahead of schedule, the council said.")
        _ = try SiteBuilder(options: generatedSiteOptions(dir)).build()
        #expect(memory.manifest(at: dir.appending(".public.briefing-cache/manifest").path) == nil)
        try correct(files[3], in: dir, "A second inquiry was opened in the afternoon.")
        let report = try SiteBuilder(options: generatedSiteOptions(dir), memory: memory).build()
        #expect(report.filesParsed == 1)
        try expectSameAsFullBuild(dir)
    }

    @Test func onPublishedComesAfterTheSwitchAndBeforeTheCacheIsSaved() throws {
        let dir = try site()
        let files = contentFiles(dir)
        try correct(files[4], in: dir, "The harbour master apologised for the delay.")
        let seen = Mutex<[(live: Bool, manifest: Bool)]>([])
        var builder = SiteBuilder(options: generatedSiteOptions(dir))
        let public_ = dir.appending("public"), manifest = dir.appending(".public.briefing-cache/manifest")
        builder.onPublished = { _ in
            let live = fileTree(public_).values.contains { String(decoding: $0, as: UTF8.self).contains("apologised for the delay") }
            seen.withLock { $0.append((live, FileManager.default.fileExists(atPath: manifest.path))) }
        }
        _ = try builder.build()
        let calls = seen.withLock { $0 }
        #expect(calls.count == 1)
        #expect(calls.first?.live == true)
        #expect(calls.first?.manifest == false)
        #expect(FileManager.default.fileExists(atPath: manifest.path))
    }

    @Test func aWatchersChangesAreTheOnlyFilesLookedAt() throws {
        let (dir, memory, files) = try siteBuiltWithMemory(correcting: 6)
        func build(changed: [String]?) throws -> BuildReport {
            var builder = SiteBuilder(options: generatedSiteOptions(dir), memory: memory)
            builder.changedPaths = changed
            return try builder.build()
        }
        // An edit the watcher reports: looked at, and the site is what a full build makes.
        try correct(files[7], in: dir, "Repairs were finished ahead of schedule, the council said.")
        #expect(try build(changed: [dir.appending(files[7]).path]).filesParsed == 1)
        try expectSameAsFullBuild(dir)
        // A new file is not an edit of a listed one: every file is listed and stat'ed again.
        dir.write("content/2026-04-03/late-wire-1.md", "---\ntitle: \"Kessel Point tram budget approved\"\noutlet: \"Late Wire\"\npublished: 2026-04-03T09:00:00Z\n---\nThe council approved the tram budget.\n")
        let added = try build(changed: [dir.appending("content/2026-04-03/late-wire-1.md").path])
        #expect(added.articles == 25)
        try expectSameAsFullBuild(dir)
        // Only templates changed: the content is as recorded.
        #expect(try build(changed: [dir.appending("templates/x.mustache").path]).wasUnchanged)
    }

    @Test func templatesAreParsedAgainWhenTheyChange() throws {
        let dir = try site()
        let memory = BuildMemory()
        var options = generatedSiteOptions(dir)
        let templates = dir.appending("templates-copy")
        try FileManager.default.copyItem(atPath: options.templatesDirectory, toPath: templates.path)
        options.templatesDirectory = templates.path
        _ = try SiteBuilder(options: options, memory: memory).build()
        let story = templates.appendingPathComponent("story.mustache")
        let text = try String(contentsOf: story, encoding: .utf8)
        try (text + "\n<!-- edited -->\n").write(to: story, atomically: false, encoding: .utf8)
        _ = try SiteBuilder(options: options, memory: memory).build()
        let page = try #require(fileTree(dir.appending("public")).first { $0.key.hasPrefix("stories/") }?.value)
        #expect(String(decoding: page, as: UTF8.self).contains("<!-- edited -->"))
    }
}
