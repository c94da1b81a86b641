/// Eight text bytes loaded as one `UInt64` and tested at once: byte scans run over every byte of
/// every article, where a test per byte showed in profiles.
public enum ByteWord {
    /// Whether one of the eight bytes of `word` is `byte` (the classic zero-byte test on `word ^ byte…`; exact).
    @inlinable @inline(__always)
    public static func holds(_ word: UInt64, _ byte: UInt8) -> Bool {
        holdsByte(below: 1, word ^ (0x0101_0101_0101_0101 &* UInt64(byte)))
    }

    /// Whether one of the eight bytes of `word` is below `bound`, at most 0x80 (exact: the borrows
    /// that make the "which byte" answer inexact never make a word without one test positive).
    @inlinable @inline(__always)
    public static func holdsByte(below bound: UInt8, _ word: UInt64) -> Bool {
        (word &- 0x0101_0101_0101_0101 &* UInt64(bound)) & ~word & 0x8080_8080_8080_8080 != 0
    }
}
