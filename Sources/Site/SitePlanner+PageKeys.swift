import BriefingCore
import Foundation
import Rendering

/// Page keys: a digest of everything a page shows, built from story keys, so an unchanged key
/// means the live page is still right (the site fingerprint covers templates and config).
/// The archive, outlets index and 404 page are keyed by exactly what they show. Feeds and the
/// sitemap have no keys: they are always made (and linked from the live site when unchanged).
extension SitePlanner {
    static func path(of page: Page) -> String {
        switch page {
        case .day(let briefing, _, let isRoot): isRoot ? SitePaths.index : SitePaths.dayFile(briefing.day)
        case .story(let story): SitePaths.storyFile(story.id)
        case .archive: SitePaths.archiveFile
        case .outletsIndex: SitePaths.outletsFile
        case .outlet(let coverage): SitePaths.outletFile(coverage.outlet.slug)
        case .notFound: SitePaths.notFoundFile
        }
    }

    /// True when the live page at `path` was rendered from the same `key`, so it is carried over.
    func carries(_ path: String, key: ContentDigest?) -> Bool {
        key != nil && livePageKeys[path] == key
    }

    /// False when the story's live page is carried over, so the build needs no more of its
    /// articles than listings.
    func rendersStoryPage(_ story: Story) -> Bool {
        !carries(SitePaths.storyFile(story.id), key: pageKey(.story(story), days: []))
    }

    /// `days`: the site's days, ascending.
    func pageKey(_ page: Page, days: [Day]) -> ContentDigest? {
        guard !storyKeys.isEmpty else { return nil }
        var key = ContentDigest.Builder()
        func add(story id: String) {
            key.add(id)
            key.add(storyKeys[id] ?? .zero)
        }
        switch page {
        case .story(let story):
            return storyKeys[story.id]
        case .day(let briefing, let index, let isRoot):
            // Day pages link their neighbours and list the days around them.
            key.add("day")
            key.add(briefing.day.description)
            key.add(isRoot ? 1 : 0)
            // The days it lists (its neighbours among them), not all: a new day changes only
            // the pages within `nearbyRadius` of it.
            let nearby = BriefingPageInput.nearbyDays(days, at: index)
            key.add(UInt64(nearby.count))
            for day in nearby { key.add(day.description) }
            for entry in briefing.entries {
                add(story: entry.storyID)
                key.add(entry.isUpdate ? 1 : 0)
                key.add(UInt64(entry.articleIDs.count))
                for id in entry.articleIDs { key.add(id) }
            }
            return key.digest
        case .outlet(let coverage):
            key.add("outlet")
            key.add(coverage.outlet.slug)
            key.add(coverage.outlet.name)
            for story in coverage.stories { add(story: story.id) }
            return key.digest
        case .archive(let input):
            // What the archive shows: each day's story count and top stories.
            key.add("archive")
            for briefing in input.briefings {
                key.add(briefing.day.description)
                key.add(UInt64(briefing.entries.count))
                for entry in briefing.entries.prefix(max(0, input.headlinesPerDay)) {
                    guard let story = input.stories[entry.storyID] else { return nil }
                    key.add(story.id)
                    key.add(story.title)
                    key.add(UInt64(story.outlets.count))
                }
            }
            return key.digest
        case .outletsIndex(let outlets):
            key.add("outlets")
            for coverage in outlets {
                key.add(coverage.outlet.slug)
                key.add(coverage.outlet.name)
                key.add(UInt64(coverage.stories.count))
                key.add(UInt64(coverage.articleCount))
                key.add(coverage.latestDay?.description ?? "")
            }
            return key.digest
        case .notFound(let input):
            key.add("404")
            key.add(input.latestDay?.description ?? "")
            key.add(input.sitePath)
            return key.digest
        }
    }
}
