import Foundation
import Testing
@testable import BriefingCore

@Suite struct DayTests {
    /// Built from numbers, a day is exactly the one its `YYYY-MM-DD` text parses to, or none.
    @Test func numbersAgreeWithTheText() {
        for year in [-1, 0, 7, 999, 1900, 2000, 2023, 2024, 9999, 10000] {
            for month in 0...13 {
                for day in 0...32 {
                    let text = String(format: "%04d-%02d-%02d", year, month, day)
                    let fromNumbers = Day(year: year, month: month, day: day)
                    #expect(fromNumbers == Day(text), "\(text)")
                    if let fromNumbers { #expect(fromNumbers.description == text) }
                }
            }
        }
    }

    @Test(arguments: ["2023-06-19", "2024-02-29", "1999-12-31"])
    func parsesRealDays(text: String) throws {
        #expect(try #require(Day(text)).description == text)
    }

    @Test(arguments: ["2023-02-29", "2023-13-01", "2023-6-19", "20230619", "2023-06-19T00:00", "abcd-ef-gh", "",
                      "٢٠٢٣-06-19", "2023-06-1\u{301}9", "2023-06-19 ", " 2023-06-19", "2023--6-19", "-2023-06-19",
                      "2023-06-", "2023-0-619", "+023-06-19", "2023-06-1９", "10000-01-01"])
    func rejectsEverythingElse(text: String) {
        #expect(Day(text) == nil)
    }

    @Test func ordinalCountsDaysSinceEpoch() throws {
        #expect(try #require(Day("1970-01-01")).ordinal == 0)
        #expect(try #require(Day("2023-06-20")).ordinal - #require(Day("2023-06-19")).ordinal == 1)
        #expect(try #require(Day("2024-03-01")).ordinal - #require(Day("2024-02-28")).ordinal == 2)
        #expect(try #require(Day("2023-01-01")) < #require(Day("2023-12-31")))
    }
}

@Suite struct SlugTests {
    @Test func foldsToSafeASCII() {
        #expect(Slug.make("The Hill") == "the-hill")
        #expect(Slug.make("Zürich: Café Crème!") == "zurich-cafe-creme")
        #expect(Slug.make("../../etc/passwd") == "etc-passwd")
        #expect(Slug.make("<script>alert(1)</script>") == "script-alert-1-script")
        #expect(Slug.make("...") == "untitled")
        #expect(Slug.make("", fallback: "outlet") == "outlet")
    }

    /// ASCII texts are slugged on bytes; the answer is the scalar-by-scalar one, limits included.
    @Test(arguments: ["The Hill", "../../etc/passwd", "<script>alert(1)</script>", "...", "", "  --Up 5% at 09:30--  ",
                      "\u{1}x\u{7F}y", String(repeating: "word ", count: 30), String(repeating: "ab-", count: 40)])
    func bytesAgreeWithScalars(text: String) {
        for maxLength in [1, 3, 10, 80] {
            let bytes = Slug.asciiSlug(text, maxLength: maxLength)
            let scalars = Slug.slugByScalars(text, fallback: "", maxLength: maxLength)
            #expect(bytes == scalars, "\(text) at \(maxLength)")
        }
        #expect(Slug.asciiSlug("Zürich", maxLength: 80) == nil)
    }

    @Test func neverLeavesTheFolder() {
        for text in ["..", ".", "/", "a/../b", "\0", "\n\r", "😀"] {
            let slug = Slug.make(text)
            #expect(!slug.isEmpty && !slug.contains("/") && !slug.contains(".."))
        }
    }
}

@Suite struct DiagnosticTests {
    @Test func printsPathLineColumn() {
        let d = Diagnostic.error(SourceLocation(path: "content/a.md", line: 3, column: 7), "missing outlet")
        #expect(d.description == "content/a.md:3:7: error: missing outlet")
        #expect(Diagnostic.warning(SourceLocation(path: "x.md"), "w").description == "x.md:1:1: warning: w")
    }
}

@Suite struct ParallelTests {
    @Test func keepsInputOrder() {
        let input = Array(0..<10_000)
        #expect(Parallel.map(input) { $0 * 2 } == input.map { $0 * 2 })
        #expect(Parallel.map([Int]()) { $0 }.isEmpty)
    }

    @Test func bothGivesEachPartsResult() {
        let (words, total) = Parallel.both({ ["a", "b"].map { $0.uppercased() } }, { (1...100).reduce(0, +) })
        #expect(words == ["A", "B"])
        #expect(total == 5050)
        // Each part may map on all cores itself.
        let input = Array(0..<5_000)
        let (doubled, squared) = Parallel.both({ Parallel.map(input) { $0 * 2 } }, { Parallel.map(input) { $0 * $0 } })
        #expect(doubled == input.map { $0 * 2 })
        #expect(squared == input.map { $0 * $0 })
    }

    /// Many maps at once with heap-allocated results, as parallel tests and builds do. A shared
    /// result array written by several workers corrupted the heap here (crash in malloc).
    @Test func concurrentMapsKeepTheHeapIntact() async {
        let input = Array(0..<4_000)
        let expected = input.map { String(repeating: "x", count: $0 % 64) + String($0) }
        await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<20).allSatisfy { _ in
                        Parallel.map(input) { String(repeating: "x", count: $0 % 64) + String($0) } == expected
                    }
                }
            }
            for await same in group { #expect(same) }
        }
    }
}
