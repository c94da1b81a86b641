import BriefingCore

/// Reads what `BinaryWriter` wrote. Every read is bounds-checked and throws `CacheCorrupt`
/// instead of trapping, so a truncated or damaged cache file only means a full build.
struct BinaryReader {
    struct CacheCorrupt: Error {}

    private let bytes: [UInt8]
    private(set) var offset: Int
    /// Reads stop here (the cache file's trailer starts after it).
    private let end: Int

    init(_ bytes: [UInt8], offset: Int = 0, end: Int? = nil) {
        self.bytes = bytes
        self.offset = offset
        self.end = end ?? bytes.count
    }

    var isAtEnd: Bool { offset == end }

    /// The buffer read from, for readers of a part of it (`blobRange`).
    var buffer: [UInt8] { bytes }

    /// Where the next length-prefixed blob lies in `buffer`; the read moves past it.
    mutating func blobRange() throws(CacheCorrupt) -> Range<Int> {
        let n = try count()
        offset += n
        return offset - n..<offset
    }

    /// Moves past a string without making it.
    mutating func skipString() throws(CacheCorrupt) {
        offset += try count()
    }

    mutating func unsigned() throws(CacheCorrupt) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end, shift < 64 else { throw CacheCorrupt() }
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return result }
            shift += 7
        }
    }

    mutating func int() throws(CacheCorrupt) -> Int {
        let u = try unsigned()
        return Int(truncatingIfNeeded: Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1))))
    }

    /// A count that must fit in what is left of the buffer (one byte per element at least).
    mutating func count() throws(CacheCorrupt) -> Int {
        let n = try unsigned()
        guard n <= UInt64(end - offset) else { throw CacheCorrupt() }
        return Int(n)
    }

    mutating func bool() throws(CacheCorrupt) -> Bool {
        guard offset < end, bytes[offset] <= 1 else { throw CacheCorrupt() }
        offset += 1
        return bytes[offset - 1] == 1
    }

    mutating func string() throws(CacheCorrupt) -> String {
        let n = try count()
        let start = offset
        offset += n
        return bytes.withUnsafeBufferPointer { String(decoding: $0[start..<start + n], as: UTF8.self) }
    }

    mutating func optional() throws(CacheCorrupt) -> String? {
        try bool() ? try string() : nil
    }

    mutating func fixed() throws(CacheCorrupt) -> UInt64 {
        guard end - offset >= 8 else { throw CacheCorrupt() }
        var value: UInt64 = 0
        for i in (0..<8).reversed() { value = (value << 8) | UInt64(bytes[offset + i]) }
        offset += 8
        return value
    }

    mutating func digest() throws(CacheCorrupt) -> ContentDigest {
        let high = try fixed()
        return ContentDigest(high: high, low: try fixed())
    }

    mutating func array<T>(_ element: (inout BinaryReader) throws(CacheCorrupt) -> T) throws(CacheCorrupt) -> [T] {
        let n = try count()
        var values: [T] = []
        values.reserveCapacity(n)
        for _ in 0..<n { values.append(try element(&self)) }
        return values
    }
}
