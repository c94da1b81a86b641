import BriefingCore

/// Human-readable dates, computed by hand so output never depends on the machine's locale or zone.
enum DateLabel {
    static let months = ["January", "February", "March", "April", "May", "June", "July",
                         "August", "September", "October", "November", "December"]
    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// "Monday 19 June 2023".
    static func long(_ day: Day) -> String {
        // 1970-01-01 (ordinal 0) was a Thursday.
        let weekday = weekdays[((day.ordinal + 4) % 7 + 7) % 7]
        return "\(weekday) \(short(day))"
    }

    /// "19 June 2023".
    static func short(_ day: Day) -> String {
        "\(day.day) \(months[day.month - 1]) \(day.year)"
    }

    /// "19 June 2023, 08:30 UTC" for "2023-06-19T08:30:00Z"; the day alone for "2023-06-19";
    /// anything unrecognised is shown as written.
    static func published(_ text: String) -> String {
        guard let day = Day(text.prefix(10)) else { return text }
        let rest = text.dropFirst(10)
        guard rest.first == "T" || rest.first == " " else { return rest.isEmpty ? short(day) : text }
        let time = rest.dropFirst()
        let clock = time.prefix(5)
        guard clock.count == 5, clock.dropFirst(2).first == ":" else { return short(day) }
        let zoneStart = time.firstIndex(where: { $0 == "Z" || $0 == "+" || $0 == "-" })
        var zone = ""
        if let zoneStart {
            let raw = time[zoneStart...]
            zone = raw == "Z" || raw == "+00:00" ? " UTC" : " UTC\(raw)"
        }
        return "\(short(day)), \(clock)\(zone)"
    }
}
