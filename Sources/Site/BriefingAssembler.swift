import BriefingCore

/// Turns stories into one briefing per day with coverage. A story spanning days is listed on
/// each of its days, marked as an update after its first.
public enum BriefingAssembler {
    /// Briefings in ascending day order. Entries are ranked by outlets covering the story that
    /// day, then by outlets overall, then by story id so the order is total.
    public static func briefings(for stories: [Story]) -> [Briefing] {
        var byDay: [Day: [(entry: Briefing.Entry, dayOutlets: Int, allOutlets: Int)]] = [:]
        for story in stories {
            // One pass over the story's articles (filtering them per day copied every article).
            var days: [Day: (articleIDs: [String], outlets: Set<Outlet>)] = [:]
            var allOutlets = Set<Outlet>()
            for article in story.articles {
                days[article.day, default: ([], [])].articleIDs.append(article.id)
                days[article.day]!.outlets.insert(article.outlet)
                allOutlets.insert(article.outlet)
            }
            let ordered = days.keys.sorted()
            for day in ordered {
                let todays = days[day]!
                let entry = Briefing.Entry(storyID: story.id, isUpdate: day > ordered[0], articleIDs: todays.articleIDs)
                byDay[day, default: []].append((entry, todays.outlets.count, allOutlets.count))
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
