import BriefingCore

/// A story's key: its id, title and each member's id, source path and content digest. A
/// comparison (and a story page, given the same templates) depends on nothing else, so an
/// equal key means the cached comparison and the live page are still right.
enum StoryKey {
    static func make(_ story: Story, digests: [String: ContentDigest]) -> ContentDigest {
        var key = ContentDigest.Builder()
        key.add(story.id)
        key.add(story.title)
        for article in story.articles {
            key.add(article.id)
            key.add(article.source)
            // A file that could not be digested (never an article's) still gives a key.
            key.add(digests[article.source] == nil ? 0 : 1)
            key.add(digests[article.source] ?? .zero)
        }
        return key.digest
    }
}
