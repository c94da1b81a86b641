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

    init(stories: [StoryEntry]) {
        self.stories = stories
    }

    init(stories: [Story], comparisons: [String: StoryComparison]) {
        self.stories = Self.ordered(stories).map { Self.entry($0, comparisons[$0.id]) }
    }

    /// The file's story order: (first day, id).
    static func ordered(_ stories: [Story]) -> [Story] {
        let keys = stories.map { ($0.firstDay, $0.id) }
        // Clustering hands them over in this order: checking is one pass, sorting copies every story.
        if zip(keys, keys.dropFirst()).allSatisfy({ $0 < $1 }) { return stories }
        return stories.indices.sorted { keys[$0] < keys[$1] }.map { stories[$0] }
    }

    static func entry(_ story: Story, _ comparison: StoryComparison?) -> StoryEntry {
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
            comparison: ComparisonEntry(comparison ?? StoryComparison(storyID: story.id)))
    }

    /// The file's bytes: what `JSONEncoder` with `[.prettyPrinted, .sortedKeys,
    /// .withoutEscapingSlashes]` writes for this document (a test holds them equal), written
    /// directly. Keys below are in sorted order.
    func encoded() -> [UInt8] {
        Self.encoded(count: stories.count) { i, json in stories[i].write(to: &json) }.bytes
    }

    /// The file for `count` stories in file order, in memory (`write(count:stored:entry:to:)`).
    static func encoded(count: Int, write: @escaping @Sendable (Int, inout PrettyJSON) -> Void) -> (bytes: [UInt8], ranges: [Range<Int>]) {
        var bytes: [UInt8] = []
        let ranges = Self.write(count: count, stored: { _ in nil }, entry: write) { piece in
            if case .bytes(let piece) = piece { bytes += piece }
        }
        return (bytes, ranges)
    }

    /// Writes the file for `count` stories in file order to `sink` in pieces of about 1 MB (the
    /// whole file is 48 MB at 10k articles), each story's entry either copied from the previous
    /// file (`stored` gives its range there; the sink copies it) or written anew; returns where
    /// each entry sits, so the next build can copy it. Every entry has the same indentation, so
    /// a copy is exact. New entries are written `batchSize` at a time on all cores (in a full
    /// build this file was a fifth of rendering, on one core).
    static func write(
        count: Int, stored: (Int) -> Range<Int>?, entry: @escaping @Sendable (Int, inout PrettyJSON) -> Void,
        pieceSize: Int = 1 << 20, batchSize: Int = 256, to sink: (SiteStaging.Piece) -> Void
    ) -> [Range<Int>] {
        var json = PrettyJSON(reservingCapacity: pieceSize + 64 * 1024)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(count)
        func write(_ bytes: [UInt8]) { sink(.bytes(bytes)) }
        json.object { json in
            json.key("stories")
            json.array { json in
                // About one entry's size at 10k articles: most entries never grow their buffer.
                let writer = json.nested(reservingCapacity: 16 * 1024)
                // Stored entries not copied yet: adjacent ones in the old file, with the separator
                // between them, go in one kernel copy (one per entry was most of a rebuild's copy).
                var pending: (range: Range<Int>, start: Int)?
                func flush() {
                    guard let run = pending else { return }
                    json.value(copied: run.range.count, drainingInto: write)
                    sink(.copy(run.range))
                    pending = nil
                }
                for first in stride(from: 0, to: count, by: max(1, batchSize)) {
                    let batch = Array(first..<min(count, first + max(1, batchSize)))
                    let copies = batch.map(stored)
                    let fresh = zip(batch, copies).compactMap { i, copy in copy == nil ? i : nil }
                    var written = Parallel.map(fresh) { i in
                        var entryJSON = writer
                        entry(i, &entryJSON)
                        return entryJSON.bytes
                    }.makeIterator()
                    for copy in copies {
                        if let range = copy, let run = pending,
                           range.lowerBound - run.range.upperBound == json.elementSeparatorCount {
                            let start = run.start + (range.lowerBound - run.range.lowerBound)
                            ranges.append(start..<start + range.count)
                            pending = (run.range.lowerBound..<range.upperBound, run.start)
                            continue
                        }
                        flush()
                        json.element()
                        let start = json.position
                        if let range = copy {
                            pending = (range, start)
                            ranges.append(start..<start + range.count)
                            continue
                        }
                        json.value(raw: written.next()!)
                        ranges.append(start..<json.position)
                        json.drain(over: pieceSize, into: write)
                    }
                }
                flush()
            }
        }
        json.endFile()
        json.drain(into: write)
        return ranges
    }
}

extension StoriesDocument.StoryEntry {
    func write(to json: inout PrettyJSON) {
        json.object { json in
            json.key("articles")
            json.array { json in
                for article in articles {
                    json.element()
                    json.object { json in
                        json.member("author", article.author)
                        json.member("outlet", article.outlet)
                        json.member("published", article.published)
                        json.member("source", article.source)
                        json.member("title", article.title)
                        json.member("url", article.url)
                    }
                }
            }
            json.key("comparison")
            comparison.write(to: &json)
            json.member("date", date)
            json.member("days", strings: days)
            json.member("id", id)
            json.member("outlets", strings: outlets)
            json.member("title", title)
            json.member("url", url)
        }
    }
}

extension StoriesDocument.ComparisonEntry {
    func write(to json: inout PrettyJSON) {
        json.object { json in
            json.key("disagreements")
            json.array { json in
                for disagreement in disagreements {
                    json.element()
                    json.object { json in
                        json.member("about", disagreement.about)
                        json.key("values")
                        json.array { json in
                            for value in disagreement.values {
                                json.element()
                                json.object { json in
                                    json.member("outlets", strings: value.outlets)
                                    json.member("value", value.value)
                                }
                            }
                        }
                    }
                }
            }
            json.key("headlines")
            json.array { json in
                for headline in headlines {
                    json.element()
                    json.object { json in
                        json.member("outlet", headline.outlet)
                        json.member("title", headline.title)
                    }
                }
            }
            json.key("only")
            json.object { json in
                for (outlet, claims) in PrettyJSON.sortedByKey(only) { json.member(outlet, strings: claims) }
            }
            json.key("quotes")
            json.array { json in
                for quote in quotes {
                    json.element()
                    json.object { json in
                        json.member("speaker", quote.speaker)
                        json.key("variants")
                        Self.write(quote.variants, to: &json)
                    }
                }
            }
            json.key("shared")
            Self.write(shared, to: &json)
            json.member("summary", summary)
        }
    }

    private static func write(_ variants: [StoriesDocument.Variant], to json: inout PrettyJSON) {
        json.array { json in
            for variant in variants {
                json.element()
                json.object { json in
                    json.member("outlets", strings: variant.outlets)
                    json.member("text", variant.text)
                }
            }
        }
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

/// The live `stories.json`'s entries by story key, where the manifest recorded them: a story
/// whose key is unchanged has its entry copied from there, read when wanted, not held.
final class StoredStoryEntries: @unchecked Sendable {
    let ranges: [ContentDigest: Range<Int>]
    let path: String
    /// Open for the build's life; only `pread` is used, so concurrent reads are safe.
    private let fd: Int32

    /// Nil when there is nothing to copy, or the file is not the one `published` (edited by hand).
    init?(path: String, ranges: [ContentDigest: Range<Int>], published: FileStat?) {
        guard !ranges.isEmpty, let published else { return nil }
        fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var info = stat()
        guard fstat(fd, &info) == 0, FileStat(info).sameOutput(as: published) else {
            close(fd)
            return nil
        }
        self.path = path
        self.ranges = ranges
    }

    deinit { close(fd) }

    func contains(_ key: ContentDigest) -> Bool { ranges[key] != nil }

    /// The open file, which `SiteStaging.stream` copies entries from.
    var descriptor: Int32 { fd }
}
