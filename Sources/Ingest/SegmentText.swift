import Foundation

/// A paragraph's lines joined by spaces, as the units (Characters) sentence splitting walks.
protocol SegmentText {
    associatedtype Units: SegmentUnits
    /// Index of the first unit of each joined line.
    var partStarts: [Int] { get }
    /// Calls `body` with what each unit is, in order.
    func withUnits<R>(_ body: (Units) -> R) -> R
    func string(_ range: Range<Int>) -> String
    /// The sentence text of `range`, trimmed; nil when it holds no letter or digit.
    func sentence(_ range: Range<Int>, units: Units) -> String?
}

extension SegmentText {
    func sentence(_ range: Range<Int>, units: Units) -> String? {
        string(range).trimmingCharacters(in: .whitespaces).nonEmptyIfHoldsLetterOrDigit
    }

    /// `sentence` for units marked `.trimmable`: trimmed only when an end may be trimmed.
    func trimmableSentence(_ range: Range<Int>, units: Units) -> String? {
        guard !range.isEmpty else { return nil }
        if units[range.lowerBound].contains(.trimmable) || units[range.upperBound - 1].contains(.trimmable) {
            return string(range).trimmingCharacters(in: .whitespaces).nonEmptyIfHoldsLetterOrDigit
        }
        return range.contains(where: { !units[$0].isDisjoint(with: [.letter, .number]) }) ? string(range) : nil
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

    func withUnits<R>(_ body: (UnsafeBufferPointer<SentenceSegmenter.Unit>) -> R) -> R { units.withUnsafeBufferPointer(body) }

    func string(_ range: Range<Int>) -> String { String(characters[range]) }
}

/// The fast case: text whose every Unicode scalar is a Character of its own (no combining marks,
/// emoji sequences or scripts that join scalars), so units are scalars and no grapheme breaking
/// is needed. Nil for any other text.
struct ScalarText: SegmentText {
    /// The parts joined (a single part itself: most paragraphs are one line, kept without a copy).
    private let text: String
    /// UTF-8 offset of each unit, and of the end; empty for ASCII text, where units are bytes.
    private let offsets: [Int]
    let units: [SentenceSegmenter.Unit]
    let partStarts: [Int]

    init?(_ parts: [String]) {
        let capacity = parts.reduce(parts.count) { $0 + $1.utf8.count }
        var joined = ""
        var length = 0  // UTF-8 bytes of the joined text so far
        var offsets: [Int] = []
        var starts: [Int] = []
        if parts.count > 1 { joined.reserveCapacity(capacity) }
        starts.reserveCapacity(parts.count)
        var isASCII = true, complete = true
        // Units are written in place: appending checked the capacity for every byte of the text.
        let units = [SentenceSegmenter.Unit](unsafeUninitializedCapacity: capacity) { units, count in
            Self.table.withUnsafeBufferPointer { table in
                for var part in parts {
                    if length > 0 {
                        if !isASCII { offsets.append(length) }
                        joined += " "
                        length += 1
                        units[count] = table[0x20]
                        count += 1
                    }
                    starts.append(count)
                    let base = length
                    if parts.count > 1 { joined += part }
                    length += part.utf8.count
                    complete = part.withUTF8 { utf8 in
                        var i = 0
                        if isASCII {
                            // While the text is ASCII, each byte is its unit: looked up, not decoded
                            // (in locals: the captured variables were written back for every byte).
                            var n = count
                            let out = units.baseAddress!, table = table.baseAddress!
                            while i < utf8.count {
                                let byte = utf8[i]
                                guard byte < 0x80 else { break }
                                let unit = table[Int(byte)]
                                out[n] = unit
                                n += 1
                                i += 1
                            }
                            count = n
                            guard i < utf8.count else { return true }
                            // Up to here every unit was the byte at its own offset.
                            isASCII = false
                            offsets.reserveCapacity(capacity + 1)
                            offsets += 0..<count
                        }
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
                            offsets.append(base + i)
                            units[count] = unit
                            count += 1
                            i += length
                        }
                        return true
                    }
                    guard complete else { return }
                }
            }
        }
        guard complete else { return nil }
        if !isASCII { offsets.append(length) }
        text = parts.count == 1 ? parts[0] : joined
        self.offsets = offsets
        self.units = units
        partStarts = starts
    }

    func string(_ range: Range<Int>) -> String {
        let bytes = offsets.isEmpty ? range : offsets[range.lowerBound]..<offsets[range.upperBound]
        let utf8 = text.utf8
        return String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: bytes.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: bytes.upperBound)]))
    }

    func withUnits<R>(_ body: (UnsafeBufferPointer<SentenceSegmenter.Unit>) -> R) -> R { units.withUnsafeBufferPointer(body) }

    func sentence(_ range: Range<Int>, units: UnsafeBufferPointer<SentenceSegmenter.Unit>) -> String? {
        trimmableSentence(range, units: units)
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
    static let table: [SentenceSegmenter.Unit] = simpleRanges.flatMap { range in
        range.map { value in
            let scalar = Unicode.Scalar(value)!
            var unit = SentenceSegmenter.Unit(Character(scalar))
            // A superset of what `trimmingCharacters(in: .whitespaces)` removes.
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .format { unit.insert(.trimmable) }
            return unit
        }
    }

    private static func unit(_ value: UInt32, in table: UnsafeBufferPointer<SentenceSegmenter.Unit>) -> SentenceSegmenter.Unit? {
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
