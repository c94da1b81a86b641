import BriefingCore
import Dispatch
import Foundation
import Synchronization
import Site

/// Builds the site into the serve folder and turns each build into an update for open pages.
///
/// A build with article errors publishes what built (exactly like `briefing build`, so other
/// edits still show) and pages show the errors in an overlay; a build that fails publishes
/// nothing, so the last good site keeps being served under the overlay.
public final class PreviewSession: Sendable {
    /// The build's folders; `outputDirectory` is the folder the server reads.
    public let options: BuildOptions
    public let hub: LiveReloadHub
    /// The build cache's stores as the last build left them: a rebuild reads none back from disk.
    let memory = BuildMemory()

    public init(options: BuildOptions, hub: LiveReloadHub = LiveReloadHub()) {
        self.options = options
        self.hub = hub
    }

    /// The inputs a change to which rebuilds the site.
    public var watchedPaths: [String] {
        [options.contentDirectory, options.templatesDirectory, options.configFile]
    }

    /// Starts watching the inputs now, so nothing saved during the first build is missed.
    public func startWatching(backend: FileWatcher.Backend? = nil) -> FileWatcher {
        FileWatcher(roots: watchedPaths, backend: backend)
    }

    /// Builds once, publishes the outcome to open pages and returns it. Pages are told, and
    /// `announce` called, as soon as the new site is switched in (or, when nothing is switched
    /// in, once the build ends); the build then saves its cache before returning.
    public func build(changed: [String], announce: @escaping @Sendable (RebuildResult) -> Void = { _ in }) async -> RebuildResult {
        await build(changed: changed, warmingUp: false, announce: announce)
    }

    /// Started over an unchanged site, the first build had nothing to make, so memory holds no
    /// last build and the first edit would take the full way (seconds at 100k articles). This
    /// takes it now, carrying every file; pages hear of it only if it wrote something (a file
    /// saved during the first build). Nothing is done when memory already holds a last build.
    public func warmUp(announce: @escaping @Sendable (RebuildResult) -> Void = { _ in }) async {
        guard !memory.holdsLastBuild else { return }
        _ = await build(changed: [], warmingUp: true, announce: announce)
    }

    private func build(changed: [String], warmingUp: Bool, announce: @escaping @Sendable (RebuildResult) -> Void) async -> RebuildResult {
        let memory = memory
        let clock = ContinuousClock()
        let start = clock.now
        let previous = hub.state
        let milliseconds = { @Sendable in
            let elapsed = clock.now - start
            return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        }
        let published = Mutex<RebuildResult?>(nil)
        // The build is synchronous and CPU-bound: keep it off the cooperative pool, whose
        // threads also serve requests and event streams.
        let result: Result<BuildReport, BuildFailure> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: self.runBuild(changed: changed, warmingUp: warmingUp) { report in
                    guard !warmingUp || report.filesWritten > 0 else { return }
                    let rebuild = self.rebuild(Self.outcome(report), changed: changed, milliseconds: milliseconds(), after: previous)
                    self.hub.publish(rebuild.update)
                    published.withLock { $0 = rebuild }
                    announce(rebuild)
                })
                // The builder is gone: what it freed goes back to the system while the site is served.
                memory.releaseFreedMemory()
            }
        }
        switch result {
        case .success(let report):
            if var rebuild = published.withLock({ $0 }) {
                rebuild.outcome = Self.outcome(report)
                return rebuild
            }
            // Nothing to switch in (no change at all): done now. A warm-up that wrote nothing
            // changed nothing pages show.
            let rebuild = rebuild(Self.outcome(report), changed: changed, milliseconds: milliseconds(), after: previous)
            if warmingUp { return rebuild }
            hub.publish(rebuild.update)
            announce(rebuild)
            return rebuild
        case .failure(let failure):
            let rebuild = rebuild(.failed(failure), changed: changed, milliseconds: milliseconds(), after: previous)
            // Pages already show what the first build found wrong.
            if warmingUp { return rebuild }
            hub.publish(rebuild.update)
            announce(rebuild)
            return rebuild
        }
    }

    /// One build; `onPublished` as soon as the new site is switched in.
    private func runBuild(
        changed: [String], warmingUp: Bool, onPublished: @escaping @Sendable (BuildReport) -> Void
    ) -> Result<BuildReport, BuildFailure> {
        var builder = SiteBuilder(options: options, memory: memory)
        // What the watcher saw: only those content files are looked at again.
        builder.changedPaths = changed.isEmpty ? nil : changed
        builder.rebuildsUnchanged = warmingUp
        builder.onPublished = onPublished
        do throws(BuildFailure) {
            return .success(try builder.build())
        } catch {
            return .failure(error)
        }
    }

    private static func outcome(_ report: BuildReport) -> RebuildResult.Outcome {
        report.errorCount > 0 ? .publishedWithErrors(report) : .published(report)
    }

    private func rebuild(
        _ outcome: RebuildResult.Outcome, changed: [String], milliseconds: Double, after previous: LiveReloadHub.Update
    ) -> RebuildResult {
        var rebuild = RebuildResult(outcome: outcome, changed: changed, milliseconds: milliseconds, update: previous)
        rebuild.update = nextUpdate(
            after: previous, outcome: outcome, changed: changed, overlay: rebuild.overlayText(hasSite: previous.build > 0))
        return rebuild
    }

    /// Debounces the watcher's changes and rebuilds once per quiet batch, calling `onResult`
    /// once per build as soon as its outcome is out (`build(changed:announce:)`), until the
    /// watcher stops or the task is cancelled.
    public func rebuildLoop(
        watcher: FileWatcher, quietPeriod: Duration = .milliseconds(50),
        onResult: @escaping @Sendable (RebuildResult) -> Void
    ) async {
        let debouncer = Debouncer(quietPeriod: quietPeriod)
        await withTaskCancellationHandler {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await paths in watcher.changes { await debouncer.signal(paths) }
                    await debouncer.finish()
                }
                group.addTask {
                    // Inputs as of the last build: a path that neither exists now nor existed
                    // then (`sed -i`'s temp file, an editor's backup) changed nothing. Listed once,
                    // then kept up to date from the watcher's reports (listing them again after
                    // every build cost a fifth of a one-article rebuild at 10k articles).
                    var known = self.inputFiles()
                    await self.warmUp(announce: onResult)
                    for await batch in debouncer.batches {
                        let inputs = batch.filter { !self.isOutput($0) }
                        let existing = Set(inputs.filter { FileManager.default.fileExists(atPath: $0) })
                        let relevant = inputs.filter { known.contains($0) || existing.contains($0) }
                        for path in inputs {
                            if existing.contains(path) { known.insert(path) } else { known.remove(path) }
                        }
                        guard !relevant.isEmpty else { continue }
                        _ = await self.build(changed: relevant.sorted(), announce: onResult)
                    }
                }
            }
        } onCancel: {
            watcher.stop()
        }
    }

    /// The served site (and its staging folder and lock beside it), should `--output` point
    /// inside a watched folder: writing it must not trigger another build.
    func isOutput(_ path: String) -> Bool {
        let output = URL(fileURLWithPath: FileWatcher.trimmed(options.outputDirectory))
        let parent = output.deletingLastPathComponent().path
        let name = output.lastPathComponent
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        guard standardized.hasPrefix(parent + "/") else { return false }
        let first = standardized.dropFirst(parent.count + 1).split(separator: "/").first.map(String.init) ?? ""
        return first == name || first.hasPrefix(".\(name).")
    }

    /// Every file and folder under the watched inputs.
    func inputFiles() -> Set<String> {
        Set(PollingWatcher.snapshot(watchedPaths.map(FileWatcher.trimmed)).keys)
    }

    /// The next state for pages: a new build number when something was published, the
    /// errors (or none), and whether only stylesheets changed so pages can swap them in place.
    func nextUpdate(
        after previous: LiveReloadHub.Update, outcome: RebuildResult.Outcome, changed: [String], overlay: String?
    ) -> LiveReloadHub.Update {
        switch outcome {
        case .published:
            let cssOnly = !changed.isEmpty && previous.error == nil && changed.allSatisfy(isStylesheet)
            return LiveReloadHub.Update(build: previous.build + 1, cssOnly: cssOnly, error: nil)
        case .publishedWithErrors:
            return LiveReloadHub.Update(build: previous.build + 1, cssOnly: false, error: overlay)
        case .failed:
            return LiveReloadHub.Update(build: previous.build, cssOnly: false, error: overlay)
        }
    }

    /// A stylesheet under `templates/static/`, which the build copies as is.
    func isStylesheet(_ path: String) -> Bool {
        let staticFolder = FileWatcher.trimmed(options.templatesDirectory) + "/static/"
        return path.hasPrefix(staticFolder) && path.lowercased().hasSuffix(".css")
    }
}
