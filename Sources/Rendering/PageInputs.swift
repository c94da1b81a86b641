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
    /// Every day with a briefing, newest first, for the archive list.
    public var allDays: [Day]

    public init(
        briefing: Briefing, stories: [String: Story], comparisons: [String: StoryComparison],
        rootPath: String, previousDay: Day? = nil, nextDay: Day? = nil, allDays: [Day] = []
    ) {
        self.briefing = briefing
        self.stories = stories
        self.comparisons = comparisons
        self.rootPath = rootPath
        self.previousDay = previousDay
        self.nextDay = nextDay
        self.allDays = allDays
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
