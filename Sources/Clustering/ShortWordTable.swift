/// Words of up to 16 UTF-8 bytes → their `TermExtractor.Analysis`, by open addressing over the
/// bytes packed into two integers: looking a word up makes no String and hashes no bytes one by
/// one, where a String-keyed dictionary was a third of tokenising. Words hold no NUL byte, so
/// zero padding keeps keys distinct and the all-zero key marks an empty slot.
struct ShortWordTable: Sendable {
    struct Key: Sendable, Equatable {
        var low: UInt64
        var high: UInt64
    }

    /// A key beside its value, so a lookup reads one place in memory, not two arrays.
    private struct Slot {
        var key: Key
        var value: TermExtractor.Analysis
    }

    private var slots = [Slot](repeating: Slot(key: Key(low: 0, high: 0), value: .skip), count: 1024)
    private var count = 0

    /// The key of `bytes`, when they are 1 to 16 bytes long.
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> Key? {
        guard !bytes.isEmpty, bytes.count <= 16, let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        let raw = UnsafeRawPointer(base)
        // By overlapping loads of the bytes themselves: a `memcpy` call per word cost more.
        if count > 8 { return Key(low: raw.loadUnaligned(as: UInt64.self).littleEndian, high: packed(raw + 8, count - 8)) }
        return Key(low: packed(raw, count), high: 0)
    }

    /// `count` (1...8) bytes at `raw`, the first lowest, zero above: two loads that may overlap.
    @inline(__always)
    private static func packed(_ raw: UnsafeRawPointer, _ count: Int) -> UInt64 {
        if count >= 4 {
            let low = UInt64(raw.loadUnaligned(as: UInt32.self).littleEndian)
            let high = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self).littleEndian)
            return low | high << (8 * (count - 4))
        }
        if count >= 2 {
            let low = UInt64(raw.loadUnaligned(as: UInt16.self).littleEndian)
            let high = UInt64(raw.loadUnaligned(fromByteOffset: count - 2, as: UInt16.self).littleEndian)
            return low | high << (8 * (count - 2))
        }
        return UInt64(raw.load(as: UInt8.self))
    }

    @inline(__always)
    private func slot(_ key: Key, mask: Int) -> Int {
        let h = (key.low &* 0x9E37_79B9_7F4A_7C15) ^ (key.high &* 0xC2B2_AE3D_27D4_EB4F)
        let mixed = (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed >> 32) & mask
    }

    func find(_ key: Key) -> TermExtractor.Analysis? {
        slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            var s = slot(key, mask: mask)
            while true {
                let stored = slots[s].key
                if stored == key { return slots[s].value }
                if stored.low == 0 { return nil }
                s = (s + 1) & mask
            }
        }
    }

    /// Adds `key`, which must not be in the table yet.
    mutating func insert(_ key: Key, _ value: TermExtractor.Analysis) {
        // At most half full, so probes stay short.
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var s = slot(key, mask: mask)
        while slots[s].key.low != 0 { s = (s + 1) & mask }
        slots[s] = Slot(key: key, value: value)
        count += 1
    }

    private mutating func grow() {
        let old = slots.filter { $0.key.low != 0 }
        slots = [Slot](repeating: Slot(key: Key(low: 0, high: 0), value: .skip), count: slots.count * 2)
        count = 0
        for entry in old { insert(entry.key, entry.value) }
    }
}
