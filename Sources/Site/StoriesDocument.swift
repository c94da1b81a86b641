import BriefingCore
import Foundation

/// The shape of `stories.json`, the machine-readable result. Keys are written sorted and
/// stories ordered by (first day, id), so the file is byte-identical across builds.
struct StoriesDocument: Encodable {
    struct ArticleEntry: Encodable {
        var source: String
        var outlet: String
        var title: String
        var url: String?
        var published: String
        var author: String?
    }

    struct Variant: Encodable {
        var text: String
        var outlets: [String]
    }

    struct Quote: Encodable {
        var speaker: String?
        var variants: [Variant]
    }

    struct Value: Encodable {
        var value: String
        var outlets: [String]
    }

    struct DisagreementEntry: Encodable {
        var about: String
        var values: [Value]
    }

    struct HeadlineEntry: Encodable {
        var outlet: String
        var title: String
    }

    struct ComparisonEntry: Encodable {
        var summary: String
        var shared: [Variant]
        /// Outlet name → its only-claims. A dictionary, but JSON keys are encoded sorted.
        var only: [String: [String]]
        var quotes: [Quote]
        var disagreements: [DisagreementEntry]
        var headlines: [HeadlineEntry]
    }

    struct StoryEntry: Encodable {
        var id: String
        var title: String
        var date: String
        var days: [String]
        var url: String
        var outlets: [String]
        var articles: [ArticleEntry]
        var comparison: ComparisonEntry
    }

    var stories: [StoryEntry]

    init(stories: [Story], comparisons: [String: StoryComparison]) {
        self.stories = stories
            .sorted { ($0.firstDay, $0.id) < ($1.firstDay, $1.id) }
            .map { story in
                StoryEntry(
                    id: story.id,
                    title: story.title,
                    date: story.firstDay.description,
                    days: story.days.map(\.description),
                    url: SitePaths.story(story.id),
                    outlets: story.outlets.map(\.name),
                    articles: story.articles.map {
                        ArticleEntry(source: $0.source, outlet: $0.outlet.name, title: $0.title,
                                     url: $0.url, published: $0.published, author: $0.author)
                    },
                    comparison: ComparisonEntry(comparisons[story.id] ?? StoryComparison(storyID: story.id)))
            }
    }

    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var bytes = Array(try encoder.encode(self))
        bytes.append(0x0A)
        return bytes
    }
}

extension StoriesDocument.ComparisonEntry {
    init(_ comparison: StoryComparison) {
        let names: ([Outlet]) -> [String] = { $0.map(\.name) }
        summary = comparison.summary.joined(separator: " ")
        shared = comparison.shared.map { .init(text: $0.text, outlets: names($0.outlets)) }
        only = Dictionary(comparison.only.map { ($0.outlet.name, $0.claims.map(\.text)) }, uniquingKeysWith: +)
        quotes = comparison.quotes.map { group in
            .init(speaker: group.speaker, variants: group.variants.map { .init(text: $0.text, outlets: names($0.outlets)) })
        }
        disagreements = comparison.disagreements.map { d in
            .init(about: d.about, values: d.values.map { .init(value: $0.value, outlets: names($0.outlets)) })
        }
        headlines = comparison.headlines.map { .init(outlet: $0.outlet.name, title: $0.title) }
    }
}
