import BriefingCore
import Foundation
@testable import Rendering

/// Invented stories and comparisons for rendering tests.
enum Fixtures {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templatesURL = packageRoot.appendingPathComponent("templates")

    static let wire = Outlet(name: "Northwind Wire")
    static let daily = Outlet(name: "Daily Lantern")
    static let hostile = Outlet(name: "<script>alert('x')</script> & \"Co\"")

    static let day1 = Day("2031-03-04")!
    static let day2 = Day("2031-03-05")!

    static func article(
        _ id: String, _ outlet: Outlet, day: Day = day1, time: String? = nil, title: String,
        url: String? = nil, body: String
    ) -> Article {
        let sentences = body.split(separator: "\n\n").enumerated().map {
            Sentence(text: String($0.element), paragraph: $0.offset, line: $0.offset * 2 + 1)
        }
        return Article(
            id: id, source: "\(day)/\(id).md", outlet: outlet, title: title, url: url, day: day,
            publishedTime: time, author: "Ada Quill", body: body, sentences: sentences)
    }

    static let story = Story(id: "harbour-bridge-closes", title: "Harbour bridge closes for <repairs> & \"review\"", articles: [
        article("wire-1", wire, time: "2031-03-04T07:15:00Z", title: "Harbour bridge shut after cracks found",
                url: "https://wire.example/bridge", body: "The harbour bridge closed on *Monday*.\n\nEngineers found 12 cracks."),
        article("lantern-1", daily, time: "2031-03-04T09:40:00Z", title: "City closes bridge",
                url: "javascript:alert(1)", body: "The city closed the bridge.\n\nOfficials counted 14 cracks."),
        article("hostile-1", hostile, day: day2, title: "<b>Bridge</b> saga continues",
                body: "Repairs will take **three weeks**.\n\n<script>alert(1)</script>"),
    ])

    static let comparison = StoryComparison(
        storyID: story.id,
        summary: ["The harbour bridge closed after engineers found cracks."],
        shared: [Claim(text: "The bridge closed on Monday.", outlets: [daily, wire], sources: [])],
        only: [OutletOnly(outlet: hostile, claims: [Claim(text: "Repairs take three weeks.", outlets: [hostile], sources: [])])],
        quotes: [QuoteGroup(speaker: "Mayor Ines Varga", variants: [
            .init(text: "We will reopen it soon", outlets: [wire, hostile]),
            .init(text: "We will reopen it very soon", outlets: [daily], diff: [
                .init(.same, "We will reopen it"), .init(.inserted, "very <soon>"), .init(.deleted, "soon"),
            ]),
        ])],
        disagreements: [Disagreement(about: "cracks found", values: [
            .init(value: "12", outlets: [wire], sentence: "Engineers found 12 cracks."),
            .init(value: "14", outlets: [daily], sentence: "Officials counted 14 cracks."),
        ])],
        headlines: [
            Headline(outlet: wire, title: "Harbour bridge shut after cracks found", articleID: "wire-1", published: "2031-03-04T07:15:00Z"),
            Headline(outlet: daily, title: "City closes bridge", articleID: "lantern-1", published: "2031-03-04T09:40:00Z"),
            Headline(outlet: hostile, title: "<b>Bridge</b> saga continues", articleID: "hostile-1", published: "2031-03-05"),
        ])

    static let single = Story(id: "library-opens", title: "Library opens late", articles: [
        article("lantern-2", daily, title: "Library opens late", url: "https://lantern.example/library",
                body: "The library now opens until *ten*."),
    ])
    static let singleComparison = StoryComparison(storyID: single.id, summary: ["The library now opens until ten."],
        headlines: [Headline(outlet: daily, title: "Library opens late", articleID: "lantern-2", published: "2031-03-04")])

    static func renderer(baseURL: String = "https://news.example/") throws -> PageRenderer {
        PageRenderer(templates: try TemplateSet(directory: templatesURL),
                     config: SiteConfig(title: "Morning & <Brief>", baseURL: baseURL))
    }

    /// Byte offset of `needle` in `html`, for ordering checks.
    static func position(_ needle: String, in html: String) -> Int? {
        html.range(of: needle).map { html.distance(from: html.startIndex, to: $0.lowerBound) }
    }
}
