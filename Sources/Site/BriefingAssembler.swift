import BriefingCore

/// Turns stories into one briefing per day with coverage. A story spanning days is listed on
/// each of its days, marked as an update after its first.
public enum BriefingAssembler {
    /// Briefings in ascending day order. Entries are ranked by outlets covering the story that
    /// day, then by outlets overall, then by story id so the order is total.
    public static func briefings(for stories: [Story]) -> [Briefing] {
        var byDay: [Day: [(entry: Briefing.Entry, dayOutlets: Int, allOutlets: Int)]] = [:]
        for story in stories {
            let firstDay = story.firstDay
            let allOutlets = story.outlets.count
            for day in story.days {
                let todays = story.articles.filter { $0.day == day }
                let entry = Briefing.Entry(
                    storyID: story.id, isUpdate: day > firstDay, articleIDs: todays.map(\.id))
                let dayOutlets = Set(todays.map(\.outlet)).count
                byDay[day, default: []].append((entry, dayOutlets, allOutlets))
            }
        }
        return byDay.keys.sorted().map { day in
            let ranked = byDay[day]!.sorted { a, b in
                if a.dayOutlets != b.dayOutlets { return a.dayOutlets > b.dayOutlets }
                if a.allOutlets != b.allOutlets { return a.allOutlets > b.allOutlets }
                return a.entry.storyID < b.entry.storyID
            }
            return Briefing(day: day, entries: ranked.map(\.entry))
        }
    }
}
