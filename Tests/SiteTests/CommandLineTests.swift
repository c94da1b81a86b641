import Foundation
import Testing
import TestSupport

/// The real `briefing` executable: exit statuses, what goes to stdout and stderr.
@Suite(.enabled(if: TestPaths.briefingExecutable != nil, "briefing executable not built"))
struct CommandLineTests {
    let briefing = TestPaths.briefingExecutable!

    static let site = """
        -- content/2026-05-04/good-wire-1.md --
        ---
        title: "Tram line reopens after storm repairs"
        outlet: "Good Wire"
        published: 2026-05-04
        ---
        The tram line reopened on Monday after three weeks of storm repairs.
        -- content/2026-05-04/broken.md --
        ---
        title: "Unclosed
        outlet: "Bad Wire"
        ---
        Body.
        -- content/2026-05-04/no-outlet.md --
        ---
        title: "Nobody said who"
        ---
        Body text here.
        """

    func site() -> TemporaryDirectory {
        let dir = TemporaryDirectory()
        SiteFixture.write(Self.site, into: dir)
        dir.write("content/2026-05-04/binary.md", bytes: [0x2D, 0x2D, 0x2D, 0x0A, 0x00, 0x01, 0x02])
        return dir
    }

    @Test func badFilesAreReportedAndSkippedWithStatusOne() throws {
        let dir = site()
        let result = try runCommand(briefing, ["build", "--templates", TestPaths.templates.path], in: dir.url)
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
        #expect(errors.contains("content/2026-05-04/broken.md:3:10: error: invalid YAML: did not find expected key (while parsing a block mapping at line 2, column 1)"))
        #expect(errors.contains("content/2026-05-04/no-outlet.md:1:1: error: front matter has no 'outlet' (who published the article)"))
        #expect(errors.contains { $0.hasPrefix("content/2026-05-04/binary.md:2:1: error: ") && $0.contains("binary") }, "\(errors)")
        // The good article is still published, and the summary goes to stdout.
        #expect(result.stdout.hasPrefix("Built 1 briefing, 1 story from 1 article (1 outlet) in "))
        #expect(dir.read("public/index.html")?.contains("Tram line reopens") == true)
    }

    @Test func quietPrintsNothingOnSuccess() throws {
        let dir = TemporaryDirectory()
        SiteFixture.write(String(Self.site.split(separator: "\n").prefix(7).joined(separator: "\n")), into: dir)
        // An absolute base URL: a relative one is worth a warning (no sitemap), which --quiet keeps.
        dir.write("briefing.yml", "baseURL: \"https://quiet.example/\"\n")
        let result = try runCommand(briefing, ["build", "--quiet", "--templates", TestPaths.templates.path], in: dir.url)
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty && result.stderr.isEmpty)
    }

    @Test func brokenTemplatesPublishNothingWithStatusFour() throws {
        let dir = site()
        dir.write("public/index.html", "previous site")
        dir.write("templates/base.mustache", "{{#unclosed}}")
        let result = try runCommand(briefing, ["build"], in: dir.url)
        #expect(result.status == 4)
        #expect(result.stderr.contains("templates/"))
        #expect(dir.read("public/index.html") == "previous site")
    }

    @Test func usageErrorsExitWithTwo() throws {
        let result = try runCommand(briefing, ["build", "--no-such-option"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--no-such-option"))
    }

    @Test func helpExplainsEveryOption() throws {
        let result = try runCommand(briefing, ["build", "--help"])
        #expect(result.status == 0)
        for option in ["--content", "--templates", "--output", "--config", "--quiet", "--verbose"] {
            #expect(result.stdout.contains(option))
        }
    }
}
