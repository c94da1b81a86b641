/// Non-negative integer keys (a build's term ids) → this story's dense ids (0, 1, 2… in order of
/// first insertion), by open addressing over two flat arrays: one lookup per word of a story,
/// where hashing a Dictionary key showed in profiles.
struct DenseIDMap {
    /// Key per slot, -1 when empty; `values` at the same slot. A power of two, at most half full.
    private var keys: [Int32]
    private var values: [Int32]
    private let shift: Int
    private(set) var count = 0

    /// Room for `capacity` keys without growing.
    init(capacity: Int) {
        var bits = 4
        while 1 << bits < 2 * max(capacity, 1) { bits += 1 }
        keys = [Int32](repeating: -1, count: 1 << bits)
        values = [Int32](repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    /// The id of `key`, given the next dense id when it is new.
    mutating func id(of key: Int32) -> Int {
        precondition(key >= 0, "keys are not negative")
        if count * 2 >= keys.count { self = grown() }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: (UInt64(UInt32(key)) &* 0x9E37_79B9_7F4A_7C15) >> UInt64(shift))
        while true {
            let stored = keys[slot]
            if stored == key { return Int(values[slot]) }
            if stored < 0 {
                keys[slot] = key
                values[slot] = Int32(count)
                count += 1
                return count - 1
            }
            slot = (slot + 1) & mask
        }
    }

    /// The same map with twice the slots.
    private func grown() -> DenseIDMap {
        var wider = DenseIDMap(capacity: keys.count)
        let byID = zip(keys, values).filter { $0.0 >= 0 }.sorted { $0.1 < $1.1 }
        for (key, _) in byID { _ = wider.id(of: key) }
        return wider
    }
}
