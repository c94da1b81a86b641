/// Decoding from bytes known to be valid UTF-8 (a Swift string's), for the tokenisers of
/// clustering and comparison, which walk text by bytes.
public enum UTF8Scalar {
    /// The scalar starting at byte `i` of valid UTF-8, and its length in bytes.
    @inlinable @inline(__always)
    public static func at(_ i: Int, in utf8: UnsafeBufferPointer<UInt8>) -> (scalar: Unicode.Scalar, length: Int) {
        let b0 = UInt32(utf8[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        let value: UInt32, length: Int
        if b0 < 0xE0 {
            value = (b0 & 0x1F) << 6 | UInt32(utf8[i + 1] & 0x3F); length = 2
        } else if b0 < 0xF0 {
            value = (b0 & 0x0F) << 12 | UInt32(utf8[i + 1] & 0x3F) << 6 | UInt32(utf8[i + 2] & 0x3F); length = 3
        } else {
            value = (b0 & 0x07) << 18 | UInt32(utf8[i + 1] & 0x3F) << 12 | UInt32(utf8[i + 2] & 0x3F) << 6
                | UInt32(utf8[i + 3] & 0x3F)
            length = 4
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}
