import TestSupport
import Testing
@testable import Clustering

/// Ranges' vocabularies merged pairwise give what one table over every range, then one sort,
/// gave: the distinct terms ascending, summed frequencies, the earliest range's spelling, and
/// each range's terms at their rank.
@Suite struct SortedVocabularyTests {
    /// The way terms were merged before: in order of first appearance over the ranges, then sorted.
    static func reference(_ vocabularies: [[String]], _ frequencies: [[Int]]) -> (terms: [String], frequency: [Int], ranks: [[Int]]) {
        var terms: [String] = [], frequency: [Int] = [], ids: [String: Int] = [:]
        let local = zip(vocabularies, frequencies).map { vocabulary, counts in
            zip(vocabulary, counts).map { term, count -> Int in
                let id = ids[term] ?? terms.count
                if id == terms.count { ids[term] = id; terms.append(term); frequency.append(0) }
                frequency[id] += count
                return id
            }
        }
        let order = terms.indices.sorted { terms[$0] < terms[$1] }
        var rank = [Int](repeating: 0, count: order.count)
        for (position, id) in order.enumerated() { rank[id] = position }
        return (order.map { terms[$0] }, order.map { frequency[$0] }, local.map { $0.map { rank[$0] } })
    }

    static func merged(_ vocabularies: [[String]], _ frequencies: [[Int]]) -> (terms: [String], frequency: [Int], ranks: [[Int]]) {
        let sorted = zip(vocabularies, frequencies).map { SortedVocabulary.sorting($0, documentFrequency: $1) }
        let merged = SortedVocabulary.merging(sorted.map(\.0))
        let ranks = zip(sorted, merged.positions).map { part, positions in part.localPositions.map { Int(positions[Int($0)]) } }
        return (merged.terms, merged.documentFrequency, ranks)
    }

    @Test(arguments: [0, 1, 2, 3, 5, 8, 13])
    func mergeAnswersAsOneTableThenOneSort(ranges: Int) {
        var generator = SeededGenerator(seed: UInt64(ranges) + 7)
        let pool = (0..<60).map { "t\($0 * 37 % 60)" } + ["#12", "a_b", "zeta", "Éclair", "éclair", "e\u{301}clair", ""]
        let vocabularies = (0..<ranges).map { _ in
            Array(Set((0..<Int(generator.next() % 25)).map { _ in pool[Int(generator.next() % UInt64(pool.count))] }))
        }
        let frequencies = vocabularies.map { $0.map { _ in Int(generator.next() % 9) + 1 } }
        let got = Self.merged(vocabularies, frequencies), want = Self.reference(vocabularies, frequencies)
        #expect(got.terms == want.terms && got.frequency == want.frequency && got.ranks == want.ranks)
        // Spellings too, not only String equality (canonically equivalent spellings are equal).
        #expect(got.terms.map { Array($0.utf8) } == want.terms.map { Array($0.utf8) })
    }

    /// The last merge, cut in pieces merged in parallel, answers as one table then one sort: terms
    /// equal to the cut term in the later list, canonically equal spellings on both sides of it.
    @Test(arguments: [2, 3, 4])
    func lastMergeCutInPiecesAnswersAsOneTable(ranges: Int) {
        var generator = SeededGenerator(seed: UInt64(ranges) * 31)
        let pool = (0..<12_000).map { "w\($0 * 7_919 % 12_000)" } + ["\u{e9}t\u{e9}", "e\u{301}te\u{301}", "w6000", "w5999"]
        let vocabularies = (0..<ranges).map { r in
            Array(Set((0..<(6_000 + r * 700)).map { _ in pool[Int(generator.next() % UInt64(pool.count))] } + ["w6000", "e\u{301}te\u{301}"]))
        }
        let frequencies = vocabularies.map { $0.map { _ in Int(generator.next() % 9) + 1 } }
        #expect(vocabularies.allSatisfy { $0.count >= 4_096 })  // large enough to be cut
        let got = Self.merged(vocabularies, frequencies), want = Self.reference(vocabularies, frequencies)
        #expect(got.terms == want.terms && got.frequency == want.frequency && got.ranks == want.ranks)
        #expect(got.terms.map { Array($0.utf8) } == want.terms.map { Array($0.utf8) })
    }

    @Test func earliestRangeSpellingStandsForCanonicallyEqualTerms() {
        let composed = "\u{e9}t\u{e9}", decomposed = "e\u{301}te\u{301}"
        let got = Self.merged([["zulu", decomposed], ["alpha", composed]], [[1, 2], [3, 4]])
        #expect(got.terms.map { Array($0.utf8) } == [Array("alpha".utf8), Array("zulu".utf8), Array(decomposed.utf8)])
        #expect(got.frequency == [3, 1, 6])
        #expect(got.ranks == [[1, 2], [0, 2]])
    }

    /// ASCII vocabularies are sorted by their first eight bytes first: the order is the Strings'.
    @Test func asciiVocabulariesSortAsTheirStrings() {
        var generator = SystemRandomNumberGenerator()
        let stems = ["", "a", "ab", "international", "internationally", "#2026", "lima_peru", "zz", "a_b"]
        var terms = Set<String>()
        while terms.count < 400 {
            let stem = stems.randomElement(using: &generator)!
            let tail = String((0..<Int.random(in: 0...9, using: &generator)).map { _ in "abz_#09".randomElement(using: &generator)! })
            if !(stem + tail).isEmpty { terms.insert(stem + tail) }
        }
        let vocabulary = Array(terms)
        #expect(SortedVocabulary.asciiPrefixKeys(vocabulary) != nil)
        #expect(SortedVocabulary.asciiPrefixKeys(vocabulary + ["café"]) == nil)
        let (sorted, _) = SortedVocabulary.sorting(vocabulary, documentFrequency: vocabulary.map(\.count))
        #expect(sorted.terms == vocabulary.sorted())
        #expect(sorted.documentFrequency == vocabulary.sorted().map(\.count))
    }
}
