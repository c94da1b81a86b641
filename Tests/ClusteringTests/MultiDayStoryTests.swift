import BriefingCore
import Testing
@testable import Clustering

/// Stories that get new coverage on later days keep one story and one id.
@Suite struct MultiDayStoryTests {
    let clusterer = StoryClusterer()

    @Test func nextDayDevelopmentsJoinTheFirstDaysStory() throws {
        let dayOne = clusterer.cluster(Fixtures.bridge)
        let both = clusterer.cluster(Fixtures.bridge + Fixtures.bridgeFollowUps + Fixtures.otherBridge)
        let story = try #require(both.first { $0.articles.contains(Fixtures.bridge[0]) })
        #expect(story.id == dayOne.first?.id)
        #expect(Set(story.articles.map(\.id)) == Set((Fixtures.bridge + Fixtures.bridgeFollowUps).map(\.id)))
        #expect(story.days.map(\.description) == ["2024-03-04", "2024-03-05"])
        // The other bridge, closed on the second day, is a different event.
        #expect(both.count == 2)
    }

    @Test func storyIdSurvivesEachNewDay() {
        let day1 = clusterer.cluster(Fixtures.bridge)
        let day2 = clusterer.cluster(Fixtures.bridge + Fixtures.bridgeFollowUps)
        let day3 = clusterer.cluster(Fixtures.bridge + Fixtures.bridgeFollowUps + [Fixtures.bridgeNextDay])
        #expect(day1.map(\.id) == day2.map(\.id))
        #expect(day2.map(\.id) == day3.map(\.id))
        #expect(day3.first?.articles.count == 6)
    }

    /// Documented behaviour: the id follows the earliest article, so an older article added after
    /// the fact gives the story that article's id.
    @Test func olderArticleAddedAfterTheFactTakesOverTheId() throws {
        var older = Fixtures.bridge[1]
        older.day = Day("2024-03-03")!
        older.id = "bbc-early-warning"
        older.source = "2024-03-03/bbc-early-warning.md"
        older.title = "Inspectors find cracks in Velmora's Harbor Bridge girders"
        let before = try #require(clusterer.cluster(Fixtures.bridge).first)
        let after = clusterer.cluster(Fixtures.bridge + [older])
        #expect(after.count == 1)
        #expect(after.first?.id == StoryClusterer.baseID(older))
        #expect(after.first?.id != before.id)
    }
}
