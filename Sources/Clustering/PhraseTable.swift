/// Phrase ids by the packed ids of their two words, by open addressing: a phrase is looked up
/// for every pair of adjacent capitalised words, and a `Dictionary` hashed each key with SipHash.
struct PhraseTable: Sendable {
    /// Key + 1, so that 0 marks an empty slot (ids are below 2^31, so no key is all ones).
    private var keys = [UInt64](repeating: 0, count: 256)
    private var values = [Int32](repeating: 0, count: 256)
    private var count = 0

    @inline(__always)
    private static func slot(_ stored: UInt64, mask: Int) -> Int {
        let mixed = (stored ^ (stored >> 31)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed >> 32) & mask
    }

    func find(_ key: UInt64) -> Int32? {
        let stored = key &+ 1
        return keys.withUnsafeBufferPointer { keys in
            let mask = keys.count - 1
            var s = Self.slot(stored, mask: mask)
            while true {
                if keys[s] == stored { return values[s] }
                if keys[s] == 0 { return nil }
                s = (s + 1) & mask
            }
        }
    }

    /// Adds `key`, which must not be in the table yet.
    mutating func insert(_ key: UInt64, _ value: Int32) {
        // At most half full, so probes stay short.
        if (count + 1) * 2 > keys.count { grow() }
        place(key &+ 1, value)
        count += 1
    }

    private mutating func place(_ stored: UInt64, _ value: Int32) {
        let mask = keys.count - 1
        var s = Self.slot(stored, mask: mask)
        while keys[s] != 0 { s = (s + 1) & mask }
        keys[s] = stored
        values[s] = value
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != 0 }
        keys = [UInt64](repeating: 0, count: keys.count * 2)
        values = [Int32](repeating: 0, count: keys.count)
        for (stored, value) in old { place(stored, value) }
    }
}
