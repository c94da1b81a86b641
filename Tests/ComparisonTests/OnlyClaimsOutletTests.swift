import BriefingCore
import Testing
@testable import Comparison

/// Only-claims are gathered per outlet (as an Outlet is equal: name and slug), outlets sorted, each
/// claim carrying its own outlet, whichever article of the outlet it came from.
@Suite struct OnlyClaimsOutletTests {
    @Test func claimsGatheredPerOutletInOutletOrder() {
        let extra = "The harbour authority also plans a second breakwater of basalt blocks beside the ferry terminal next spring."
        let follow = Fixtures.article("Courier", DamStory.courier.body + "\n\n" + extra, id: "courier-2")
        // Same slug as "Ledger", another name: another outlet to the claims, as to a dictionary of Outlets.
        let twin = Fixtures.article("Ledger!", DamStory.ledger.body + "\n\n" + extra.replacingOccurrences(of: "basalt", with: "granite"), id: "ledger-twin")
        let story = Fixtures.story(DamStory.story.articles + [follow, twin])
        let c = StoryComparator().compare(story)
        let outlets = c.only.map(\.outlet)
        #expect(outlets == outlets.sorted() && Set(outlets).count == outlets.count)
        for entry in c.only {
            #expect(!entry.claims.isEmpty)
            for claim in entry.claims {
                #expect(claim.outlets == [entry.outlet])
                #expect(claim.sources.allSatisfy { $0.outlet == entry.outlet })
            }
        }
    }
}
