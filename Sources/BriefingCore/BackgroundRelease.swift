import Dispatch

/// Frees large values on another thread. Freeing a full build's comparisons took about 0.1 s on
/// one core after the site was published, with the other core idle and the caller waiting.
public enum BackgroundRelease {
    /// Drops `value` on a background queue; with one worker (`BRIEFING_THREADS=1`), here and now.
    /// The caller must not hold another copy, or only the reference count moves.
    public static func release<T: Sendable>(_ value: consuming T) {
        guard Parallel.workerCount > 1 else { return }
        let held = value
        DispatchQueue.global(qos: .utility).async { withExtendedLifetime(held) {} }
    }
}
