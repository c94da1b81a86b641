/// Collects changed paths and hands them on as one batch once no change has come for a quiet
/// period, so saving twenty files at once (or an editor's write-rename-chmod dance) rebuilds once.
///
/// Generic over the clock so tests can drive time themselves; the server uses
/// `ContinuousClock`.
public actor Debouncer<C: Clock> where C.Duration == Duration {
    public let quietPeriod: Duration
    private let clock: C
    private var pending: Set<String> = []
    // Each signal starts a timer; only the timer of the latest signal may fire.
    private var generation = 0
    private let continuation: AsyncStream<Set<String>>.Continuation

    /// The batches, in order. Each holds every path signalled since the previous batch.
    public nonisolated let batches: AsyncStream<Set<String>>

    public init(quietPeriod: Duration, clock: C) {
        self.quietPeriod = quietPeriod
        self.clock = clock
        (batches, continuation) = AsyncStream<Set<String>>.makeStream()
    }

    /// Records changed paths and restarts the quiet period.
    public func signal(_ paths: some Sequence<String> & Sendable) {
        pending.formUnion(paths)
        generation += 1
        let mine = generation
        let clock = clock
        let quietPeriod = quietPeriod
        Task {
            do { try await clock.sleep(for: quietPeriod) } catch { return }
            self.fire(mine)
        }
    }

    /// Ends `batches` after handing on anything still pending.
    public func finish() {
        if !pending.isEmpty { continuation.yield(pending) }
        pending = []
        continuation.finish()
    }

    private func fire(_ signalGeneration: Int) {
        guard signalGeneration == generation, !pending.isEmpty else { return }
        continuation.yield(pending)
        pending = []
    }
}

extension Debouncer where C == ContinuousClock {
    public init(quietPeriod: Duration) {
        self.init(quietPeriod: quietPeriod, clock: ContinuousClock())
    }
}
