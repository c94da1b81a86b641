import BriefingCore

/// A paragraph's units as sentence splitting reads them: stored one per unit, or (ASCII text)
/// looked up from the bytes when asked, never stored.
protocol SegmentUnits {
    var count: Int { get }
    subscript(_ i: Int) -> SentenceSegmenter.Unit { get }
    /// The first index from `i` on whose unit is a terminator, else `count`.
    func firstTerminator(from i: Int) -> Int
    /// The first index from `i` on whose unit is a quote mark that may open a quotation (curly or
    /// straight), else `count`.
    func firstOpeningMark(from i: Int) -> Int
    /// The lowercased bytes of the units in `range`, packed (first byte lowest) when they are at most
    /// eight ASCII bytes; nil otherwise.
    func asciiKey(_ range: Range<Int>) -> UInt64?
}

extension UnsafeBufferPointer: SegmentUnits where Element == SentenceSegmenter.Unit {
    func firstTerminator(from i: Int) -> Int { firstIndex(from: i, holding: .terminator) }

    func firstOpeningMark(from i: Int) -> Int { firstIndex(from: i, holding: [.curlyOpen, .straightQuote]) }

    /// Four units at a time while none has one of `flags` (most of every paragraph).
    private func firstIndex(from start: Int, holding flags: SentenceSegmenter.Unit) -> Int {
        var i = start
        let lanes = UInt64(flags.rawValue) &* 0x0001_0001_0001_0001
        let raw = UnsafeRawPointer(baseAddress)
        while i + 4 <= count, raw!.loadUnaligned(fromByteOffset: 2 * i, as: UInt64.self) & lanes == 0 { i += 4 }
        while i < count, self[i].isDisjoint(with: flags) { i += 1 }
        return i
    }

    func asciiKey(_ range: Range<Int>) -> UInt64? { nil }
}

/// The units of ASCII text: each byte is a unit of its own, found in a table.
struct ByteUnits: SegmentUnits {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The unit of each ASCII byte value.
    let table: UnsafePointer<SentenceSegmenter.Unit>

    var count: Int { bytes.count }

    subscript(_ i: Int) -> SentenceSegmenter.Unit { table[Int(bytes[i])] }

    /// The bytes whose units are terminators ("." "!" "?"; "…" is not ASCII), tested against the table.
    static let terminators: [UInt8] = [0x21, 0x2E, 0x3F]
    /// The ASCII byte whose unit may open a quotation (the straight quote; curly ones are not ASCII).
    static let openingMark: UInt8 = 0x22

    func firstTerminator(from i: Int) -> Int {
        firstIndex(from: i, holding: .terminator) { ByteWord.holds($0, 0x2E) || ByteWord.holds($0, 0x21) || ByteWord.holds($0, 0x3F) }
    }

    func firstOpeningMark(from i: Int) -> Int {
        firstIndex(from: i, holding: [.curlyOpen, .straightQuote]) { ByteWord.holds($0, Self.openingMark) }
    }

    /// Eight bytes at a time while `wordHolds` (exact for the bytes whose units have one of `flags`)
    /// rules them out, then unit by unit.
    @inline(__always)
    private func firstIndex(from start: Int, holding flags: SentenceSegmenter.Unit, wordHolds: (UInt64) -> Bool) -> Int {
        var i = start
        let raw = UnsafeRawBufferPointer(bytes)
        while i + 8 <= bytes.count, !wordHolds(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) { i += 8 }
        while i < bytes.count, self[i].isDisjoint(with: flags) { i += 1 }
        return i
    }

    func asciiKey(_ range: Range<Int>) -> UInt64? {
        guard range.count <= 8 else { return nil }
        var key: UInt64 = 0
        for (k, i) in range.enumerated() { key |= UInt64(RegexPrefilter.asciiLowercased(bytes[i])) << UInt64(8 * k) }
        return key
    }
}

/// The commonest paragraph: ASCII text, each byte a Character of its own (no CR LF: lines are
/// split at line breaks) and its own unit, so units are looked up in a table when asked instead
/// of being worked out and stored for every byte. Nil for any other text.
struct ASCIIText: SegmentText {
    /// The parts joined (a single part itself).
    private let text: String
    let partStarts: [Int]

    init?(_ parts: [String]) {
        guard parts.allSatisfy(Self.isASCII) else { return nil }
        var starts: [Int] = []
        starts.reserveCapacity(parts.count)
        var joined = ""
        if parts.count > 1 { joined.reserveCapacity(parts.reduce(parts.count) { $0 + $1.utf8.count }) }
        var length = 0
        for part in parts {
            // As `ScalarText` joins: a space before a part once the text is not empty.
            if length > 0 {
                joined += " "
                length += 1
            }
            starts.append(length)
            if parts.count > 1 { joined += part }
            length += part.utf8.count
        }
        partStarts = starts
        text = parts.count == 1 ? parts[0] : joined
    }

    private static func isASCII(_ part: String) -> Bool {
        var part = part
        return part.withUTF8 { utf8 in
            let raw = UnsafeRawBufferPointer(utf8)
            var i = 0
            while i + 8 <= utf8.count {
                if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
                i += 8
            }
            while i < utf8.count {
                if utf8[i] >= 0x80 { return false }
                i += 1
            }
            return true
        }
    }

    /// The unit of each ASCII byte value (as `ScalarText` has them).
    static let table = Array(ScalarText.table.prefix(128))

    func withUnits<R>(_ body: (ByteUnits) -> R) -> R {
        var text = text
        return text.withUTF8 { bytes in
            Self.table.withUnsafeBufferPointer { body(ByteUnits(bytes: bytes, table: $0.baseAddress!)) }
        }
    }

    func string(_ range: Range<Int>) -> String {
        let utf8 = text.utf8
        return String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]))
    }

    func sentence(_ range: Range<Int>, units: ByteUnits) -> String? { trimmableSentence(range, units: units) }
}
