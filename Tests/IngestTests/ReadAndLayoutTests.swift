import BriefingCore
import Foundation
import Testing
@testable import Ingest
import TestSupport

/// Reading a file in one go and finding blocks by index give what the general code gave.
@Suite struct ReadAndLayoutTests {
    @Test func directReadGivesFoundationsBytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ingest-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, bytes) in [("empty.md", []), ("one.md", [0x61]), ("text.md", Array("---\ntitle: x\n---\nBody é\n".utf8))] as [(String, [UInt8])] {
            let url = folder.appendingPathComponent(name)
            try Data(bytes).write(to: url)
            let file = ContentLoader.ContentFile(relativePath: name, displayPath: name, path: url.path)
            #expect(try ContentLoader.read(file) == Data(contentsOf: url))
        }
        let missing = ContentLoader.ContentFile(relativePath: "no.md", displayPath: "content/no.md", path: folder.appendingPathComponent("no.md").path)
        #expect(throws: Diagnostic.self) { try ContentLoader.read(missing) }
        let directory = ContentLoader.ContentFile(relativePath: "d", displayPath: "content/d", path: folder.path)
        #expect(throws: Diagnostic.self) { try ContentLoader.read(directory) }
    }

    /// Blocks as found before by gathering lines into arrays.
    static func referenceBlocks(_ lines: [BodyLine]) -> [[Int]] {
        var blocks: [[Int]] = []
        var current: [Int] = []
        var inFence = false
        for line in lines {
            if MarkdownStripper.isFence(line.text) {
                if !inFence, !current.isEmpty { blocks.append(current); current = [] }
                current.append(line.number)
                if inFence { blocks.append(current); current = [] }
                inFence.toggle()
            } else if inFence {
                current.append(line.number)
            } else if line.isBlank {
                if !current.isEmpty { blocks.append(current); current = [] }
            } else {
                current.append(line.number)
            }
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks
    }

    @Test func blockRangesMatchGatheredBlocks() {
        var generator = SeededGenerator(seed: 41)
        let texts = ["```", "~~~", "", "  ", "Text.", "- item", "| a |", "```swift"]
        for _ in 0..<2000 {
            let lines = (0..<Int.random(in: 0...10, using: &generator)).map {
                BodyLine(number: $0 + 1, text: texts.randomElement(using: &generator)!)
            }
            let ranges = BodyLayout.blocks(of: lines).map { range in range.map { lines[$0].number } }
            #expect(ranges == Self.referenceBlocks(lines), "\(lines.map(\.text))")
        }
    }
}

/// The byte reading of common published dates gives what the regex gives.
@Suite struct QuickDateTests {
    @Test func quickParseAgreesWithTheRegex() {
        var generator = SeededGenerator(seed: 43)
        var texts = ["2026-03-02", "2026-03-02T08:38:00Z", "2026-02-30", "2026-13-01T00:00:00Z", "2026-03-02T24:00:00Z",
                     "2026-03-02T23:60:00Z", "2026-03-02T23:59:60Z", "2026-03-02T23:59:61Z", "2026-03-02t08:38:00Z",
                     "2026-03-02T08:38:00z", "2026-03-02 08:38:00Z", "٢٠٢٦-03-02", "2026-03-02T08:38:00+02:00"]
        let alphabet = Array("0123456789-T:Z tz+")
        for _ in 0..<3000 {
            var chars = Array(Bool.random(using: &generator) ? "2026-03-02T08:38:00Z" : "2026-03-02")
            for _ in 0..<Int.random(in: 0...2, using: &generator) {
                chars[Int.random(in: 0..<chars.count, using: &generator)] = alphabet.randomElement(using: &generator)!
            }
            texts.append(String(chars))
        }
        var quick = 0
        for text in texts {
            guard let parsed = PublishedDate.quickParse(text) else { continue }
            quick += 1
            #expect(parsed == PublishedDate(matching: text), "\(text)")
        }
        #expect(quick > 1000)
    }
}
