import BriefingCore
import Foundation

/// A front matter `published` value: a day, and the normalized date-time when a time was given.
public struct PublishedDate: Sendable, Hashable {
    public var day: Day
    /// "2023-06-19T08:30:00Z" (or with "+02:00"); nil for a bare date.
    public var time: String?

    /// Accepts `2023-06-19`, `2023-06-19T08:30[:00[.123]]`, with `Z` or `±HH[:MM]`, `T` or a space.
    public init?(_ text: String) {
        let text = text.trimmingSpaces()
        if let quick = Self.quickParse(text) {
            self = quick
            return
        }
        self.init(matching: text)
    }

    /// The common spellings `YYYY-MM-DD` and `YYYY-MM-DDTHH:MM:SSZ` of a valid moment, read from
    /// ASCII bytes as the regex reads them (the normalized time is then the text itself). Nil for
    /// anything else, which the regex reads (or refuses).
    static func quickParse(_ text: String) -> PublishedDate? {
        let utf8 = Array(text.utf8)
        func isDigit(_ k: Int) -> Bool { utf8[k] >= 0x30 && utf8[k] <= 0x39 }
        func number(_ k: Int) -> Int { Int(utf8[k] - 0x30) * 10 + Int(utf8[k + 1] - 0x30) }
        guard utf8.count == 10 || utf8.count == 20, [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy(isDigit),
              utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
              let day = Day(Substring(text.utf8.prefix(10)))
        else { return nil }
        guard utf8.count == 20 else { return PublishedDate(day: day, time: nil) }
        guard [11, 12, 14, 15, 17, 18].allSatisfy(isDigit), utf8[10] == UInt8(ascii: "T"), utf8[13] == UInt8(ascii: ":"),
              utf8[16] == UInt8(ascii: ":"), utf8[19] == UInt8(ascii: "Z"),
              number(11) < 24, number(14) < 60, number(17) < 61
        else { return nil }
        return PublishedDate(day: day, time: text)
    }

    private init(day: Day, time: String?) {
        self.day = day
        self.time = time
    }

    /// The general parse, by the regex.
    init?(matching text: String) {
        guard let regex = Self.regex, let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
        else { return nil }
        func group(_ i: Int) -> String? {
            Range(match.range(at: i), in: text).map { String(text[$0]) }
        }
        guard let dayText = group(1), let day = Day(dayText) else { return nil }
        self.day = day
        guard let hourText = group(2), let hour = Int(hourText), let minute = group(3).flatMap({ Int($0) }),
              hour < 24, minute < 60
        else {
            self.time = nil
            return
        }
        let second = group(4).flatMap { Int($0) } ?? 0
        guard second < 61 else { return nil }
        var zone = ""
        if let raw = group(5) {
            zone = raw.uppercased() == "Z" ? "Z" : Self.offset(raw)
        }
        // Each below 100, so two digits; `String(format:)` was a third of parsing front matter.
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        time = dayText + "T" + twoDigits(hour) + ":" + twoDigits(minute) + ":" + twoDigits(second) + zone
    }

    // Compiled once: compiling it for every article cost more than the match.
    private static let regex = try? NSRegularExpression(
        pattern: #"^(\d{4}-\d{2}-\d{2})(?:(?:[Tt]|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|z|[+-]\d{1,2}(?::?\d{2})?)?)?$"#
    )

    /// "+2", "+0200", "-05:30" → "+02:00", "+02:00", "-05:30"; "+00:00" stays as written.
    private static func offset(_ raw: String) -> String {
        let sign = raw.prefix(1)
        let digits = raw.dropFirst().filter(\.isNumber)
        let hours: Int, minutes: Int
        if digits.count <= 2 {
            hours = Int(digits) ?? 0
            minutes = 0
        } else {
            hours = Int(digits.prefix(digits.count - 2)) ?? 0
            minutes = Int(digits.suffix(2)) ?? 0
        }
        return String(format: "%@%02d:%02d", String(sign), hours, minutes)
    }
}
