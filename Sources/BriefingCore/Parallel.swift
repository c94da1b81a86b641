import Foundation
import Dispatch

/// The one way stages use several cores: an order-preserving parallel map over an array (and two
/// independent parts side by side, through it). Work items must be independent; results come back
/// in input order, so output stays deterministic.
public enum Parallel {
    /// Worker count: all cores, overridable with `BRIEFING_THREADS` (1 makes everything serial).
    public static let workerCount: Int = {
        if let text = getenv("BRIEFING_THREADS").map({ String(cString: $0) }), let n = Int(text), n > 0 {
            return n
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// `first` and `second` at once, one per core: two independent parts of a stage.
    public static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let results = map([true, false]) { isFirst -> (A?, B?) in isFirst ? (first(), nil) : (nil, second()) }
        return (results[0].0!, results[1].1!)
    }

    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let workers = min(workerCount, items.count)
        if workers <= 1 { return items.map(transform) }
        // Chunks keep scheduling overhead low for many small items; many of them keep the last one
        // short, so no core idles long at a stage's end waiting for the other's chunk.
        let chunk = max(1, items.count / (workers * 32))
        let chunks = (items.count + chunk - 1) / chunk
        // Each worker initialises its own slots of uninitialised storage through a raw pointer.
        // Writing through a shared Swift array instead races on its uniqueness check (copy-on-write)
        // and corrupted the heap under parallel tests.
        return [R](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            let slots = SlotPointer(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                let start = c * chunk
                let end = min(items.count, start + chunk)
                for i in start..<end { (slots.base + i).initialize(to: transform(items[i])) }
            }
            initialized = items.count
        }
    }
}

/// Workers write disjoint slots, so sharing the base pointer across threads is safe.
private struct SlotPointer<R>: @unchecked Sendable {
    let base: UnsafeMutablePointer<R>
}
