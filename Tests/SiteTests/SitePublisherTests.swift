import Foundation
import Testing
import TestSupport
@testable import Site

@Suite struct SitePublisherTests {
    @Test func replacesTheWholeSiteAndDropsStaleFiles() throws {
        let dir = TemporaryDirectory()
        dir.write("public/stale/index.html", "old")
        var plan = OutputPlan()
        try plan.add(OutputFile(path: "index.html", text: "new"))
        try plan.add(OutputFile(path: "stories/x/index.html", text: "story"))
        let written = try SitePublisher(outputDirectory: dir.appending("public")).publish(plan)
        #expect(written == 2)
        #expect(dir.read("public/index.html") == "new")
        #expect(dir.read("public/stories/x/index.html") == "story")
        #expect(!dir.exists("public/stale/index.html"))
        // No staging or retired folders are left beside the output.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(leftovers == ["public"])
    }

    @Test func failedWriteLeavesThePreviousSite() throws {
        let dir = TemporaryDirectory()
        dir.write("public/index.html", "old")
        // A file where the parent folder of the output should be makes staging impossible.
        let blocker = dir.write("blocked", "not a folder")
        var plan = OutputPlan()
        try plan.add(OutputFile(path: "index.html", text: "new"))
        #expect(throws: SitePublisher.PublishError.self) {
            try SitePublisher(outputDirectory: blocker.appendingPathComponent("public")).publish(plan)
        }
        #expect(dir.read("public/index.html") == "old")
    }
}
