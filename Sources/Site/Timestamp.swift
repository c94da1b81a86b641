import Foundation
import BriefingCore

/// A moment in UTC, to the second, computed by hand so output never depends on the machine's
/// clock, locale or zone. Feeds and the sitemap print it as RFC 3339 (`2026-03-02T07:00:00Z`).
struct Timestamp: Sendable, Hashable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    let seconds: Int

    init(seconds: Int) { self.seconds = seconds }

    /// Midnight UTC at the start of `day`.
    init(day: Day) { seconds = day.ordinal * 86_400 }

    /// Reads what `PublishedDate` writes: `YYYY-MM-DDTHH:MM:SS` with `Z`, `±HH:MM` or no zone
    /// (taken as UTC). Nil for anything else.
    init?(published text: String) {
        let chars = Array(text.utf8)
        guard chars.count >= 19, let day = Day(String(decoding: chars[0..<10], as: UTF8.self)),
              chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: " "),
              let hour = Self.number(chars[11..<13]), chars[13] == UInt8(ascii: ":"),
              let minute = Self.number(chars[14..<16]), chars[16] == UInt8(ascii: ":"),
              let second = Self.number(chars[17..<19]), hour < 24, minute < 60, second <= 60
        else { return nil }
        var offset = 0
        let zone = chars[19...]
        if zone.isEmpty || Array(zone) == Array("Z".utf8) || Array(zone) == Array("z".utf8) {
            offset = 0
        } else if zone.count == 6, zone.first == UInt8(ascii: "+") || zone.first == UInt8(ascii: "-"),
                  let h = Self.number(zone.dropFirst().prefix(2)), zone[zone.startIndex + 3] == UInt8(ascii: ":"),
                  let m = Self.number(zone.suffix(2)) {
            offset = (h * 3600 + m * 60) * (zone.first == UInt8(ascii: "-") ? -1 : 1)
        } else {
            return nil
        }
        // A leap second is shown as the second before it; RFC 3339 readers vary on :60.
        seconds = day.ordinal * 86_400 + hour * 3600 + minute * 60 + min(second, 59) - offset
    }

    /// The article's published time, or its day at 00:00:00Z when it has none.
    init(_ article: Article) {
        self = article.publishedTime.flatMap { Timestamp(published: $0) } ?? Timestamp(day: article.day)
    }

    static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }

    /// `2026-03-02T07:00:00Z`.
    var rfc3339: String {
        let days = Int((Double(seconds) / 86_400).rounded(.down))
        let rest = seconds - days * 86_400
        let (y, m, d) = Self.civil(days)
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + "T" + pad(rest / 3600, 2) + ":"
            + pad(rest % 3600 / 60, 2) + ":" + pad(rest % 60, 2) + "Z"
    }

    /// Years 0000–9999 only: what RFC 3339 can print.
    var isPrintable: Bool { seconds >= -62_167_219_200 && seconds < 253_402_300_800 }

    /// Howard Hinnant's civil_from_days, the inverse of `Day.ordinal`.
    static func civil(_ z: Int) -> (Int, Int, Int) {
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func number(_ bytes: some Collection<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return bytes.reduce(0) { $0 * 10 + Int($1 - 0x30) }
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        let text = String(n)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

/// `SOURCE_DATE_EPOCH` (reproducible-builds.org): when set, the feeds' own `updated` time.
enum SourceDateEpoch {
    /// The value from `environment`: nil when unset or empty; a warning message when malformed.
    static func read(_ environment: [String: String]) -> (Timestamp?, warning: String?) {
        guard let text = environment["SOURCE_DATE_EPOCH"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else {
            return (nil, nil)
        }
        guard text.allSatisfy(\.isASCII), let seconds = Int(text), Timestamp(seconds: seconds).isPrintable else {
            return (nil, "SOURCE_DATE_EPOCH '\(text)' is not a number of seconds since 1970; ignored")
        }
        return (Timestamp(seconds: seconds), nil)
    }
}
