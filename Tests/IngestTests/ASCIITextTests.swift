import BriefingCore
import Foundation
import Testing
@testable import Ingest
import TestSupport

/// ASCII paragraphs, whose units are looked up from their bytes, split as `ScalarText` splits them.
@Suite struct ASCIITextTests {
    static let asciiPieces = FastPathTests.pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } && !$0.contains("\r") }
        + ["Inc.", "co.", "Jr.", "approx.", "said.", "Monday.", "A.", "5.", "x5.", "\"Go.\"", "(", "1", "Mt.", "etc."]

    static func asciiTexts(count: Int, seed: UInt64) -> [[String]] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                (0..<Int.random(in: 0...30, using: &generator)).map { _ in asciiPieces.randomElement(using: &generator)! }.joined()
            }
        }
    }

    @Test func splitsAsScalarText() throws {
        let segmenter = SentenceSegmenter()
        for parts in Self.asciiTexts(count: 3000, seed: 11) + [[""], ["", "a"], ["a", ""], ["a", "", "b. C"]] {
            let ascii = try #require(ASCIIText(parts))
            let scalars = try #require(ScalarText(parts))
            #expect(ascii.partStarts == scalars.partStarts, "\(parts)")
            let ranges = segmenter.split(ascii)
            #expect(ranges == segmenter.split(scalars), "\(parts)")
            let sentences = ascii.withUnits { units in ranges.map { ascii.sentence($0, units: units) } }
            #expect(sentences == scalars.withUnits { units in ranges.map { scalars.sentence($0, units: units) } }, "\(parts)")
            ascii.withUnits { units in
                #expect((0..<units.count).map { units[$0] } == scalars.units)
                #expect(SentenceSegmenter.closedQuotations(units) == SentenceSegmenter.closedQuotations(scalars.units))
            }
        }
    }

    @Test func asciiSegmentingMatchesCharacterReference() {
        let segmenter = SentenceSegmenter()
        for parts in Self.asciiTexts(count: 2000, seed: 12) {
            let lines = parts.enumerated().map { BodyLine(number: $0.offset + 1, text: $0.element) }
            #expect(segmenter.segment(paragraphs: [lines]) == Reference.segment(paragraphs: [lines]), "\(parts)")
        }
    }

    @Test func nonASCIITextIsRefused() {
        #expect(ASCIIText(["abc", "dé"]) == nil)
        #expect(ASCIIText(["“x”"]) == nil)
        #expect(ASCIIText(["abcdefghijklmnop\u{80}"]) == nil)
    }

    /// The bytes the eight-at-a-time scans look for are those the table gives the flags to.
    @Test func scannedBytesAreTheTablesOwn() {
        let terminators = (0..<128).filter { ASCIIText.table[$0].contains(.terminator) }.map(UInt8.init)
        #expect(terminators == ByteUnits.terminators)
        let opening = (0..<128).filter { !ASCIIText.table[$0].isDisjoint(with: [.curlyOpen, .straightQuote]) }.map(UInt8.init)
        #expect(opening == [ByteUnits.openingMark])
    }

    /// Scans find the first flagged unit wherever it sits in a word, in both kinds of units.
    @Test func scansFindEveryOffset() {
        for mark in ["." , "!", "?", "\""] {
            for k in 0..<20 {
                var text = Array(repeating: "a", count: 20)
                text[k] = mark
                var joined = text.joined()
                let units = joined.map(SentenceSegmenter.Unit.init)
                joined.withUTF8 { bytes in
                    ASCIIText.table.withUnsafeBufferPointer { table in
                        let byteUnits = ByteUnits(bytes: bytes, table: table.baseAddress!)
                        units.withUnsafeBufferPointer { stored in
                            let expectedTerminator = mark == "\"" ? 20 : k
                            let expectedMark = mark == "\"" ? k : 20
                            #expect(byteUnits.firstTerminator(from: 0) == expectedTerminator)
                            #expect(stored.firstTerminator(from: 0) == expectedTerminator)
                            #expect(byteUnits.firstOpeningMark(from: 0) == expectedMark)
                            #expect(stored.firstOpeningMark(from: 0) == expectedMark)
                            #expect(byteUnits.firstTerminator(from: k + 1) == 20)
                        }
                    }
                }
            }
        }
    }

    @Test func packedKeysMatchTheWordLists() {
        #expect(SentenceSegmenter.packedKey("mr") == 0x726D)
        #expect(SentenceSegmenter.packedKey("u.s") == nil && SentenceSegmenter.packedKey("gov't") == nil)
        #expect(SentenceSegmenter.neverFinalKeys.count == SentenceSegmenter.neverFinal.filter { !$0.contains("'") }.count)
        var text = "xx Mr. Inc."
        text.withUTF8 { bytes in
            ASCIIText.table.withUnsafeBufferPointer { table in
                let units = ByteUnits(bytes: bytes, table: table.baseAddress!)
                #expect(units.asciiKey(3..<5) == SentenceSegmenter.packedKey("mr"))
                #expect(units.asciiKey(7..<10) == SentenceSegmenter.packedKey("inc"))
                #expect(units.asciiKey(0..<9) == nil)
            }
        }
    }
}
