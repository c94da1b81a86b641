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
            var low: UInt64 = 0, high: UInt64 = 0, count = 0
            var nonASCII: UInt8 = 0
            var doubleSpace = false, unicodeSpace = false
            text.withUTF8 { utf8 in
                var previous: UInt8 = 0
                for byte in utf8 {
                    // Branch-free: the words, flags and count are updated for every byte.
                    let bit = UInt64(1) << UInt64(byte & 63)
                    low |= byte < 64 ? bit : 0
                    high |= byte & 0xC0 == 0x40 ? bit : 0
                    nonASCII |= byte
                    count &+= byte & 0xC0 == 0x80 ? 0 : 1
                    doubleSpace = doubleSpace || (byte == 0x20 && previous == 0x20)
                    unicodeSpace = unicodeSpace || byte == 0xC2 || byte &- 0xE1 < 3
                    previous = byte
                }
            }
            scalarCount = count
            bytes = ASCIISet(low: low, high: high)
            lowercasedBytes = bytes.lowercased
            isASCII = nonASCII < 0x80
            hasDoubleSpace = doubleSpace
            mayHoldUnicodeSpace = unicodeSpace
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
