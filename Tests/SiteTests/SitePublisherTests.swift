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
        let spare = SitePublisher.Spare(path: dir.appending("spare").path, record: record, live: [:])
        let published = try SitePublisher(outputDirectory: dir.appending("public")).publish(plan, live: [:], spare: spare)
        #expect(published.written == 3)
        #expect(fileTree(dir.appending("public")) == [
            "index.html": Data("new".utf8), "x/index.html": Data("x page".utf8), "y": Data("y file".utf8),
        ])
        // The spare became the new site, and the replaced one, recorded as found, the next spare.
        #expect(fileTree(dir.appending("spare")) == ["index.html": Data("live".utf8)])
        #expect(published.spare == SpareSite(files: ["index.html"], directories: [:]))
    }

    /// A replaced site nothing recorded is walked: every file (a link is not followed) and every
    /// folder by stat, so the next publish can check it is intact before recycling it.
    @Test func aSiteFoundIsRecordedByWalkingIt() throws {
        let dir = TemporaryDirectory()
        dir.write("site/index.html", "home")
        dir.write("site/stories/a/index.html", "a")
        dir.write("site/.hidden", "kept too")
        try FileManager.default.createDirectory(at: dir.appending("site/empty"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: dir.appending("site/link").path, withDestinationPath: dir.appending("site/stories").path)
        let record = try #require(SpareSite(walking: dir.appending("site").path))
        #expect(Set(record.files) == ["index.html", "stories/a/index.html", ".hidden", "link"])
        #expect(Set(record.directories.keys) == ["stories", "stories/a", "empty"])
        #expect(record.directories["stories/a"] == FileStat(path: dir.appending("site/stories/a").path))
        #expect(SpareSite(walking: dir.appending("missing").path) == nil)
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
