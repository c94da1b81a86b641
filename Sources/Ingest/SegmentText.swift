import Foundation

/// A paragraph's lines joined by spaces, as the units (Characters) sentence splitting walks.
protocol SegmentText {
    /// What each unit is, in order.
    var units: [SentenceSegmenter.Unit] { get }
    /// Index of the first unit of each joined line.
    var partStarts: [Int] { get }
    func string(_ range: Range<Int>) -> String
    /// The sentence text of `range`, trimmed; nil when it holds no letter or digit.
    func sentence(_ range: Range<Int>) -> String?
}

extension SegmentText {
    func sentence(_ range: Range<Int>) -> String? {
        string(range).trimmingCharacters(in: .whitespaces).nonEmptyIfHoldsLetterOrDigit
    }
}

/// The general case: one unit per Character.
struct CharacterText: SegmentText {
    let characters: [Character]
    let units: [SentenceSegmenter.Unit]
    let partStarts: [Int]

    init(_ parts: [String]) {
        var characters: [Character] = []
        var starts: [Int] = []
        for part in parts {
            if !characters.isEmpty { characters.append(" ") }
            starts.append(characters.count)
            characters += part
        }
        self.characters = characters
        units = characters.map(SentenceSegmenter.Unit.init)
        partStarts = starts
    }

    func string(_ range: Range<Int>) -> String { String(characters[range]) }
}

/// The fast case: text whose every Unicode scalar is a Character of its own (no combining marks,
/// emoji sequences or scripts that join scalars), so units are scalars and no grapheme breaking
/// is needed. Nil for any other text.
struct ScalarText: SegmentText {
    private let bytes: [UInt8]
    /// UTF-8 offset of each unit, and of the end; empty for ASCII text, where units are bytes.
    private let offsets: [Int]
    let units: [SentenceSegmenter.Unit]
    let partStarts: [Int]

    init?(_ parts: [String]) {
        let table = Self.table
        let capacity = parts.reduce(parts.count) { $0 + $1.utf8.count }
        var bytes: [UInt8] = []
        var offsets: [Int] = []
        var units: [SentenceSegmenter.Unit] = []
        bytes.reserveCapacity(capacity)
        units.reserveCapacity(capacity)
        var starts: [Int] = []
        var isASCII = true
        for var part in parts {
            if !bytes.isEmpty {
                if !isASCII { offsets.append(bytes.count) }
                bytes.append(0x20)
                units.append(table[0x20])
            }
            starts.append(units.count)
            let base = bytes.count
            bytes += part.utf8
            let complete: Bool = part.withUTF8 { utf8 in
                var i = 0
                while i < utf8.count {
                    let lead = utf8[i]
                    let length: Int, value: UInt32
                    switch lead {
                    case ..<0x80: length = 1; value = UInt32(lead)
                    case ..<0xE0: length = 2; value = UInt32(lead & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F)
                    case ..<0xF0:
                        length = 3
                        value = UInt32(lead & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F)
                    default: return false
                    }
                    guard let unit = Self.unit(value, in: table) else { return false }
                    if isASCII && lead >= 0x80 {
                        // Up to here every unit was the byte at its own offset.
                        isASCII = false
                        offsets.reserveCapacity(capacity + 1)
                        offsets += 0..<units.count
                    }
                    if !isASCII { offsets.append(base + i) }
                    units.append(unit)
                    i += length
                }
                return true
            }
            guard complete else { return nil }
        }
        if !isASCII { offsets.append(bytes.count) }
        self.bytes = bytes
        self.offsets = offsets
        self.units = units
        partStarts = starts
    }

    func string(_ range: Range<Int>) -> String {
        if offsets.isEmpty { return String(decoding: bytes[range], as: UTF8.self) }
        return String(decoding: bytes[offsets[range.lowerBound]..<offsets[range.upperBound]], as: UTF8.self)
    }

    func sentence(_ range: Range<Int>) -> String? {
        guard !range.isEmpty else { return nil }
        if units[range.lowerBound].contains(.trimmable) || units[range.upperBound - 1].contains(.trimmable) {
            return string(range).trimmingCharacters(in: .whitespaces).nonEmptyIfHoldsLetterOrDigit
        }
        return units[range].contains(where: { !$0.isDisjoint(with: [.letter, .number]) }) ? string(range) : nil
    }

    /// Scalars known to be Characters of their own next to each other (tested pair by pair):
    /// Latin and IPA letters, general punctuation (no joiners), currency and letterlike symbols,
    /// arrows and the replacement character.
    static let simpleRanges: [ClosedRange<UInt32>] = [
        0x0000...directLimit, 0x200E...0x206F, 0x20A0...0x20CF, 0x2100...0x218F, 0xFFFD...0xFFFD,
    ]

    /// The end of the first simple range (Latin and IPA).
    private static let directLimit: UInt32 = 0x02FF

    /// The unit of every simple scalar, ranges one after the other.
    private static let table: [SentenceSegmenter.Unit] = simpleRanges.flatMap { range in
        range.map { value in
            let scalar = Unicode.Scalar(value)!
            var unit = SentenceSegmenter.Unit(Character(scalar))
            // A superset of what `trimmingCharacters(in: .whitespaces)` removes.
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .format { unit.insert(.trimmable) }
            return unit
        }
    }

    private static func unit(_ value: UInt32, in table: [SentenceSegmenter.Unit]) -> SentenceSegmenter.Unit? {
        // The first range starts at 0: most scalars index the table directly.
        if value <= directLimit { return table[Int(value)] }
        var base = 0
        for range in simpleRanges {
            if range.contains(value) { return table[base + Int(value - range.lowerBound)] }
            if value < range.lowerBound { return nil }
            base += range.count
        }
        return nil
    }
}

extension String {
    /// Self when some Character is a letter or a digit.
    fileprivate var nonEmptyIfHoldsLetterOrDigit: String? {
        contains(where: { $0.isLetter || $0.isNumber }) ? self : nil
    }
}
