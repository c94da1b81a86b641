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

    /// A recycled spare may hold a file where the new site has a folder and a folder where it has
    /// a file; staging replaces both, and what the new site lacks is gone.
    @Test func recycledSpareWithFilesAndFoldersSwapped() throws {
        let dir = TemporaryDirectory()
        dir.write("public/index.html", "live")
        dir.write("spare/x", "a file where the new site has a folder")
        dir.write("spare/y/old.html", "a folder where the new site has a file")
        dir.write("spare/gone/index.html", "not in the new site")
        let record = SpareSite(files: ["x", "y/old.html", "gone/index.html"], directories: [
            "y": try #require(FileStat(path: dir.appending("spare/y").path)),
            "gone": try #require(FileStat(path: dir.appending("spare/gone").path)),
        ])
        var plan = OutputPlan()
        try plan.add(OutputFile(path: "index.html", text: "new"))
        try plan.add(OutputFile(path: "x/index.html", text: "x page"))
        try plan.add(OutputFile(path: "y", text: "y file"))
        let spare = SitePublisher.Spare(path: dir.appending("spare").path, record: record, live: [:], keepsReplaced: false)
        let published = try SitePublisher(outputDirectory: dir.appending("public")).publish(plan, live: [:], spare: spare)
        #expect(published.written == 3)
        #expect(fileTree(dir.appending("public")) == [
            "index.html": Data("new".utf8), "x/index.html": Data("x page".utf8), "y": Data("y file".utf8),
        ])
        #expect(!dir.exists("spare"), "the spare became the new site")
    }

    /// Ranges copied to where they came from are taken as equal, not read: only the rest decides.
    @Test func sameContentsReadsOnlyWhatWasNotCopiedInPlace() {
        let dir = TemporaryDirectory()
        let a = dir.write("a", "head-COPIED-tail").path, b = dir.write("b", "head-ignore-tail").path
        #expect(!SitePublisher.sameContents(a, b))
        #expect(SitePublisher.sameContents(a, b, alike: [5..<11]))
        #expect(!SitePublisher.sameContents(a, b, alike: [0..<5]))
        #expect(!SitePublisher.sameContents(a, dir.write("c", "head-COPIED-tail!").path, alike: [5..<11]))
    }
}
