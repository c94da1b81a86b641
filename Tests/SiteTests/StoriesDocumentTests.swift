import Foundation
import Testing
@testable import Site

/// `stories.json` is written by `PrettyJSON`; it must stay byte-identical with Foundation's
/// encoder, which wrote it before and which readers of the file may compare against.
@Suite struct StoriesDocumentTests {
    static func foundationBytes(_ document: StoriesDocument) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(document)) + [0x0A]
    }

    static var awkward: String {
        var text = "Quote \"this\" \\ path/to/page é 😀 \u{7F}\u{2028} e\u{301} "
        for value in 0..<0x20 { text.unicodeScalars.append(Unicode.Scalar(value)!) }
        return text
    }

    static func comparison(only: [String: [String]]) -> StoriesDocument.ComparisonEntry {
        StoriesDocument.ComparisonEntry(
            summary: awkward,
            shared: [.init(text: "Shared", outlets: ["A", "B"]), .init(text: "", outlets: [])],
            only: only,
            quotes: [.init(speaker: nil, variants: []), .init(speaker: "Mayor", variants: [.init(text: awkward, outlets: ["A"])])],
            disagreements: [.init(about: "deaths", values: [.init(value: "3", outlets: ["A"]), .init(value: "4", outlets: [])])],
            headlines: [.init(outlet: "A", title: "Headline")])
    }

    @Test func matchesFoundationsEncoderByteForByte() throws {
        let article = StoriesDocument.ArticleEntry(source: "a.md", outlet: "A", title: Self.awkward, url: nil,
                                                   published: "2026-11-23", author: nil)
        let full = StoriesDocument.ArticleEntry(source: "b.md", outlet: "B", title: "T", url: "https://b.example/x",
                                                published: "2026-11-23T07:00:00Z", author: "Jane Roe")
        // Keys that `String`'s `<` and UTF-8 byte order sort differently, and upper before lower case.
        let only = ["b": ["x"], "B": [], "é": ["y"], "e\u{301}x": ["z"], "f": [], "Zed": ["1", "2"]]
        let document = StoriesDocument(stories: [
            .init(id: "s1", title: "One", date: "2026-11-23", days: ["2026-11-23"], url: "stories/s1/", outlets: ["A", "B"],
                  articles: [article, full], comparison: Self.comparison(only: only)),
            .init(id: "s2", title: "", date: "2026-11-24", days: [], url: "stories/s2/", outlets: [],
                  articles: [], comparison: Self.comparison(only: [:])),
        ])
        #expect(document.encoded() == (try Self.foundationBytes(document)))
        #expect(StoriesDocument(stories: []).encoded() == (try Self.foundationBytes(StoriesDocument(stories: []))))
    }

    /// Escapes found wherever they sit in a string: the writer skips eight bytes at a time.
    @Test func escapesAtEveryPlaceInAString() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        for length in 0..<20 {
            for place in 0...length {
                for special in ["\"", "\\", "\n", "\u{1}", "\u{1F}", "é"] {
                    var text = String(repeating: "a/b ", count: 5).prefix(length)
                    text.insert(contentsOf: special, at: text.index(text.startIndex, offsetBy: place))
                    var json = PrettyJSON()
                    json.string(String(text))
                    #expect(json.bytes == Array(try encoder.encode(String(text))), "\(text.debugDescription)")
                }
            }
        }
    }

    /// A build copies unchanged stories' entries from the last file: any mix of copied and
    /// freshly written entries gives the same bytes as writing them all.
    @Test func copiedEntriesGiveTheSameFile() throws {
        let entries = (0..<4).map { i in
            StoriesDocument.StoryEntry(id: "s\(i)", title: "Story \(i)", date: "2026-11-2\(i)", days: ["2026-11-2\(i)"],
                                       url: "stories/s\(i)/", outlets: ["A"], articles: [],
                                       comparison: Self.comparison(only: i.isMultiple(of: 2) ? [:] : ["A": ["x"]]))
        }
        let fresh = StoriesDocument.encoded(count: entries.count) { i, json in entries[i].write(to: &json) }
        #expect(fresh.bytes == StoriesDocument(stories: entries).encoded())
        // Streamed in small pieces (as into a staging file), copies taken from the fresh file,
        // new entries written in batches of any size.
        for copied in [Set(), [0], [1, 3], [1, 2], [0, 2, 3], [0, 1, 2, 3]] as [Set<Int>] {
            // Entries next to each other in the old file go in one copy.
            let runs = copied.filter { !copied.contains($0 - 1) }.count
            for batchSize in [1, 3, 256] {
                var pieces: [[UInt8]] = []
                var copies = 0
                let ranges = StoriesDocument.write(count: entries.count, stored: { copied.contains($0) ? fresh.ranges[$0] : nil },
                                                   entry: { i, json in entries[i].write(to: &json) }, pieceSize: 100,
                                                   batchSize: batchSize) { piece in
                    switch piece {
                    case .bytes(let bytes): pieces.append(bytes)
                    case .copy(let range):
                        pieces.append(Array(fresh.bytes[range]))
                        copies += 1
                    }
                }
                #expect(copies == runs)
                #expect(pieces.count >= 3)
                #expect(Array(pieces.joined()) == fresh.bytes)
                #expect(ranges == fresh.ranges)
            }
        }
    }
}
