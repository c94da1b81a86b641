/// One day's briefing: the stories with coverage that day, most widely covered first.
public struct Briefing: Sendable, Hashable, Codable {
    public struct Entry: Sendable, Hashable, Codable {
        public var storyID: String
        /// True when the story began on an earlier day and this day brings new coverage.
        public var isUpdate: Bool
        /// Ids of the story's articles published this day, canonical order.
        public var articleIDs: [String]

        public init(storyID: String, isUpdate: Bool, articleIDs: [String]) {
            self.storyID = storyID
            self.isUpdate = isUpdate
            self.articleIDs = articleIDs
        }
    }

    public var day: Day
    public var entries: [Entry]

    public init(day: Day, entries: [Entry]) {
        self.day = day
        self.entries = entries
    }
}
