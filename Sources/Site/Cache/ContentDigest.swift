import Foundation

/// A 128-bit content hash: two multiply-rotate lanes over 8-byte words, finished with
/// MurmurHash3's mixer. Not cryptographic: it tells the user's own files apart, fast.
public struct ContentDigest: Sendable, Hashable, CustomStringConvertible {
    public var high: UInt64
    public var low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    public static let zero = ContentDigest(high: 0, low: 0)

    public init(_ bytes: UnsafeRawBufferPointer) {
        let count = bytes.count
        // Four lanes take a 32-byte stripe's words side by side: one chain through every word
        // waited on each multiply (the digest of every input, page and cache file was 1.6% of a build).
        var lanes = (Self.p1 &+ Self.p2, Self.p2, UInt64(0), UInt64(0) &- Self.p1)
        var offset = 0
        while offset + 32 <= count {
            lanes.0 = Self.round(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = Self.round(lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lanes.2 = Self.round(lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lanes.3 = Self.round(lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        var a = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count) ^ (lanes.0.rotatedLeft(1) &+ lanes.1.rotatedLeft(7) &+ lanes.2.rotatedLeft(12) &+ lanes.3.rotatedLeft(18))
        var b = (0xC2B2_AE3D_27D4_EB4F &+ UInt64(count)) ^ ((lanes.0.rotatedLeft(33) &+ lanes.1.rotatedLeft(45) &+ lanes.2.rotatedLeft(52) &+ lanes.3.rotatedLeft(58)) &* Self.p1)
        while offset + 8 <= count {
            let w = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            a = ((a ^ w) &* 0x87C3_7B91_1142_53D5).rotatedLeft(31)
            b = ((b ^ w.rotatedLeft(17)) &* 0x4CF5_AD43_2745_937F).rotatedLeft(27) &+ a
            offset += 8
        }
        var tail: UInt64 = 0
        for i in stride(from: count - 1, through: offset, by: -1) { tail = (tail << 8) | UInt64(bytes[i]) }
        a = ((a ^ tail) &* 0x87C3_7B91_1142_53D5).rotatedLeft(31)
        b = ((b ^ tail) &* 0x4CF5_AD43_2745_937F).rotatedLeft(27) &+ a
        high = Self.mix(a &+ b)
        low = Self.mix(b ^ a.rotatedLeft(32))
    }

    private static let p1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let p2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    /// One lane's step for one word (xxHash64's round).
    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        (lane &+ UInt64(littleEndian: word) &* p2).rotatedLeft(31) &* p1
    }

    public init(_ bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { ContentDigest($0) }
    }

    public init(_ text: String) {
        var text = text
        self = text.withUTF8 { ContentDigest(UnsafeRawBufferPointer($0)) }
    }

    /// 32 lowercase hex digits (written by hand: `String(format:)` was 3% of a one-article rebuild).
    public var description: String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 32) { buffer in
            for (half, value) in [high, low].enumerated() {
                for i in 0..<16 { buffer[half * 16 + i] = digits[Int((value >> UInt64(60 - 4 * i)) & 0xF)] }
            }
            return 32
        }
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33
        k &*= 0xFF51_AFD7_ED55_8CCD
        k ^= k >> 33
        k &*= 0xC4CE_B9FE_1A85_EC53
        k ^= k >> 33
        return k
    }
}

extension ContentDigest {
    /// The digest of a sequence of fields, each written unambiguously (strings with their
    /// length), for keys made of many small values: no text is built to digest.
    struct Builder {
        private var bytes: [UInt8] = []

        init(capacity: Int = 256) {
            bytes.reserveCapacity(capacity)
        }

        mutating func add(_ text: String) {
            add(UInt64(text.utf8.count))
            bytes.append(contentsOf: text.utf8)
        }

        mutating func add(_ value: UInt64) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func add(_ digest: ContentDigest) {
            add(digest.high)
            add(digest.low)
        }

        var digest: ContentDigest { ContentDigest(bytes) }
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(_ n: UInt64) -> UInt64 { (self << n) | (self >> (64 - n)) }
}
