import BriefingCore
import Testing
@testable import Site

/// Replicate-and-shift behind `briefing eval --scale-to`.
@Suite struct ClusteringEvaluatorTests {
    func article(_ day: String, _ name: String) -> Article {
        Article(id: name, source: "\(day)/\(name).md", outlet: Outlet(name: "Wire"), title: name,
                day: Day(day)!, body: name, sentences: [])
    }

    @Test func copiesAreShiftedPastTheWindowAndCutToTheCount() {
        let base = [article("2024-02-28", "a"), article("2024-02-28", "b"), article("2024-03-01", "c")]
        let truth = ["2024-02-28/a.md": "x", "2024-02-28/b.md": "x", "2024-03-01/c.md": "y"]
        let (articles, labels) = ClusteringEvaluator.replicated(base, truth: truth, count: 7, gapDays: 5)
        #expect(articles.count == 7)
        #expect(Set(articles.map(\.source)).count == 7 && Set(articles.map(\.id)).count == 7)
        // Span 2 days + gap 5: each copy starts 7 days after the one before.
        #expect(articles.map(\.day.description) == ["2024-02-28", "2024-02-28", "2024-03-01",
                                                    "2024-03-06", "2024-03-06", "2024-03-08", "2024-03-13"])
        #expect(labels["1/2024-02-28/a.md"] == "1/x" && labels["2/2024-02-28/a.md"] == "2/x")
        #expect(labels.count == 7)
    }

    @Test func dayFromOrdinalInvertsOrdinal() {
        for text in ["1970-01-01", "2000-02-29", "2024-12-31", "2740-06-15", "1969-12-31"] {
            let day = Day(text)!
            #expect(ClusteringEvaluator.day(ordinal: day.ordinal) == day)
        }
    }
}
