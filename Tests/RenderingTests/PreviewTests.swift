import BriefingCore
import Foundation
import Testing
import TestSupport
@testable import Rendering

/// Renders the sample pages as complete, script-free documents. With
/// `BRIEFING_PREVIEW_DIR=/tmp/render-preview swift test --filter PreviewTests` they are kept there
/// (with `style.css`) for looking at the templates in a browser.
@Suite struct PreviewTests {
    static let directory = ProcessInfo.processInfo.environment["BRIEFING_PREVIEW_DIR"]

    @Test func samplePagesAreCompleteDocuments() throws {
        let scratch = TemporaryDirectory(prefix: "render-preview")
        let out = Self.directory.map { URL(fileURLWithPath: $0) } ?? scratch.url
        let renderer = try Fixtures.renderer()
        let story = Sample.story
        let pages: [(String, String)] = [
            ("stories/\(story.id)/index.html", try renderer.storyPage(StoryPageInput(story: story, comparison: Sample.comparison))),
            ("stories/\(Fixtures.story.id)/index.html", try renderer.storyPage(StoryPageInput(story: Fixtures.story, comparison: Fixtures.comparison))),
            ("stories/\(Fixtures.single.id)/index.html", try renderer.storyPage(StoryPageInput(story: Fixtures.single, comparison: Fixtures.singleComparison))),
            ("index.html", try renderer.briefingPage(Sample.briefingInput(rootPath: ""))),
            ("2031-03-05/index.html", try renderer.briefingPage(Sample.briefingInput(rootPath: "../"))),
        ]
        for (path, html) in pages {
            #expect(html.lowercased().hasPrefix("<!doctype html>"), "\(path)")
            #expect(html.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("</html>"), "\(path)")
            #expect(!html.contains("<script"), "\(path)")
            let url = out.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try html.write(to: url, atomically: true, encoding: .utf8)
        }
        // The bytes pages are written as: the same pages.
        let storyInput = StoryPageInput(story: story, comparison: Sample.comparison)
        #expect(try renderer.storyPageUTF8(storyInput) == Array(renderer.storyPage(storyInput).utf8))
        #expect(try renderer.briefingPageUTF8(Sample.briefingInput(rootPath: "")) == Array(renderer.briefingPage(Sample.briefingInput(rootPath: "")).utf8))
        let css = out.appendingPathComponent("style.css")
        try? FileManager.default.removeItem(at: css)
        try FileManager.default.copyItem(at: Fixtures.templatesURL.appendingPathComponent("static/style.css"), to: css)
    }
}

/// A larger invented story for previews.
enum Sample {
    static let outlets = ["Northwind Wire", "Daily Lantern", "Harbor Times", "Civic Ledger", "Metro Signal"].map(Outlet.init)

    static let story = Story(id: "river-dam-vote", title: "Council approves river dam upgrade after long debate",
        articles: outlets.enumerated().map { index, outlet in
            Fixtures.article("dam-\(index)", outlet, day: index < 3 ? Fixtures.day1 : Fixtures.day2,
                             time: index < 3 ? "2031-03-04T0\(index + 6):30:00Z" : nil,
                             title: ["Council backs dam upgrade", "Dam plan passes 7-2", "River dam overhaul approved",
                                     "After hours of debate, dam upgrade wins", "Dam vote: what happens next"][index],
                             url: "https://\(outlet.slug).example/dam",
                             body: """
                             The city council voted on Tuesday to upgrade the river dam, ending a debate that lasted \
                             more than a year.

                             > "This protects the valley for fifty years," said the council chair.

                             The work is expected to cost **\(40 + index) million** and to begin in *autumn*. \
                             See [the council agenda](https://council.example/agenda).
                             """)
        })

    static let comparison = StoryComparison(
        storyID: story.id,
        summary: ["The city council approved an upgrade of the river dam by seven votes to two.",
                  "Work is due to start in the autumn."],
        shared: [
            Claim(text: "The council voted seven to two to approve the dam upgrade.", outlets: outlets, sources: []),
            Claim(text: "Construction is expected to begin in the autumn.", outlets: Array(outlets.prefix(3)), sources: []),
            Claim(text: "Residents downstream had asked for flood protection for years.", outlets: [outlets[1], outlets[3]], sources: []),
        ],
        only: [
            OutletOnly(outlet: outlets[2], claims: [Claim(text: "Two council members asked for an independent cost review.", outlets: [outlets[2]], sources: [])]),
            OutletOnly(outlet: outlets[4], claims: [
                Claim(text: "A public meeting on the timetable is planned for next month.", outlets: [outlets[4]], sources: []),
                Claim(text: "The dam was last renovated in 1987.", outlets: [outlets[4]], sources: []),
            ]),
        ],
        quotes: [QuoteGroup(speaker: "Council chair Mara Ellison", variants: [
            .init(text: "This protects the valley for fifty years", outlets: [outlets[0], outlets[1], outlets[3]]),
            .init(text: "This will protect the whole valley for fifty years", outlets: [outlets[2]], diff: [
                .init(.same, "This"), .init(.deleted, "protects"), .init(.inserted, "will protect"), .init(.same, "the"),
                .init(.inserted, "whole"), .init(.same, "valley for fifty years"),
            ]),
        ])],
        disagreements: [Disagreement(about: "cost of the upgrade", values: [
            .init(value: "40 million", outlets: [outlets[0]], sentence: "The work is expected to cost 40 million."),
            .init(value: "43 million", outlets: [outlets[3]], sentence: "The work is expected to cost 43 million."),
        ])],
        headlines: story.articles.sorted { $0.published < $1.published }.map {
            Headline(outlet: $0.outlet, title: $0.title, articleID: $0.id, published: $0.published)
        })

    static func briefingInput(rootPath: String) -> BriefingPageInput {
        BriefingPageInput(
            briefing: Briefing(day: Fixtures.day2, entries: [
                .init(storyID: story.id, isUpdate: true, articleIDs: ["dam-3", "dam-4"]),
                .init(storyID: Fixtures.story.id, isUpdate: false, articleIDs: ["hostile-1"]),
                .init(storyID: Fixtures.single.id, isUpdate: false, articleIDs: ["lantern-2"]),
            ]),
            stories: [story.id: story, Fixtures.story.id: Fixtures.story, Fixtures.single.id: Fixtures.single],
            comparisons: [story.id: comparison, Fixtures.story.id: Fixtures.comparison, Fixtures.single.id: Fixtures.singleComparison],
            rootPath: rootPath, previousDay: Fixtures.day1, nextDay: Day("2031-03-06"),
            nearbyDays: [Day("2031-03-06")!, Fixtures.day2, Fixtures.day1])
    }
}
