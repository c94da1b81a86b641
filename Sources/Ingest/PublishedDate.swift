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
