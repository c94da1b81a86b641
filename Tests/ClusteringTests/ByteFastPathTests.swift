import Testing
import BriefingCore
@testable import Clustering

/// The byte-level fast paths of term extraction and signatures answer as the code they replaced.
@Suite struct ByteFastPathTests {
    static let samples = [
        "a", "I", "The", "THE", "us", "Us", "said", "Says", "themselves", "YOURSELVES", "x", "42", "7", "3M", "#1",
        "internationalisations", "inspecting", "bridges", "Bridges", "hopping", "flies", "caresses", "agreed", "happily",
        "cats", "bus", "analysis", "glass", "Ångström", "naïve", "Kelvin", "1234567890123456789", "Marrowford", "aB",
    ]

    /// Every word in `samples`, and every prefix of the longest ones, as UTF-8.
    static var words: [String] {
        samples + (1...21).map { String("internationalisations".prefix($0)) } + (1...19).map { String("1234567890123456789".prefix($0)) }
    }

    enum Meaning: Equatable {
        case skip, number(String), word(String)
    }

    static func meaning(_ analysis: TermExtractor.Analysis, _ extractor: TermExtractor) -> Meaning {
        switch analysis {
        case .skip: .skip
        case .number(let id): .number(extractor.vocabulary[Int(id)])
        case .word(let id): .word(extractor.vocabulary[Int(id)])
        }
    }

    @Test func asciiAnalysisMatchesTheStringOne() {
        var bytesFirst = TermExtractor(), stringFirst = TermExtractor()
        for word in Self.words where word.utf8.allSatisfy({ $0 < 0x80 }) {
            var text = word
            let byBytes = text.withUTF8 { bytesFirst.analysis(ofASCII: $0) }
            let byString = stringFirst.analysis(of: word)
            #expect(Self.meaning(byBytes, bytesFirst) == Self.meaning(byString, stringFirst), "\(word)")
        }
    }

    @Test func stopWordsByBytesMatchTheSet() {
        for word in Self.words + Array(TermExtractor.stopWords) + TermExtractor.stopWords.map({ $0.uppercased() }) {
            var text = word
            #expect(text.withUTF8 { TermExtractor.isStopWord($0) } == TermExtractor.stopWords.contains(word.lowercased()), "\(word)")
        }
    }

    @Test func stemOfBytesMatchesStemOfScalars() {
        for word in Self.words + ["ss", "ies", "sses", "eed", "ying", "stopped", "fizzing", "falling"] {
            let lower = word.lowercased()
            guard lower.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
            var bytes = Array(lower.utf8)
            let count = bytes.withUnsafeMutableBufferPointer { TermExtractor.stem($0) }
            #expect(String(decoding: bytes[..<count], as: UTF8.self) == StemmingFastPathTests.referenceStem(lower), "\(word)")
        }
    }

    @Test func titleCaseMatchesTheWordListReading() {
        func reference(_ text: String) -> Bool {
            let words = TermExtractor.words(text).filter { !TermExtractor.stopWords.contains($0.text.lowercased()) }
            guard words.count >= 3 else { return false }
            return Double(words.filter(\.capitalised).count) >= 0.7 * Double(words.count)
        }
        let titles = ["Quake Hits The City Of Lima", "Quake hits Lima", "The Of And", "Ångström Über Élan Naïve", "A b C d E f",
                      "Mayor Says Budget Will Pass", "mayor says budget will pass", "", "THE CITY AND THE SEA"]
        for title in titles { #expect(TermExtractor.isTitleCase(title) == reference(title), "\(title)") }
    }

    @Test func wordKeysPackTheBytesInOrder() {
        for length in 1...16 {
            let bytes = (0..<length).map { UInt8(0x41 + $0) }
            let key = bytes.withUnsafeBufferPointer { ShortWordTable.key($0) }!
            var expected = ShortWordTable.Key(low: 0, high: 0)
            withUnsafeMutableBytes(of: &expected) { raw in for (k, b) in bytes.enumerated() { raw[k] = b } }
            #expect(key == expected, "\(length)")
        }
        #expect([UInt8]().withUnsafeBufferPointer { ShortWordTable.key($0) } == nil)
        #expect([UInt8](repeating: 0x61, count: 17).withUnsafeBufferPointer { ShortWordTable.key($0) } == nil)
    }

    @Test func phraseTableFindsWhatWasInsertedAcrossGrowth() {
        var table = PhraseTable()
        let largest = UInt64(Int32.max) << 32 | UInt64(Int32.max)
        let keys: [UInt64] = (0..<5000).map { (k: UInt64) -> UInt64 in (k % 71) << 32 | k } + [1 << 62, largest]
        for (k, key) in keys.enumerated() {
            #expect(table.find(key) == nil)
            table.insert(key, Int32(k))
        }
        for (k, key) in keys.enumerated() { #expect(table.find(key) == Int32(k)) }
        #expect(table.find(1 << 40) == nil)
    }

    @Test func radixIDOrderMatchesSorting() {
        var generator = SystemRandomNumberGenerator()
        for size in [0, 1, 2, 3, 300] {
            for bound in [Int32(4), 300, 70_000, 20_000_000, Int32.max] {
                let ids = Array(Set((0..<size * 3).map { _ in Int32.random(in: 0..<bound, using: &generator) }).prefix(size))
                let terms = ArticleTerms(ids: ids, counts: ids.map { _ in 1 }, boosts: ids.map { _ in 1 })
                #expect(terms.idOrder() == ids.indices.sorted { ids[$0] < ids[$1] }, "\(size) \(bound)")
            }
        }
    }

    /// The signature as it was first written.
    static func referenceSignature(_ article: Article, _ terms: ArticleTerms) -> String {
        var text = "\(article.id)\n\(article.source)\n\(article.day)\n\(article.outlet.slug)\n"
        text += "\(article.titleIsDerived)\n\(article.title)\n"
        let entries = terms.entries.sorted { $0.term < $1.term }
        for entry in entries { text += "\(entry.term) \(entry.count.bitPattern) \(entry.boost.bitPattern)\n" }
        return text
    }

    @Test func signatureMatchesItsPlainReading() {
        let article = Fixtures.quakes[0]
        let entries = (0..<400).map { k in
            ArticleTerms.Entry(term: "t\(k * 7919 % 400)", count: Double(k % 37 + 1), boost: [1, 1.5, 2, 2.25, 3, 4.5, 0.1 * Double(k)][k % 7])
        }
        let terms = ArticleTerms(entries: entries)
        #expect(StoryClusterer.signature(of: article, terms: terms) == Self.referenceSignature(article, terms))
        let none = ArticleTerms(entries: [])
        #expect(StoryClusterer.signature(of: article, terms: none) == Self.referenceSignature(article, none))
    }

    /// The digested bytes tell apart exactly the articles and terms the text signature tells apart.
    @Test func signatureBytesAreEqualExactlyWhenTheTextIs() {
        let base = Fixtures.quakes[0]
        var articles = [base, Fixtures.quakes[1]]
        for change in 0..<7 {
            var a = base
            switch change {
            case 0: a.id += "x"
            case 1: a.source += "x"
            case 2: a.outlet = Outlet(name: "Other", slug: "other")
            case 3: a.titleIsDerived.toggle()
            case 4: a.title += " now"
            case 5: a.title = ""
            default: a.title = "Ångström café"
            }
            articles.append(a)
        }
        let entries = [
            ArticleTerms.Entry(term: "quake", count: 2, boost: 3),
            ArticleTerms.Entry(term: "#2026", count: 1, boost: 1.5),
            ArticleTerms.Entry(term: "lima_peru", count: 1, boost: 4.5),
        ]
        var termSets = [ArticleTerms(entries: entries), ArticleTerms(entries: entries.reversed()), ArticleTerms(entries: []),
                        ArticleTerms(entries: Array(entries.prefix(2)))]
        for k in entries.indices {
            var changed = entries
            changed[k].count += 1
            termSets.append(ArticleTerms(entries: changed))
            changed = entries
            changed[k].boost = -0.0
            termSets.append(ArticleTerms(entries: changed))
            changed = entries
            changed[k].term += "s"
            termSets.append(ArticleTerms(entries: changed))
            changed = entries
            changed[k].term = "é" + changed[k].term
            termSets.append(ArticleTerms(entries: changed))
        }
        let cases = articles.flatMap { article in termSets.map { (article, $0) } }
        for (a, s) in cases {
            for (b, t) in cases {
                let sameText = StoryClusterer.signature(of: a, terms: s) == StoryClusterer.signature(of: b, terms: t)
                let sameBytes = StoryClusterer.signatureBytes(of: a, terms: s) == StoryClusterer.signatureBytes(of: b, terms: t)
                #expect(sameText == sameBytes)
            }
        }
    }
}
