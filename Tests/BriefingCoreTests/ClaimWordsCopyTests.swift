import Testing
@testable import BriefingCore

/// `ClaimWords` decodes words of every length (each copy path: 1–3, 4–7, 8–16 bytes and longer) byte for byte.
@Suite struct ClaimWordsCopyTests {
    @Test func copyMovesExactlyTheBytesAsked() {
        let source = (0..<64).map { UInt8(0x41 + $0 % 26) }
        for n in 0...40 {
            var target = [UInt8](repeating: 0, count: 48)
            source.withUnsafeBufferPointer { s in
                target.withUnsafeMutableBufferPointer { t in ClaimWords.copy(s.baseAddress! + 3, to: t.baseAddress! + 2, count: n) }
            }
            #expect(Array(target[2..<(2 + n)]) == Array(source[3..<(3 + n)]), "\(n)")
            #expect(target[..<2].allSatisfy { $0 == 0 } && target[(2 + n)...].allSatisfy { $0 == 0 }, "\(n) wrote outside")
        }
    }

    @Test func wordsOfEveryLengthComeBackByteForByte() {
        let letters = Array("abcdefghijklmnopqrstuvwxyzäöü’0123456789")
        let words = (0...40).map { n in String((0..<n).map { letters[($0 * 7 + n) % letters.count] }) }
        let texts = [words.joined(separator: " "), words.reversed().joined(separator: "  "), words[17], "", words[1] + " " + words[40]]
        let table = ClaimWords()
        let codes = expectRoundTrip(texts, table)
        table.freeze()
        for (text, codes) in zip(texts, codes) { #expect(table.decode(codes[...]) == text) }
    }
}

/// The eight-bytes-at-a-time space scan finds every space, and only spaces, in order.
@Suite struct ClaimWordsSpaceTests {
    @Test func spacesFoundAsByteByByte() {
        let texts = ["", " ", "a", "a b", "        ", "         x", "abcdefg h", "abcdefgh ijklmnop qrstuvwx yz",
                     "Zürich’s café  reopened\u{A0}on Monday", " \u{A0}\u{2009} \t\n ", String(repeating: "ab ", count: 30),
                     "\u{20}\u{A0}\u{E2}\u{80}\u{A0}\u{100}\u{120}\u{220}\u{2020}"]
        for text in texts {
            var copy = text
            let found: [Int] = copy.withUTF8 { bytes in
                var out: [Int] = []
                ClaimWords.forEachSpace(bytes) { out.append($0) }
                return out
            }
            let expected = Array(text.utf8).enumerated().filter { $0.element == 0x20 }.map(\.offset)
            #expect(found == expected, "\(text)")
        }
    }
}
