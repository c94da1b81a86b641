import BriefingCore
import Testing
@testable import Site

@Suite struct OutputPlanTests {
    @Test(arguments: ["index.html", "stories/a-b/index.html", "2026-01-02/index.html", "style.css", "fonts/x_y.woff2"])
    func acceptsPlainPaths(path: String) {
        #expect(OutputPlan.isSafe(path))
    }

    @Test(arguments: ["", "/etc/passwd", "../x", "a/../../x", "a//b", ".hidden", "a/./b", "stories/<script>/index.html",
                      "a\\b", "a b", "stories/ü/index.html", "a/", "a/..", "..", "x\u{0}y", "é", "/"])
    func rejectsEverythingElse(path: String) {
        #expect(!OutputPlan.isSafe(path))
    }

    @Test func collisionIsAnError() throws {
        var plan = OutputPlan()
        try plan.add(OutputFile(path: "a/index.html", text: "1"))
        #expect(throws: OutputPlan.PlanError.collision("a/index.html")) {
            try plan.add(OutputFile(path: "a/index.html", text: "2"))
        }
    }
}

@Suite struct BriefingAssemblerTests {
    func article(_ id: String, _ outlet: String, _ day: String) -> Article {
        Article(id: id, source: "\(id).md", outlet: Outlet(name: outlet), title: id, day: Day(day)!, body: "x", sentences: [])
    }

    @Test func ranksByOutletsAndMarksUpdates() throws {
        let big = Story(id: "big", title: "Big", articles: [
            article("a1", "A", "2026-01-01"), article("b1", "B", "2026-01-01"), article("c1", "C", "2026-01-01"),
            article("a2", "A", "2026-01-02"),
        ])
        let small = Story(id: "small", title: "Small", articles: [
            article("d2", "D", "2026-01-02"), article("e2", "E", "2026-01-02"),
        ])
        let briefings = BriefingAssembler.briefings(for: [small, big])
        #expect(briefings.map(\.day.description) == ["2026-01-01", "2026-01-02"])
        #expect(briefings[0].entries.map(\.storyID) == ["big"])
        #expect(briefings[0].entries[0].isUpdate == false)
        // Day two: "small" has two outlets that day, "big" one, so small ranks first.
        #expect(briefings[1].entries.map(\.storyID) == ["small", "big"])
        #expect(briefings[1].entries[1].isUpdate == true)
        #expect(briefings[1].entries[1].articleIDs == ["a2"])
    }
}
