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
}
