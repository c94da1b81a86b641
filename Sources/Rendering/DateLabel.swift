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
        short(year: day.year, month: day.month, day: day.day)
    }

    private static func short(year: Int, month: Int, day: Int) -> String {
        "\(day) \(months[month - 1]) \(year)"
    }

    /// "2023-06-19": `day.description` without `String(format:)`, which costs more than the page
    /// text around it.
    static func iso(_ day: Day) -> String {
        guard (0...9999).contains(day.year), (0...99).contains(day.month), (0...99).contains(day.day) else { return day.description }
        return String(day.year).leftPadded(to: 4) + "-" + String(day.month).leftPadded(to: 2) + "-" + String(day.day).leftPadded(to: 2)
    }

    /// `article.published` (its time as written, else its day), the day through `iso`.
    static func moment(_ article: Article) -> String {
        article.publishedTime ?? iso(article.day)
    }

    /// "19 June 2023, 08:30 UTC" for "2023-06-19T08:30:00Z"; the day alone for "2023-06-19";
    /// anything unrecognised is shown as written.
    static func published(_ text: String) -> String {
        publishedASCII(text) ?? publishedCharacters(text)
    }

    /// `published` by `Character`.
    static func publishedCharacters(_ text: String) -> String {
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

    /// `published` on bytes, for the usual text: ASCII with a valid day. In ASCII without "\r" every
    /// byte is one `Character`, so each step below is the `Character` step above. Nil: not handled.
    static func publishedASCII(_ text: String) -> String? {
        var contiguous = text
        return contiguous.withUTF8 { bytes -> String? in
            guard bytes.count >= 10, !bytes.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "\r") }) else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for byte in bytes[range] {
                    guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                    value = value * 10 + Int(byte - UInt8(ascii: "0"))
                }
                return value
            }
            guard bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
                  let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
                  (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year)
            else { return nil }
            let date = short(year: year, month: month, day: day)
            guard bytes.count > 10 else { return date }
            guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " ") else { return text }
            let time = bytes[11...]
            guard time.count >= 5, time[13] == UInt8(ascii: ":") else { return date }
            let clock = String(decoding: time.prefix(5), as: UTF8.self)
            guard let zoneStart = time.firstIndex(where: { $0 == UInt8(ascii: "Z") || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") })
            else { return "\(date), \(clock)" }
            let raw = String(decoding: bytes[zoneStart...], as: UTF8.self)
            return "\(date), \(clock)" + (raw == "Z" || raw == "+00:00" ? " UTC" : " UTC\(raw)")
        }
    }

    /// Days in a month of the proleptic Gregorian calendar, as `Day` validates them.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
