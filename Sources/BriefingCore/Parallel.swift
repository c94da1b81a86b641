import Foundation
import Dispatch

/// How stages use several cores: an order-preserving parallel map over an array, and two
/// independent parts side by side (`both`). Work items must be independent; results come back
/// in input order, so output stays deterministic.
public enum Parallel {
    /// Worker count: all cores, overridable with `BRIEFING_THREADS` (1 makes everything serial).
    public static let workerCount: Int = {
        if let text = getenv("BRIEFING_THREADS").map({ String(cString: $0) }), let n = Int(text), n > 0 {
            return n
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// `first` here and `second` on a thread of its own, at once: two independent parts of a
    /// stage. Either may use `map` itself (a `map` inside another's work item runs on one core).
    public static func both<A, B: Sendable>(_ first: () -> A, _ second: @escaping @Sendable () -> B) -> (A, B) {
        guard workerCount > 1 else { return (first(), second()) }
        let result = SecondResult<B>()
        let done = DispatchSemaphore(value: 0)
        Thread {
            result.value = second()
            done.signal()
        }.start()
        let a = first()
        done.wait()
        return (a, result.value!)
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

/// Written by `both`'s thread before it signals, read after the wait.
private final class SecondResult<B>: @unchecked Sendable {
    var value: B?
}

/// Workers write disjoint slots, so sharing the base pointer across threads is safe.
private struct SlotPointer<R>: @unchecked Sendable {
    let base: UnsafeMutablePointer<R>
}
