import BriefingCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The report of a build in progress and its stage clock.
struct BuildRun {
    var report = BuildReport()
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var lap: ContinuousClock.Instant
    private var cpuLap = Self.usage().cpuMilliseconds
    /// False for a rebuild of a few known edits: it frees little, and trimming a large heap
    /// cost a tenth of such a rebuild.
    var releasesFreedMemory = true

    init() {
        start = clock.now
        lap = start
    }

    mutating func stage(_ name: String) {
        if releasesFreedMemory { Self.releaseFreedMemory() }
        let now = clock.now, usage = Self.usage()
        report.stageTimes.append(StageTime(
            stage: name, milliseconds: (now - lap).milliseconds, cpuMilliseconds: usage.cpuMilliseconds - cpuLap,
            peakMegabytes: usage.peakMegabytes, heldMegabytes: Self.residentMegabytes()))
        (lap, cpuLap) = (now, usage.cpuMilliseconds)
    }

    private typealias MallocTrim = @convention(c) (Int) -> Int32
    /// glibc's `malloc_trim`, looked up at run time: Swift's Glibc module does not declare it.
    private static let mallocTrim = GlibcFunction.lookUp("malloc_trim", as: MallocTrim.self)

    /// A stage's transients are freed by now but their pages, scattered over malloc's arenas,
    /// stay resident; handing them back keeps the next stage from stacking on them.
    static func releaseFreedMemory() {
        _ = mallocTrim?(0)
    }

    /// The whole process so far: user and system CPU time, and peak resident memory (Linux
    /// reports `ru_maxrss` in KiB); zeros where `getrusage` fails.
    static func usage() -> (cpuMilliseconds: Double, peakMegabytes: Int) {
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return (0, 0) }
        func ms(_ t: timeval) -> Double { Double(t.tv_sec) * 1000 + Double(t.tv_usec) / 1000 }
        return (ms(usage.ru_utime) + ms(usage.ru_stime), usage.ru_maxrss / 1024)
    }

    /// Resident memory now, from `/proc/self/statm` (0 where it cannot be read): what a stage
    /// leaves held, where the peak also counts what it held while working.
    static func residentMegabytes() -> Int {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
              let pages = statm.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return 0 }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / (1024 * 1024)
    }

    mutating func finish() {
        report.totalMilliseconds = (clock.now - start).milliseconds
    }

    mutating func fail(_ diagnostics: [Diagnostic]) -> BuildFailure {
        finish()
        return BuildFailure(diagnostics: report.diagnostics + diagnostics, report: report)
    }

    /// `--strict`: the build's warnings and errors stop it before anything is published.
    mutating func failStrict() -> BuildFailure {
        finish()
        var failure = BuildFailure(diagnostics: report.diagnostics, report: report)
        failure.isStrict = true
        return failure
    }
}
