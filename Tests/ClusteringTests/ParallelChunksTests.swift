import BriefingCore
import Testing
@testable import Clustering

/// Ranges for per-range work cover `0..<count` in order, without gaps, within their bounds.
@Suite struct ParallelChunksTests {
    @Test(arguments: [0, 1, 63, 64, 1000, 10_000, 100_000])
    func rangesCoverEverythingInOrderWithinTheirBounds(count: Int) {
        for (minimum, maximum) in [(64, 1024), (16, Int.max), (64, 32)] {
            let ranges = Parallel.chunks(count, minimum: minimum, maximum: maximum)
            #expect(ranges.flatMap { Array($0) } == Array(0..<count))
            // Every range but the last is exactly the common size, at least `minimum`, and at most
            // `maximum` unless `minimum` is larger.
            let size = ranges.first?.count ?? 0
            #expect(ranges.dropLast().allSatisfy { $0.count == size })
            if ranges.count > 1 { #expect(size >= minimum && size <= max(minimum, maximum)) }
        }
    }
}
