import Foundation
import Synchronization
import Testing
import TestSupport
@testable import Preview

/// Rebuilds of a copy of the sample site, and what open pages are told after each.
@Suite struct PreviewSessionTests {
    let dir = TemporaryDirectory(prefix: "briefing-session")
    let session: PreviewSession

    init() throws {
        try SampleSite.copy(into: dir)
        session = PreviewSession(options: SampleSite.options(dir))
    }

    var article: String { dir.path + "/content/2026-11-20/harbor-ledger-c882.md" }

    @Test func cleanBuildPublishesAndBumpsTheBuildNumber() async {
        let first = await session.build(changed: [])
        guard case .published = first.outcome else { Issue.record("\(first.outcome)"); return }
        #expect(first.update == .init(build: 1) && session.hub.state == first.update)
        #expect(dir.exists("public/index.html"))
        let second = await session.build(changed: [article])
        #expect(second.update.build == 2 && second.summaryLine.hasPrefix("Rebuilt in "))
        #expect(second.summaryLine.hasSuffix("ms (\(article) changed)"))
    }

    /// The terminal hears of a rebuild when its pages reload, before the cache is saved; and of
    /// a build that switches nothing in, when it ends. Once each.
    @Test func rebuildsAreAnnouncedOnceAsSoonAsTheSiteIsSwitchedIn() async throws {
        let manifest = dir.path + "/.public.briefing-cache/manifest"
        let heard = Mutex<[(build: Int, manifestExists: Bool)]>([])
        let announce = { @Sendable (result: RebuildResult) in
            heard.withLock { $0.append((result.update.build, FileManager.default.fileExists(atPath: manifest))) }
        }
        _ = await session.build(changed: [], announce: announce)
        try (String(contentsOfFile: article, encoding: .utf8) + "\nA late correction.\n").write(toFile: article, atomically: true, encoding: .utf8)
        _ = await session.build(changed: [article], announce: announce)
        _ = await session.build(changed: [article], announce: announce)  // nothing changed since
        let calls = heard.withLock { $0 }
        #expect(calls.map(\.build) == [1, 2, 3])
        #expect(calls.map(\.manifestExists) == [false, false, true])
    }

    /// Started over a site built before, the first build makes nothing; the warm-up takes the
    /// full way quietly (no reload, nothing written), so the first edit patches the last build.
    @Test func startedOverABuiltSiteItWarmsUpAndTheFirstEditIsPatched() async throws {
        // Past the sentences clustering reads, an edit leaves the article's story as it was.
        let filler = (1...30).map { "Crews logged inspection number \($0) along the harbour wall." }.joined(separator: " ")
        try (String(contentsOfFile: article, encoding: .utf8) + "\n" + filler + "\n").write(toFile: article, atomically: true, encoding: .utf8)
        _ = await session.build(changed: [])
        let restarted = PreviewSession(options: session.options)
        let first = await restarted.build(changed: [])
        #expect(first.report?.wasUnchanged == true && !restarted.memory.holdsLastBuild)
        let heard = Mutex(0)
        await restarted.warmUp(announce: { _ in heard.withLock { $0 += 1 } })
        #expect(restarted.memory.holdsLastBuild)
        #expect(heard.withLock { $0 } == 0 && restarted.hub.state == first.update)
        let text = try String(contentsOfFile: article, encoding: .utf8)
        try text.replacingOccurrences(of: "number 28 along", with: "number 28 (revised) along").write(toFile: article, atomically: true, encoding: .utf8)
        let edited = await restarted.build(changed: [article])
        #expect(edited.report?.patchedLastBuild == true && edited.update.build == first.update.build + 1)
    }

    @Test func badFrontMatterPublishesTheRestAndReportsTheErrors() async throws {
        _ = await session.build(changed: [])
        try "---\ntitle: [unclosed\noutlet: Harbor Ledger\n---\nBody.\n".write(toFile: article, atomically: true, encoding: .utf8)
        let broken = await session.build(changed: [article])
        guard case .publishedWithErrors = broken.outcome else { Issue.record("\(broken.outcome)"); return }
        #expect(broken.update.build == 2)  // published: other edits show
        let error = try #require(broken.update.error)
        #expect(error.contains(article + ":") && error.contains(": error: "))
        #expect(broken.errors.allSatisfy { error.contains($0.description) })
        #expect(broken.summaryLine.contains("with 1 error"))
    }

    @Test func brokenTemplateKeepsTheLastGoodSite() async throws {
        _ = await session.build(changed: [])
        let before = dir.read("public/index.html")
        let template = dir.path + "/templates/story.mustache"
        try "{{#story}}never closed".write(toFile: template, atomically: true, encoding: .utf8)
        let failed = await session.build(changed: [template])
        guard case .failed = failed.outcome else { Issue.record("\(failed.outcome)"); return }
        #expect(failed.update.build == 1 && failed.update.error != nil)
        #expect(failed.summaryLine.contains("still serving the last good site"))
        #expect(dir.read("public/index.html") == before)
        // Fixing it clears the error and pages reload.
        try FileManager.default.removeItem(atPath: template)
        try FileManager.default.copyItem(at: TestPaths.templates.appendingPathComponent("story.mustache"),
                                         to: URL(fileURLWithPath: template))
        let fixed = await session.build(changed: [template])
        #expect(fixed.update == .init(build: 2, cssOnly: false, error: nil))
    }

    @Test func stylesheetOnlyChangesAreMarked() async {
        _ = await session.build(changed: [])
        let css = dir.path + "/templates/static/style.css"
        #expect(await session.build(changed: [css]).update == .init(build: 2, cssOnly: true))
        #expect(await session.build(changed: [css, article]).update.cssOnly == false)
    }

    @Test func outputInsideAWatchedFolderIsNotAChange() {
        var options = SampleSite.options(dir)
        options.outputDirectory = dir.path + "/content/site"
        let inside = PreviewSession(options: options)
        #expect(inside.isOutput(dir.path + "/content/site/index.html"))
        #expect(inside.isOutput(dir.path + "/content/.site.staging-42/index.html"))
        #expect(inside.isOutput(dir.path + "/content/.site.lock"))
        #expect(!inside.isOutput(dir.path + "/content/2026-11-20/a.md"))
        #expect(!inside.isOutput(dir.path + "/content/sitemap.md"))
    }

    @Test func firstBuildFailingSaysNothingIsPublishedYet() async throws {
        try "{{#story}}never closed".write(toFile: dir.path + "/templates/story.mustache", atomically: true, encoding: .utf8)
        let failed = await session.build(changed: [])
        #expect(failed.update.build == 0)
        #expect(failed.update.error?.hasSuffix("Nothing could be published yet.") == true)
        #expect(failed.update.error?.contains("story.mustache:") == true)
    }

    @Test func rebuildLoopRebuildsOnceForManySaves() async throws {
        _ = await session.build(changed: [])
        let watcher = session.startWatching()
        let results = ResultBox()
        // A quiet period far longer than the saves take, even on a loaded machine: one rebuild.
        let loop = Task { await session.rebuildLoop(watcher: watcher, quietPeriod: .milliseconds(1000)) { results.append($0) } }
        // Twenty saves at once (the debouncer's own tests pin the timing; this checks the wiring).
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/content/2026-11-20").filter { $0.hasSuffix(".md") }
        for _ in 0..<3 {
            for name in files { try Data(contentsOf: URL(fileURLWithPath: dir.path + "/content/2026-11-20/" + name)).write(to: URL(fileURLWithPath: dir.path + "/content/2026-11-20/" + name)) }
        }
        #expect(await eventually(seconds: 10) { results.count >= 1 })
        try await Task.sleep(for: .milliseconds(1500))
        loop.cancel()
        await loop.value
        #expect(results.count == 1)
        #expect(results.first?.changed.count == files.count)
        #expect(session.hub.state.build == 2)
    }
}

final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [RebuildResult] = []
    func append(_ result: RebuildResult) { lock.withLock { results.append(result) } }
    var count: Int { lock.withLock { results.count } }
    var first: RebuildResult? { lock.withLock { results.first } }
}
