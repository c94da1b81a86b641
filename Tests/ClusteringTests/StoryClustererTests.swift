import BriefingCore
import Testing
import TestSupport
@testable import Clustering

@Suite struct StoryClustererTests {
    let clusterer = StoryClusterer()

    func groups(_ stories: [Story]) -> Set<Set<String>> {
        Set(stories.map { Set($0.articles.map(\.id)) })
    }

    @Test func sameEventFromThreeOutletsIsOneStory() {
        let stories = clusterer.cluster(Fixtures.bridge)
        #expect(stories.count == 1)
        #expect(stories.first?.articles.count == 3)
        #expect(stories.first?.id.hasPrefix("2024-03-04-") == true)
    }

    @Test func twoEarthquakesOnOneDayAreTwoStories() {
        let stories = clusterer.cluster(Fixtures.quakes)
        #expect(groups(stories) == [
            Set([Fixtures.quakes[0].id, Fixtures.quakes[1].id]),
            Set([Fixtures.quakes[2].id, Fixtures.quakes[3].id]),
        ])
    }

    @Test func storyContinuingNextDaySpansTwoDays() {
        let stories = clusterer.cluster(Fixtures.bridge + [Fixtures.bridgeNextDay])
        #expect(stories.count == 1)
        #expect(stories.first?.days.map(\.description) == ["2024-03-04", "2024-03-05"])
    }

    @Test func articlesOutsideTheWindowAreSeparate() {
        var late = Fixtures.bridgeNextDay
        late.day = Day("2024-03-20")!
        late.source = "2024-03-20/late.md"
        let stories = clusterer.cluster(Fixtures.bridge + [late])
        #expect(stories.count == 2)
        #expect(stories.map(\.articles.count).sorted() == [1, 3])
    }

    @Test func outputDoesNotDependOnInputOrder() {
        let all = Fixtures.bridge + Fixtures.quakes + [Fixtures.bridgeNextDay, Fixtures.unrelated]
        let expected = clusterer.cluster(all)
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<5 {
            #expect(clusterer.cluster(all.shuffled(using: &generator)) == expected)
        }
        #expect(expected.map(\.firstDay) == expected.map(\.firstDay).sorted())
    }

    @Test func addingUnrelatedArticleKeepsIds() {
        let before = clusterer.cluster(Fixtures.bridge + Fixtures.quakes).map(\.id)
        let after = clusterer.cluster(Fixtures.bridge + Fixtures.quakes + [Fixtures.unrelated]).map(\.id)
        #expect(Set(before).isSubset(of: Set(after)))
        #expect(after.count == before.count + 1)
    }

    @Test func addingLaterArticleKeepsStoryId() {
        let before = clusterer.cluster(Fixtures.bridge)
        let after = clusterer.cluster(Fixtures.bridge + [Fixtures.bridgeNextDay])
        #expect(before.map(\.id) == after.map(\.id))
        #expect(after.first?.articles.count == 4)
    }

    @Test func olderOrRemovedUnrelatedArticlesKeepIds() {
        var older = Fixtures.unrelated
        older.day = Day("2024-03-01")!
        older.source = "2024-03-01/orchestra.md"
        let all = Fixtures.bridge + Fixtures.quakes + [Fixtures.bridgeNextDay]
        let ids = Set(clusterer.cluster(all).map(\.id))
        #expect(ids.isSubset(of: Set(clusterer.cluster(all + [older]).map(\.id))))
        // Removing the quakes leaves the bridge story's id alone.
        let bridgeOnly = clusterer.cluster(Fixtures.bridge + [Fixtures.bridgeNextDay]).map(\.id)
        #expect(bridgeOnly.count == 1 && ids.contains(bridgeOnly[0]))
    }

    @Test func singleArticleIsOneSingletonStory() {
        let stories = clusterer.cluster([Fixtures.unrelated])
        #expect(stories.count == 1)
        #expect(stories.first?.articles == [Fixtures.unrelated])
        #expect(stories.first?.title == Fixtures.unrelated.title)
        #expect(clusterer.cluster([]).isEmpty)
    }

    @Test func collidingIdsAreDisambiguatedStably() {
        var a = Fixtures.unrelated
        var b = Fixtures.quakes[2]
        b.title = a.title
        b.day = a.day
        b.source = "2024-03-04/other.md"
        a.source = "2024-03-04/first.md"
        // A threshold no pair reaches keeps the two apart, so only the ids can collide.
        let ids = StoryClusterer(settings: ClusteringSettings(threshold: 1.01)).cluster([a, b]).map(\.id)
        #expect(Set(ids).count == 2)
        #expect(ids.contains(StoryClusterer.baseID(a)))
    }
}


@Suite struct StoryExplanationTests {
    @Test func explainsMembersTermsAndNearestOutsider() throws {
        let articles = Fixtures.quakes
        let clusterer = StoryClusterer()
        let story = try #require(clusterer.cluster(articles).first { $0.articles.contains(Fixtures.quakes[0]) })
        let e = try #require(clusterer.explain(story: story.id, in: articles.reversed()))
        #expect(e.members.map(\.articleID) == story.articles.map(\.id))
        #expect(e.members.allSatisfy { $0.meanSimilarity > 0 && !$0.topTerms.isEmpty })
        #expect(e.members[0].topTerms.contains { ["olvik", "tarsenia", "6.1"].contains($0) })
        let outsider = try #require(e.nearestOutside)
        #expect(!story.articles.map(\.id).contains(outsider.articleID))
        #expect(outsider.storyID != story.id)
        #expect(clusterer.explain(story: "no-such-story", in: articles) == nil)
    }
}
