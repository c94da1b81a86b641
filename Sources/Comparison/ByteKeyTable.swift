/// Byte strings → dense ids (0, 1, 2… in order of first insertion), by open addressing over one
/// flat byte buffer: looking a token up hashes its bytes once and makes no String.
struct ByteKeyTable {
    /// id + 1 per slot, 0 when empty; the count is a power of two.
    private var slots = [Int32](repeating: 0, count: 256)
    private var hashes: [UInt64] = []
    /// The keys' bytes end to end; key `id` is `bytes[starts[id]..<starts[id + 1]]`.
    private var bytes: [UInt8] = []
    private var starts: [Int] = [0]

    var count: Int { hashes.count }

    /// The id of `key`, and whether it was added by this call.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) { insert(key, hash: Self.hash(key)) }

    /// `insert(key)`, given `hash(key)`.
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (id: Int32, isNew: Bool) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { break }
            let id = Int(stored) - 1
            if hashes[id] == hash, equals(id, key) { return (Int32(id), false) }
            slot = (slot + 1) & mask
        }
        let id = Int32(hashes.count)
        slots[slot] = id + 1
        hashes.append(hash)
        bytes.append(contentsOf: key)
        starts.append(bytes.count)
        // At most half full, so probes stay short.
        if hashes.count * 2 > slots.count { grow() }
        return (id, true)
    }

    private func equals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id], end = starts[id + 1]
        guard end - start == key.count else { return false }
        return bytes.withUnsafeBufferPointer { stored in
            var k = 0
            while k < key.count { if stored[start + k] != key[k] { return false }; k += 1 }
            return true
        }
    }

    private mutating func grow() {
        var wider = [Int32](repeating: 0, count: slots.count * 2)
        let mask = wider.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while wider[slot] != 0 { slot = (slot + 1) & mask }
            wider[slot] = Int32(id + 1)
        }
        slots = wider
    }

    /// FNV-1a, then a final mix so that the low bits (the slot) depend on every byte.
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in key { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        h ^= h >> 29
        h = h &* 0xbf58_476d_1ce4_e5b9
        return h ^ (h >> 32)
    }
}
