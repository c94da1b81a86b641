import BriefingCore
import Foundation

/// One story as the feeds show it.
struct FeedEntry: Sendable, Hashable {
    var storyID: String
    var title: String
    /// Path of the story page relative to the site root ("stories/<id>/").
    var path: String
    /// The comparison summary (else the first article's opening), possibly empty.
    var summary: String
    /// Outlets that covered the story, one per slug, by name.
    var outlets: [Outlet]
    /// The first article's time, and the newest one's: never the clock.
    var published: Timestamp
    var updated: Timestamp
}

/// `feed.xml` (Atom, RFC 4287) and `feed.json` (JSON Feed 1.1) over the newest `feedSize` stories.
///
/// Entries are ordered by the story's last day, newest first, then by id; an entry's `updated` is
/// its newest article's time (the day at 00:00:00Z when an article has no time). The feed's own
/// `updated` is `SOURCE_DATE_EPOCH` when set, else the newest entry's, so builds are reproducible.
struct SiteFeeds: Sendable {
    static let atomPath = "feed.xml"
    static let jsonPath = "feed.json"

    let config: SiteConfig
    let urls: SiteURL
    let entries: [FeedEntry]
    let updated: Timestamp

    init(stories: [Story], comparisons: [String: StoryComparison], config: SiteConfig, sourceDateEpoch: Timestamp?) {
        self.config = config
        urls = SiteURL(baseURL: config.baseURL)
        // Each story's last day once; only stories from the newest days that can fill the feed
        // are sorted (a serve rebuild made the feeds from every story, sorted, for each edit).
        let count = max(0, config.feedSize)
        let dated = stories.indices.compactMap { i in stories[i].articles.isEmpty ? nil : (lastDay: stories[i].lastDay, index: i) }
        let cutoff = dated.map(\.lastDay).sorted(by: >).dropFirst(max(0, count - 1)).first
        let newest = dated.filter { story in cutoff.map { story.lastDay >= $0 } ?? true }
            .sorted { a, b in a.lastDay != b.lastDay ? a.lastDay > b.lastDay : stories[a.index].id < stories[b.index].id }
            .prefix(count)
        entries = newest.map { Self.entry(stories[$0.index], comparisons[stories[$0.index].id]) }
        updated = sourceDateEpoch ?? entries.map(\.updated).max() ?? Timestamp(seconds: 0)
    }

    static func entry(_ story: Story, _ comparison: StoryComparison?) -> FeedEntry {
        let times = story.articles.map(Timestamp.init)
        var bySlug: [String: Outlet] = [:]
        for outlet in story.outlets where bySlug[outlet.slug] == nil { bySlug[outlet.slug] = outlet }
        return FeedEntry(
            storyID: story.id, title: story.title, path: SiteURL.storyPath(story.id),
            summary: summary(story, comparison),
            outlets: bySlug.values.sorted { ($0.name.lowercased(), $0.slug) < ($1.name.lowercased(), $1.slug) },
            published: times.min()!, updated: times.max()!)
    }

    static func summary(_ story: Story, _ comparison: StoryComparison?) -> String {
        if let summary = comparison?.summary, !summary.isEmpty { return summary.joined(separator: " ") }
        return story.articles.first.map { $0.sentences.prefix(2).map(\.text).joined(separator: " ") } ?? ""
    }

    static func reportedBy(_ outlets: [Outlet]) -> String {
        let names = outlets.map(\.name).joined(separator: ", ")
        // "Reported by A, B." but not "…Yahoo!." when the last name ends in punctuation.
        return "Reported by " + names + (names.last.map { $0.isPunctuation } == true ? "" : ".")
    }

    // MARK: Atom

    func atom() -> String {
        let x = XMLText.escape
        var lines = [
            #"<?xml version="1.0" encoding="utf-8"?>"#,
            #"<feed xmlns="http://www.w3.org/2005/Atom""# + (config.language.isEmpty ? "" : #" xml:lang="\#(x(config.language))""#) + ">",
            "  <id>\(x(urls.id("")))</id>",
            "  <title type=\"text\">\(x(config.title))</title>",
        ]
        if !config.description.isEmpty { lines.append("  <subtitle type=\"text\">\(x(config.description))</subtitle>") }
        lines += [
            "  <updated>\(updated.rfc3339)</updated>",
            #"  <link rel="self" type="application/atom+xml" href="\#(x(urls.url(Self.atomPath)))"/>"#,
            #"  <link rel="alternate" type="text/html" href="\#(x(urls.url("")))"/>"#,
            "  <author><name>\(x(config.title))</name></author>",
            "  <generator>Briefing</generator>",
        ]
        for entry in entries {
            lines += [
                "  <entry>",
                "    <id>\(x(urls.id(entry.path)))</id>",
                "    <title type=\"text\">\(x(entry.title))</title>",
                #"    <link rel="alternate" type="text/html" href="\#(x(urls.url(entry.path)))"/>"#,
                "    <published>\(entry.published.rfc3339)</published>",
                "    <updated>\(entry.updated.rfc3339)</updated>",
            ]
            for outlet in entry.outlets { lines.append("    <author><name>\(x(outlet.name))</name></author>") }
            for outlet in entry.outlets {
                lines.append(#"    <category term="\#(x(outlet.slug))" label="\#(x(outlet.name))"/>"#)
            }
            let summary = [entry.summary, Self.reportedBy(entry.outlets)].filter { !$0.isEmpty }.joined(separator: " ")
            lines += ["    <summary type=\"text\">\(x(summary))</summary>", "  </entry>"]
        }
        lines.append("</feed>")
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: JSON Feed

    struct JSONFeed: Encodable {
        struct Author: Encodable { var name: String }
        struct Item: Encodable {
            var id: String
            var url: String
            var title: String
            var summary: String?
            var content_text: String
            var date_published: String
            var date_modified: String
            var authors: [Author]
            var tags: [String]
        }

        var version = "https://jsonfeed.org/version/1.1"
        var title: String
        var description: String?
        var home_page_url: String
        var feed_url: String
        var language: String?
        var authors: [Author]
        var items: [Item]
    }

    func json() throws -> [UInt8] {
        let c = XMLText.clean
        let feed = JSONFeed(
            title: c(config.title), description: config.description.isEmpty ? nil : c(config.description),
            home_page_url: urls.url(""), feed_url: urls.url(Self.jsonPath),
            language: config.language.isEmpty ? nil : c(config.language),
            authors: [.init(name: c(config.title))],
            items: entries.map { entry in
                let reported = Self.reportedBy(entry.outlets)
                return JSONFeed.Item(
                    id: urls.id(entry.path), url: urls.url(entry.path), title: c(entry.title),
                    summary: entry.summary.isEmpty ? nil : c(entry.summary),
                    content_text: c(entry.summary.isEmpty ? reported : entry.summary + "\n\n" + reported),
                    date_published: entry.published.rfc3339, date_modified: entry.updated.rfc3339,
                    authors: entry.outlets.map { .init(name: c($0.name)) }, tags: entry.outlets.map { c($0.name) })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var bytes = Array(try encoder.encode(feed))
        bytes.append(0x0A)
        return bytes
    }
}
