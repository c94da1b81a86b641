/// English number words and scales ("twelve", "a dozen", "3.5 million").
enum NumberWords {
    static let units: [String: Double] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let scales: [String: Double] = [
        "dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    ]
    static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september",
        "october", "november", "december",
    ]

    static func value(of word: String) -> Double? { units[word] }

    /// "1,000" → 1000, "3.5" → 3.5; nil for anything else.
    static func digits(_ text: String) -> Double? {
        var text = text
        return text.withUTF8(digits)
    }

    /// `digits` of UTF-8 bytes. Digits and commas only, up to 15 digits, add up exactly in a Double:
    /// no String made, commas removed and parsed (most numbers in news are such).
    static func digits(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var value: Int64 = 0, count = 0
        for byte in bytes where byte != 0x2C {
            guard byte >= 0x30, byte <= 0x39, count < 15 else { return parsed(bytes) }
            value = value * 10 + Int64(byte - 0x30)
            count += 1
        }
        return count > 0 ? Double(value) : parsed(bytes)
    }

    private static func parsed(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var plain = String(decoding: bytes, as: UTF8.self)
        plain.removeAll { $0 == "," }
        return Double(plain)
    }
}
