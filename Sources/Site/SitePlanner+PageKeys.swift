import BriefingCore
import Foundation
import Rendering

/// Page keys: a digest of everything a page shows, built from story keys, so an unchanged key
/// means the live page is still right (the site fingerprint covers templates and config).
/// Pages that show every story (archive, outlets index, feeds) have none and are always rendered.
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
            // Day pages link their neighbours and list every day.
            key.add("day")
            key.add(briefing.day.description)
            key.add(isRoot ? 1 : 0)
            key.add(UInt64(days.count))
            for day in days { key.add(day.description) }
            key.add(index > 0 ? days[index - 1].description : "")
            key.add(index + 1 < days.count ? days[index + 1].description : "")
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
        case .archive, .outletsIndex, .notFound:
            return nil
        }
    }
}
