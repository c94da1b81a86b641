import Foundation
import Testing
import TestSupport
@testable import Site
#if canImport(Glibc)
import Glibc
#endif

/// What cron relies on, with the real executable: a killed build never leaves a partial site or
/// a lock that blocks the next one, and a second build at once gives up at once with status 3.
@Suite(.enabled(if: TestPaths.briefingExecutable != nil, "briefing executable not built"))
struct CronSafetyTests {
    let briefing = TestPaths.briefingExecutable!

    func arguments(_ dir: TemporaryDirectory) -> [String] {
        ["build", "--quiet", "--content", dir.appending("content").path, "--templates", TestPaths.templates.path,
         "--output", dir.appending("public").path, "--config", dir.appending("briefing.yml").path]
    }

    func leftovers(_ dir: TemporaryDirectory) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? [])
            .filter { $0.hasPrefix(".public.staging-") || $0.hasPrefix(".public.old-") }
    }

    @Test func killNineAtRandomMomentsNeverLeavesAPartialSite() throws {
        let dir = TemporaryDirectory()
        let paths = writeGeneratedSite(into: dir, articles: 40)
        dir.write("briefing.yml", "title: \"Kill 0\"\nbaseURL: \"https://kill.example/\"\n")
        let clock = ContinuousClock()
        let started = clock.now
        #expect(try runCommand(briefing, arguments(dir)).status == 0)
        let fullBuild = (clock.now - started).milliseconds
        var previous = fileTree(dir.appending("public"))
        var rng = SeededGenerator(seed: 9)
        for round in 1...20 {
            // A new title forces a full build; editing one article exercises the incremental path.
            if round % 2 == 0 {
                dir.write("briefing.yml", "title: \"Kill \(round)\"\nbaseURL: \"https://kill.example/\"\n")
            } else {
                let path = paths[Int(rng.next() % UInt64(paths.count))]
                dir.write(path, (dir.read(path) ?? "") + "\nRound \(round) added a sentence to this report.\n")
            }
            let process = Process()
            process.executableURL = briefing
            process.arguments = arguments(dir)
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(Double(rng.next() % 1000) / 1000 * fullBuild * 1000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let observed = fileTree(dir.appending("public"))

            let next = try runCommand(briefing, arguments(dir))
            #expect(next.status == 0, "round \(round): a stale lock or leftover blocked the next build: \(next.stderr)")
            let completed = fileTree(dir.appending("public"))
            #expect(observed == previous || observed == completed, "round \(round): public/ was partial after kill -9")
            #expect(completed != previous, "round \(round): the change did not show")
            #expect(leftovers(dir).isEmpty, "round \(round): \(leftovers(dir))")
            previous = completed
        }
    }

    @Test func secondBuildAtOnceExitsThreeAndTouchesNothing() throws {
        let dir = TemporaryDirectory()
        writeGeneratedSite(into: dir, articles: 6)
        dir.write("briefing.yml", "baseURL: \"https://lock.example/\"\n")
        #expect(try runCommand(briefing, arguments(dir)).status == 0)
        let before = fileIdentities(dir.appending("public"))
        let holder = try SiteLock(outputDirectory: dir.appending("public"))
        let clock = ContinuousClock()
        let started = clock.now
        let second = try runCommand(briefing, arguments(dir))
        #expect(second.status == 3)
        #expect(second.stderr.contains("another build"))
        #expect(clock.now - started < .seconds(20), "it gave up instead of waiting")
        #expect(fileIdentities(dir.appending("public")) == before)
        withExtendedLifetime(holder) {}
    }

    @Test func strictTurnsWarningsIntoStatusOneAndPublishesNothing() throws {
        let dir = TemporaryDirectory()
        writeGeneratedSite(into: dir, articles: 6)
        dir.write("briefing.yml", "baseURL: \"/\"\n")  // relative base URL: a warning
        let plain = try runCommand(briefing, arguments(dir))
        #expect(plain.status == 0)
        #expect(plain.stderr.contains("warning:"))
        dir.write("content/2026-04-01/late.md", "---\ntitle: \"Late\"\noutlet: \"Late Wire\"\n---\nA late report arrived.\n")
        let before = fileTree(dir.appending("public"))
        let strict = try runCommand(briefing, arguments(dir) + ["--strict"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("--strict"))
        #expect(fileTree(dir.appending("public")) == before)
    }

    @Test func checkWritesNothingAndReportsProblems() throws {
        let dir = TemporaryDirectory()
        writeGeneratedSite(into: dir, articles: 6)
        dir.write("briefing.yml", "baseURL: \"https://check.example/\"\n")
        let checkArguments = ["check", "--content", dir.appending("content").path, "--templates", TestPaths.templates.path,
                              "--output", dir.appending("public").path, "--config", dir.appending("briefing.yml").path]
        let clean = try runCommand(briefing, checkArguments)
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout.hasPrefix("Checked 6 articles"))
        #expect((try FileManager.default.contentsOfDirectory(atPath: dir.path)).sorted() == ["briefing.yml", "content"])

        dir.write("content/2026-04-01/broken.md", "---\ntitle: \"x\n---\nBody.\n")
        let bad = try runCommand(briefing, checkArguments)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("broken.md:"))

        let templates = dir.appending("templates")
        try FileManager.default.copyItem(at: TestPaths.templates, to: templates)
        let base = templates.appendingPathComponent("base.mustache")
        try (String(contentsOf: base, encoding: .utf8) + "{{#unclosed}}").write(to: base, atomically: false, encoding: .utf8)
        var arguments = checkArguments
        arguments[4] = templates.path
        #expect(try runCommand(briefing, arguments).status == 4)
        #expect(!dir.exists("public"))
    }
}
