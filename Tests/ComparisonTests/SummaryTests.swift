import BriefingCore
import Testing
@testable import Comparison

@Suite struct SummaryTests {
    @Test func quotationsOnlyFallBackToTheLeadWithoutUnpunctuatedLines() {
        let first = Fixtures.article("Alpha", """
        Harbour Rovers 3 Kessel Town 0

        Harbour Rovers won the regional shield on Saturday with three second-half goals at the Quay Ground.

        "We played the best football of the season tonight and the fans deserved it," coach Ima Ruiz said.
        """, time: "2026-03-02T08:00:00Z")
        let second = Fixtures.article("Beta", """
        Fireworks lit up the quay after the final whistle.

        "We played the best football of the season tonight and the fans deserved it," coach Ima Ruiz said.
        """, time: "2026-03-02T09:00:00Z")
        let comparison = StoryComparator().compare(Fixtures.story([first, second]))
        #expect(comparison.shared.count == 1)
        #expect(comparison.summary == [
            "Harbour Rovers won the regional shield on Saturday with three second-half goals at the Quay Ground.",
            #""We played the best football of the season tonight and the fans deserved it," coach Ima Ruiz said."#,
        ])
    }

    /// A summary sentence never opens with "However," or "But": it would point at a sentence the
    /// reader does not see.
    @Test func summarySentencesStandAlone() {
        let first = Fixtures.article("Alpha", """
        However, the harbour board said the ferry fares would rise by four percent from the first of May.
        """, time: "2026-03-02T08:00:00Z")
        let second = Fixtures.article("Beta", """
        The harbour board said ferry fares would rise by four percent from the first of May.
        """, time: "2026-03-02T09:00:00Z")
        let third = Fixtures.article("Gamma", """
        But the harbour board said ferry fares would rise by four percent from the first of May.
        """, time: "2026-03-02T10:00:00Z")
        let comparison = StoryComparator().compare(Fixtures.story([first, second, third]))
        #expect(comparison.summary.count == 1)
        #expect(comparison.summary.allSatisfy { StoryComparator.leadingConnective(in: $0) == nil })
    }

    @Test(arguments: [
        ("However, Blinken said no proof was offered.", "Blinken said no proof was offered."),
        ("But officials disagreed.", "Officials disagreed."),
        ("Butter prices rose.", "Butter prices rose."),
        ("Still water ran deep.", "Still water ran deep."), ("Still, the board met.", "The board met."),
        ("The board met.", "The board met."),
    ])
    func connectivesAreDropped(sentence: String, expected: String) {
        #expect(StoryComparator.droppingLeadingConnective(sentence) == expected)
    }
}
