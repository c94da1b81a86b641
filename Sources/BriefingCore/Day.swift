import Foundation

/// A calendar day `YYYY-MM-DD`: the unit a briefing is published for. Ordered as the string is.
public struct Day: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Parses exactly `YYYY-MM-DD` with a real month and day; nil otherwise.
    public init?(_ text: some StringProtocol) {
        // Read from the UTF-8 bytes: ten ASCII bytes `DDDD-DD-DD` are the only spelling accepted.
        var values = SIMD3<Int>()
        var part = 0, length = 0, count = 0
        for byte in text.utf8 {
            count += 1
            guard count <= 10 else { return nil }
            if byte == UInt8(ascii: "-") {
                guard length == (part == 0 ? 4 : 2), part < 2 else { return nil }
                part += 1
                length = 0
            } else {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                values[part] = values[part] * 10 + Int(byte - UInt8(ascii: "0"))
                length += 1
            }
        }
        guard part == 2, length == 2 else { return nil }
        self.init(year: values[0], month: values[1], day: values[2])
    }

    /// The same days `init?(_:)` accepts: a four-digit year, a real month and day.
    public init?(year: Int, month: Int, day: Int) {
        guard (0...9999).contains(year), (1...12).contains(month), day >= 1, day <= Day.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`, padded by hand: `String(format:)` was 3% of a one-article rebuild.
    public var description: String {
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for time windows and decay.
    public var ordinal: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Day(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a YYYY-MM-DD day: \(text)")
        }
        self = day
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
