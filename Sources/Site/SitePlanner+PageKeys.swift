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
        func key(_ id: String) -> String { storyKeys[id]?.description ?? "?" }
        switch page {
        case .story(let story):
            return storyKeys[story.id]
        case .day(let briefing, let index, let isRoot):
            // Day pages link their neighbours and list every day.
            var text = "day \(briefing.day) \(isRoot) \(days.map(\.description).joined(separator: ","))\n"
            if index > 0 { text += "previous \(days[index - 1])\n" }
            if index + 1 < days.count { text += "next \(days[index + 1])\n" }
            for entry in briefing.entries {
                text += "\(entry.storyID) \(entry.isUpdate) \(entry.articleIDs.joined(separator: ",")) \(key(entry.storyID))\n"
            }
            return ContentDigest(text)
        case .outlet(let coverage):
            var text = "outlet \(coverage.outlet.slug) \(coverage.outlet.name)\n"
            for story in coverage.stories { text += "\(story.id) \(key(story.id))\n" }
            return ContentDigest(text)
        case .archive, .outletsIndex, .notFound:
            return nil
        }
    }
}
