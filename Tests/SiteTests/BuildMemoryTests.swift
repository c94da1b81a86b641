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

    @Test func rebuildsFromMemoryReadNoStoreFromDisk() throws {
        let dir = try site()
        let memory = BuildMemory()
        let files = contentFiles(dir)
        try correct(files[0], in: dir, "The ferry resumed service on Friday, the operator said.")
        _ = try SiteBuilder(options: generatedSiteOptions(dir), memory: memory).build()
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
        let dir = try site()
        let memory = BuildMemory()
        let files = contentFiles(dir)
        try correct(files[1], in: dir, "The ferry resumed service on Friday, the operator said.")
        _ = try SiteBuilder(options: generatedSiteOptions(dir), memory: memory).build()
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
