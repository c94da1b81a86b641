import Testing
import BriefingCore
@testable import BriefingCore
@testable import Comparison

/// The table's shortcuts give what the long ways gave: tokens gathered in a scratch row, quantities
/// read only in sentences holding a number token or a number word.
@Suite struct SentenceTableShortcutTests {
    static let texts = [
        "Officials said twelve people were hurt.", "A dozen trucks carried 3.5 million tons of aid.",
        "An hour later the dam held.", "Prices rose 5% to $1,000 on June 19 in 2024.", "It was a big day.",
        "The twelve's anthem played.", "Ninety-nine balloons and a million dreams.", "", "   ", "“Quoted,” she said — twice…",
        "Russia’s army didn’t move; it’s 1,000.5 km away.", "a", "billion", "7",
    ]

    static var articles: [Article] {
        [Fixtures.article("Alpha", texts[..<7].joined(separator: " ")),
         Fixtures.article("Beta", texts[7...].joined(separator: " ")),
         Fixtures.article("Gamma", texts.reversed().joined(separator: " "))]
    }

    @Test func quantitiesAreThoseOfEverySentenceRead() {
        let table = SentenceTable(articles: Self.articles)
        var withQuantities = 0
        for i in 0..<table.count {
            let read = QuantityReader.quantities(table.tokens, table.tokenRanges[i], lexicon: table.lexicon)
            #expect(table.entries[i].quantities == read, "\(table.entries[i].text)")
            #expect(table.comparableQuantities[i] == read.filter { !$0.isWord || $0.unit != nil })
            if !read.isEmpty { withQuantities += 1 }
        }
        #expect(withQuantities >= 4)
    }

    @Test func appendedTokensAreTheScannersOneByOne() {
        let lexicon = Lexicon()
        var tokens: [LexToken] = []
        // Short texts after long ones and the reverse: the scratch row is reused and grown.
        let texts = Self.texts + [String(repeating: "word, ", count: 500)] + Self.texts
        for text in texts {
            let first = tokens.count
            lexicon.append(text, to: &tokens)
            var expected: [(RawToken.Kind, String, Int32, Int32)] = []
            var copy = text
            copy.withUTF8 { utf8 in
                TextScanner.scan(utf8) { raw in
                    var printed = String(decoding: UnsafeBufferPointer(rebasing: utf8[raw.start..<raw.end]), as: UTF8.self)
                    if raw.kind == .boundary { printed = "|" }
                    printed = printed.replacingOccurrences(of: "\u{2019}", with: "'")
                    expected.append((raw.kind, printed, Int32(raw.start), Int32(raw.end)))
                }
            }
            let got = tokens[first...]
            #expect(got.count == expected.count, "\(text)")
            for (token, want) in zip(got, expected) {
                #expect(token.kind == want.0 && lexicon.text(Int(token.id)) == want.1)
                #expect(token.start == want.2 && token.end == want.3)
            }
        }
        lexicon.resolve()
        #expect(lexicon.infos.count == lexicon.count)
    }

    @Test func boundaryTakesItsIDWhereFirstMet() {
        let lexicon = Lexicon()
        let tokens = lexicon.tokens("Dam held, then broke.")
        #expect(tokens.map { lexicon.text(Int($0.id)) } == ["Dam", "held", "|", "then", "broke", "|"])
        #expect(tokens.map(\.id) == [0, 1, 2, 3, 4, 2])
    }
}

/// Short keys compared in one masked load find what the byte-by-byte comparison found.
@Suite struct ByteKeyShortCompareTests {
    @Test func shortKeysFindTheSameIDsWhateverFollowsThem() {
        let table = ByteKeyTable()
        // Each word followed by other bytes, and the last ones too close to the end for a load.
        let text = Array("a ab abc dam dams dam, dammed x1234567 x12345678 ab|abc a".utf8)
        var plain: [Int32] = [], masked: [Int32] = [], words: [String] = []
        text.withUnsafeBufferPointer { buffer in
            let end = buffer.baseAddress! + buffer.count
            var start = 0
            for i in 0...buffer.count where i == buffer.count || buffer[i] == 0x20 || buffer[i] == 0x2C || buffer[i] == 0x7C {
                let key = UnsafeBufferPointer(rebasing: buffer[start..<i])
                let hash = ByteHash.hash(key)
                masked.append(table.insert(key, hash: hash, readableUpTo: end).id)
                plain.append(table.insert(key, hash: hash).id)
                words.append(String(decoding: key, as: UTF8.self))
                start = i + 1
            }
        }
        #expect(masked == plain)
        #expect(masked.map { String(decoding: table.key(Int($0)), as: UTF8.self) } == words)
        #expect(table.count == Set(words).count)
    }

    @Test func keysStayFoundAfterTheirBytesGrow() {
        let table = ByteKeyTable()
        let words = (0..<3000).map { "w\($0 % 997)x\($0)" } + (0..<500).map { String($0) }
        var ids: [String: Int32] = [:]
        for word in words {
            var padded = Array((word + "        ").utf8)
            padded.withUnsafeMutableBufferPointer { buffer in
                let key = UnsafeBufferPointer(rebasing: buffer[..<word.utf8.count])
                let id = table.insert(key, hash: ByteHash.hash(key), readableUpTo: buffer.baseAddress! + buffer.count).id
                if let known = ids[word] { #expect(known == id) } else { ids[word] = id }
            }
        }
        #expect(table.count == ids.count)
        for (word, id) in ids { #expect(String(decoding: table.key(Int(id)), as: UTF8.self) == word) }
    }
}
