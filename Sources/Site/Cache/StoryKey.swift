import BriefingCore

/// A story's key: its id, title and each member's id, source path and content digest. A
/// comparison (and a story page, given the same templates) depends on nothing else, so an
/// equal key means the cached comparison and the live page are still right.
enum StoryKey {
    static func make(_ story: Story, digests: [String: ContentDigest]) -> ContentDigest {
        var text = story.id + "\n" + story.title + "\n"
        for article in story.articles {
            text += article.id + "\t" + article.source + "\t" + (digests[article.source]?.description ?? "?") + "\n"
        }
        return ContentDigest(text)
    }
}
