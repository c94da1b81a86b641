import Foundation
import Testing
import TestSupport
@testable import Site

@Suite struct LinkCheckerTests {
    func plan(_ files: [String: String]) throws -> OutputPlan {
        var plan = OutputPlan()
        for (path, text) in files { try plan.add(OutputFile(path: path, text: text)) }
        return plan
    }

    @Test func resolvesLikeABrowser() throws {
        let checker = LinkChecker(plan: try plan(["index.html": "", "stories/a/index.html": "", "style.css": ""]), sitePath: "/briefing/")
        #expect(checker.resolve("../../style.css", from: "stories/a/index.html") == "style.css")
        #expect(checker.resolve("../a/", from: "stories/b/index.html") == "stories/a/index.html")
        #expect(checker.resolve("./", from: "index.html") == "index.html")
        #expect(checker.resolve("/briefing/stories/a/#top", from: "404.html") == "stories/a/index.html")
        #expect(checker.resolve("https://x.example/", from: "index.html") == nil)
        #expect(checker.resolve("//cdn.example/x.js", from: "index.html") == nil)
        #expect(checker.resolve("#top", from: "index.html") == nil)
        #expect(checker.resolve("../../../x", from: "stories/a/index.html")?.hasPrefix("../") == true)
    }

    @Test func brokenLinksAreLocatedErrors() throws {
        let page = "<html>\n<a href=\"stories/a/\">ok</a>\n  <img src=\"missing.png\"><a href=\"2026-01-01/?x=1\">gone</a>\n</html>"
        let plan = try plan(["index.html": page, "stories/a/index.html": "<a href=\"../../\">home</a>"])
        let problems = LinkChecker(plan: plan, sitePath: "/").check(plan)
        #expect(problems.map(\.description) == [
            "index.html:3:8: error: broken link 'missing.png': no planned file missing.png",
            "index.html:3:29: error: broken link '2026-01-01/?x=1': no planned file 2026-01-01/index.html",
        ])
    }

    @Test func aBuiltSiteHasNoBrokenLinks() throws {
        let dir = TemporaryDirectory()
        writeGeneratedSite(into: dir, articles: 12)
        dir.write("briefing.yml", "baseURL: \"https://links.example/sub/\"\n")
        let report = try SiteBuilder(options: generatedSiteOptions(dir)).check()
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(!dir.exists("public"))
        #expect(!dir.exists(".public.briefing-cache"))
    }

    @Test func differentlyOrderedCopiesGiveByteIdenticalSites() throws {
        let first = TemporaryDirectory(), second = TemporaryDirectory()
        writeGeneratedSite(into: first, articles: 30, creationOrderSeed: 1)
        writeGeneratedSite(into: second, articles: 30, creationOrderSeed: 2)
        _ = try SiteBuilder(options: generatedSiteOptions(first)).build()
        _ = try SiteBuilder(options: generatedSiteOptions(second)).build()
        let a = fileTree(first.appending("public")), b = fileTree(second.appending("public"))
        #expect(a.count > 20)
        #expect(a == b)
    }
}
