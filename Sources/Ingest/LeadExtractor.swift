import Foundation

/// Finds the byline ("By Humeyra Pamuk") and dateline ("BEIJING (Reuters) -") at the top of a
/// body: metadata about the article, not claims, so they are kept out of its sentences.
enum LeadExtractor {
    private static let bylineRegex = try? NSRegularExpression(
        pattern: #"^(?:By|BY)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|de|van|von|da|del|la|der|bin|al-\p{L}+)){0,8}(?:\s*(?:,|and)\s*\p{Lu}[\p{L}.'’ -]{1,40})?$"#
    )
    // City in capitals, optional ", June 19", optional "(Reuters)", then a dash.
    static let datelineRegex = try? NSRegularExpression(
        pattern: #"^(\p{Lu}[\p{Lu}.'’-]+(?: \p{Lu}[\p{Lu}.'’-]+){0,3}(?:, ?\p{Lu}[\p{L}.]+(?: \p{Lu}[\p{L}.]+)?(?: \d{1,2})?)?(?: ?\([\p{L}][\p{L} .&'-]{0,30}\))?)(?: [-—–]{1,2}|[—–]) ?(?=\S)"#
    )

    /// The byline text when `line` is one (short, "By Name[, Outlet]").
    static func byline(in line: String) -> String? {
        let plain = MarkdownStripper.strip(line)
        // The regex opens with "By" or "BY": any other opening is no byline, told without it.
        guard plain.utf8.starts(with: "By".utf8) || plain.utf8.starts(with: "BY".utf8) else { return nil }
        guard plain.count <= 100, let regex = bylineRegex,
              regex.firstMatch(in: plain, range: NSRange(plain.startIndex..., in: plain)) != nil
        else { return nil }
        return plain
    }

    /// False when the regex cannot match, told from two ASCII bytes: it opens with a capital
    /// (\p{Lu}: "A"..."Z" in ASCII) followed by a capital, ".", "'", "’" or "-". Most first
    /// lines ("The …") fail on their second byte; those opening with a curly quote or a dash
    /// (U+2000–U+207F, E2 80–81: no capital there) on their first two.
    static func mayOpenDateline(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        guard let first = bytes.next() else { return false }
        if first == 0xE2, let second = bytes.next(), second == 0x80 || second == 0x81 { return false }
        if first >= 0x80 { return true }
        guard (0x41...0x5A).contains(first), let second = bytes.next() else { return false }
        return second >= 0x80 || (0x41...0x5A).contains(second) || second == UInt8(ascii: ".") || second == UInt8(ascii: "'")
            || second == UInt8(ascii: "-")
    }

    /// The dateline at the start of `text` ("BEIJING (Reuters)") and the text after it.
    static func dateline(in text: String) -> (dateline: String, rest: String)? {
        guard mayOpenDateline(text), let regex = datelineRegex,
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let whole = Range(match.range, in: text), let place = Range(match.range(at: 1), in: text)
        else { return nil }
        let dateline = String(text[place])
        // A lone capitalised word like "I" or "A" is not a place. (In ASCII text each byte is a
        // Character, an uppercase one only from "A" to "Z".)
        let utf8 = dateline.utf8
        let capitals = utf8.allSatisfy({ $0 < 0x80 }) ? utf8.count(where: { (0x41...0x5A).contains($0) }) : dateline.filter(\.isUppercase).count
        guard capitals >= 2 else { return nil }
        return (dateline, String(text[whole.upperBound...]))
    }
}
