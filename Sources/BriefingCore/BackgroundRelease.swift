import Dispatch

/// Frees large values on another thread. Freeing a full build's comparisons took about 0.1 s on
/// one core after the site was published, with the other core idle and the caller waiting.
public enum BackgroundRelease {
    /// One queue, in order, so work can follow the releases before it (`afterPendingReleases`).
    private static let queue = DispatchQueue(label: "briefing.background-release", qos: .utility)

    /// Drops `value` on a background queue; with one worker (`BRIEFING_THREADS=1`), here and now.
    /// The caller must not hold another copy, or only the reference count moves.
    public static func release<T: Sendable>(_ value: consuming T) {
        guard Parallel.workerCount > 1 else { return }
        let held = value
        queue.async { withExtendedLifetime(held) {} }
    }

    /// Runs `work` once every value released so far is freed; with one worker, here and now.
    public static func afterPendingReleases(_ work: @escaping @Sendable () -> Void) {
        guard Parallel.workerCount > 1 else { return work() }
        queue.async(execute: work)
    }
}
