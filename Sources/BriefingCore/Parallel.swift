import Foundation
import Dispatch

/// The one way stages use several cores: an order-preserving parallel map over an array.
/// Work items must be independent; results come back in input order, so output stays deterministic.
public enum Parallel {
    /// Worker count: all cores, overridable with `BRIEFING_THREADS` (1 makes everything serial).
    public static let workerCount: Int = {
        if let text = getenv("BRIEFING_THREADS").map({ String(cString: $0) }), let n = Int(text), n > 0 {
            return n
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let workers = min(workerCount, items.count)
        if workers <= 1 { return items.map(transform) }
        let results = ResultBuffer<R>(count: items.count)
        // Chunks keep scheduling overhead low for many small items.
        let chunk = max(1, items.count / (workers * 8))
        let chunks = (items.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let start = c * chunk
            let end = min(items.count, start + chunk)
            for i in start..<end { results.set(i, transform(items[i])) }
        }
        return results.values()
    }
}

/// Each index is written by exactly one worker, so slots need no lock; the array itself is
/// allocated up front and never resized while workers run.
private final class ResultBuffer<R>: @unchecked Sendable {
    private var storage: [R?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: R) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func values() -> [R] { storage.map { $0! } }
}
