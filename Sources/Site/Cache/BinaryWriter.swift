/// Appends values to a byte buffer in the cache's format: LEB128 varints (zig-zag for signed),
/// strings as length + UTF-8, optionals and arrays with a leading tag or count.
struct BinaryWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 4096) { bytes.reserveCapacity(capacity) }

    mutating func unsigned(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: v) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    mutating func int(_ value: Int) {
        let v = Int64(value)
        unsigned(UInt64(bitPattern: (v << 1) ^ (v >> 63)))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { buffer in
            unsigned(UInt64(buffer.count))
            bytes.append(contentsOf: buffer)
        }
    }

    mutating func optional(_ value: String?) {
        bool(value != nil)
        if let value { string(value) }
    }

    mutating func digest(_ value: ContentDigest) {
        fixed(value.high)
        fixed(value.low)
    }

    mutating func fixed(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ value: [UInt8]) { bytes.append(contentsOf: value) }

    /// Length-prefixed raw bytes.
    mutating func blob(_ value: some Collection<UInt8>) {
        unsigned(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    /// A blob written in place by `write`, without a buffer of its own: its length is put before
    /// it once known. When `write` gives false, nothing is left appended.
    @discardableResult
    mutating func blob(writing write: (inout BinaryWriter) -> Bool) -> Bool {
        let start = bytes.count
        guard write(&self) else {
            bytes.removeSubrange(start...)
            return false
        }
        // The length's varint, made room for and filled in place (no buffer for it).
        var length = UInt64(bytes.count - start)
        var size = 1
        while length >> (7 * size) != 0 { size += 1 }
        bytes.insert(contentsOf: repeatElement(0, count: size), at: start)
        for index in start..<start + size {
            bytes[index] = UInt8(truncatingIfNeeded: length) | (index < start + size - 1 ? 0x80 : 0)
            length >>= 7
        }
        return true
    }

    /// How many bytes are written so far.
    var count: Int { bytes.count }

    /// Puts `other`'s bytes at `position`, before what was written from there on.
    mutating func insert(_ other: BinaryWriter, at position: Int) {
        bytes.insert(contentsOf: other.bytes, at: position)
    }

    mutating func array<T>(_ values: [T], _ element: (inout BinaryWriter, T) -> Void) {
        unsigned(UInt64(values.count))
        for value in values { element(&self, value) }
    }
}
