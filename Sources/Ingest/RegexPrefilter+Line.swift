/// The ASCII byte values a text holds, one bit each: "could this literal occur?" costs two ANDs.
/// Bytes of 0x80 and above are not recorded (a literal's are then left to the search).
struct ASCIISet: Equatable, Sendable {
    private(set) var low: UInt64 = 0, high: UInt64 = 0

    init() {}

    init<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        for byte in bytes where byte < 0x80 {
            if byte < 64 { low |= 1 << UInt64(byte) } else { high |= 1 << UInt64(byte - 64) }
        }
    }

    init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    func isSuperset(of other: ASCIISet) -> Bool {
        other.low & ~low == 0 && other.high & ~high == 0
    }

    func isDisjoint(with other: ASCIISet) -> Bool {
        other.low & low == 0 && other.high & high == 0
    }

    /// With every capital replaced by its lowercase letter.
    var lowercased: ASCIISet {
        let capitals: UInt64 = 0x07FF_FFFE  // "A"..."Z" in the high word
        return ASCIISet(low: low, high: (high & ~capitals) | (high & capitals) << 32)
    }

    func contains(_ byte: UInt8) -> Bool {
        byte < 64 ? low >> UInt64(byte) & 1 != 0 : byte < 128 && high >> UInt64(byte - 64) & 1 != 0
    }
}

extension RegexPrefilter {
    /// One line as the prefilters read it: what they work out from it is worked out once, for
    /// every rule asking. Length, the ASCII bytes present and what space normalizing needs come
    /// from a single pass.
    struct Line {
        let text: String
        /// `text.unicodeScalars.count`.
        let scalarCount: Int
        /// The ASCII bytes of the text.
        let bytes: ASCIISet
        /// `bytes` with capitals lowercased.
        let lowercasedBytes: ASCIISet
        let isASCII: Bool
        /// Two spaces in a row somewhere.
        let hasDoubleSpace: Bool
        /// A byte that may start a non-ASCII white space scalar (0xC2, 0xE1–0xE3).
        let mayHoldUnicodeSpace: Bool
        /// The UTF-8 bytes with ASCII letters lowercased.
        private(set) lazy var lowercasedASCII: [UInt8] = {
            var text = text
            return text.withUTF8 { utf8 in
                [UInt8](unsafeUninitializedCapacity: utf8.count) { buffer, initialized in
                    for i in utf8.indices { buffer[i] = RegexPrefilter.asciiLowercased(utf8[i]) }
                    initialized = utf8.count
                }
            }
        }()
        /// Whether a non-ASCII scalar changes when case-folded (so "ss" may stand for "ß").
        private(set) lazy var folds = !isASCII && text.unicodeScalars.contains { !$0.isASCII && $0.properties.changesWhenCaseFolded }

        init(_ text: String) {
            self.text = text
            var text = text
            var bytes = ASCIISet(), count = 0, nonASCII = false, doubleSpace = false, unicodeSpace = false
            text.withUTF8 { utf8 in
                withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 32) { words in
                    // One store per byte marks the byte values present (a dependent OR per byte was
                    // most of the line's cost); the marks are then gathered eight at a time.
                    words.initialize(repeating: 0)
                    let seen = UnsafeMutableRawBufferPointer(words)
                    for byte in utf8 { seen[Int(byte)] = 1 }
                    bytes = ASCIISet(low: Self.gathered(words[0..<8]), high: Self.gathered(words[8..<16]))
                    nonASCII = words[16..<32].contains { $0 != 0 }
                    unicodeSpace = seen[0xC2] | seen[0xE1] | seen[0xE2] | seen[0xE3] != 0
                }
                count = nonASCII ? utf8.count - Self.continuationByteCount(utf8) : utf8.count
                doubleSpace = bytes.contains(0x20) && Self.holdsDoubleSpace(utf8)
            }
            scalarCount = count
            self.bytes = bytes
            lowercasedBytes = bytes.lowercased
            isASCII = !nonASCII
            hasDoubleSpace = doubleSpace
            mayHoldUnicodeSpace = unicodeSpace
        }

        /// Bits of a 64-entry run of 0/1 byte marks (eight little-endian words), entry k at bit k.
        private static func gathered(_ words: Slice<UnsafeMutableBufferPointer<UInt64>>) -> UInt64 {
            var bits: UInt64 = 0
            for (k, word) in words.enumerated() {
                // Each 0/1 byte is moved to the top byte's own bit; the shift brings the eight down.
                bits |= ((UInt64(littleEndian: word) &* 0x0102_0408_1020_4080) >> 56) << UInt64(8 * k)
            }
            return bits
        }

        /// UTF-8 continuation bytes (10xxxxxx), eight bytes at a time.
        static func continuationByteCount(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
            var count = 0, i = 0
            let raw = UnsafeRawBufferPointer(utf8)
            while i + 8 <= utf8.count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                count += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
                i += 8
            }
            while i < utf8.count {
                if utf8[i] & 0xC0 == 0x80 { count += 1 }
                i += 1
            }
            return count
        }

        /// Two spaces in a row, eight bytes at a time.
        static func holdsDoubleSpace(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
            let raw = UnsafeRawBufferPointer(utf8)
            var i = 0
            var previousWasSpace = false
            while i + 8 <= utf8.count {
                let x = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) ^ 0x2020_2020_2020_2020
                // The top bit of each byte that was a space (exact: no carry crosses bytes).
                let spaces = ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080
                if spaces & (spaces >> 8) != 0 || (previousWasSpace && spaces & 0x80 != 0) { return true }
                previousWasSpace = spaces >> 63 != 0
                i += 8
            }
            while i < utf8.count {
                let isSpace = utf8[i] == 0x20
                if isSpace && previousWasSpace { return true }
                previousWasSpace = isSpace
                i += 1
            }
            return false
        }

        /// Whether the text opens with `prefix`'s bytes, ASCII letters compared lowercased when
        /// `prefix.caseInsensitive` (it is then stored lowercased).
        func hasPrefix(_ prefix: Alternative) -> Bool {
            var text = text, expected = prefix.text
            return text.withUTF8 { bytes in
                expected.withUTF8 { expected in
                    guard bytes.count >= expected.count else { return false }
                    for k in expected.indices {
                        let byte = prefix.caseInsensitive ? RegexPrefilter.asciiLowercased(bytes[k]) : bytes[k]
                        if byte != expected[k] { return false }
                    }
                    return true
                }
            }
        }
    }
}
