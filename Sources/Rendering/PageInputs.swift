import BriefingCore

/// Everything one day's page shows; also used for `index.html`, the latest day.
public struct BriefingPageInput: Sendable {
    public var briefing: Briefing
    /// Every story the briefing's entries name, by id.
    public var stories: [String: Story]
    /// Comparisons by story id; a missing one shows the story without a comparison summary.
    public var comparisons: [String: StoryComparison]
    /// Relative prefix to the site root: "" for `/index.html`, "../" for `/<day>/index.html`.
    public var rootPath: String
    public var previousDay: Day?
    public var nextDay: Day?
    /// The days around this one (`nearbyDays(_:at:)`), newest first, for the list of nearby
    /// briefings; the archive page lists every day.
    public var nearbyDays: [Day]

    public init(
        briefing: Briefing, stories: [String: Story], comparisons: [String: StoryComparison],
        rootPath: String, previousDay: Day? = nil, nextDay: Day? = nil, nearbyDays: [Day] = []
    ) {
        self.briefing = briefing
        self.stories = stories
        self.comparisons = comparisons
        self.rootPath = rootPath
        self.previousDay = previousDay
        self.nextDay = nextDay
        self.nearbyDays = nearbyDays
    }

    /// How many days either side of a day its page lists.
    public static let nearbyRadius = 7

    /// `days[index]` and up to `nearbyRadius` days either side of it, newest first (`days`
    /// ascending). Bounded, so a page's size and what it depends on do not grow with the site:
    /// listing every day made each of 1,002 day pages 100 KB, and a new day changed them all.
    public static func nearbyDays(_ days: [Day], at index: Int) -> [Day] {
        guard days.indices.contains(index) else { return [] }
        let window = max(0, index - nearbyRadius)...min(days.count - 1, index + nearbyRadius)
        return days[window].reversed()
    }
}

/// Everything one story's page shows.
public struct StoryPageInput: Sendable {
    public var story: Story
    public var comparison: StoryComparison
    /// Relative prefix to the site root: "../../" for `/stories/<id>/index.html`.
    public var rootPath: String

    public init(story: Story, comparison: StoryComparison, rootPath: String = "../../") {
        self.story = story
        self.comparison = comparison
        self.rootPath = rootPath
    }
}
