import BriefingCore
import Foundation

/// Byte strings → dense ids (0, 1, 2… in order of first insertion), by open addressing over one
/// flat byte buffer: looking a token up hashes its bytes once and makes no String. A class over
/// raw buffers: it runs once per token, where copy-on-write and bounds checks showed in profiles.
final class ByteKeyTable {
    /// id + 1 per slot, 0 when empty; `slotCount` is a power of two.
    private var slots: UnsafeMutablePointer<Int32>
    private var slotCount = 256
    /// Per id: the key's hash, and where its bytes start in `bytes` (`starts[id + 1]` is where they
    /// end); 32 bits, as a build's spelling memo holds a table of a million keys.
    private var hashes: UnsafeMutablePointer<UInt64>
    private var starts: UnsafeMutablePointer<UInt32>
    private var idCapacity = 128
    private(set) var count = 0
    /// The keys' bytes end to end, and `slack` more: any key's first eight bytes are one load.
    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCapacity = 1024
    private static let slack = 8

    init() {
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
        hashes = .allocate(capacity: idCapacity)
        starts = .allocate(capacity: idCapacity + 1)
        starts[0] = 0
        bytes = .allocate(capacity: byteCapacity + Self.slack)
    }

    deinit {
        slots.deallocate()
        hashes.deallocate()
        starts.deallocate()
        bytes.deallocate()
    }

    /// The id of `key`, and whether it was added by this call.
    func insert(_ key: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) { insert(key, hash: Self.hash(key)) }

    /// `insert(key)`, given `hash(key)`. Inlined up to the lookup: most calls find their key.
    @inline(__always)
    func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> (id: Int32, isNew: Bool) {
        let (slot, found) = probe(hash: hash) { equals($0, key) }
        if let found { return (found, false) }
        return (add(key, hash: hash, at: slot), true)
    }

    /// `insert(key, hash:)` for a key inside a buffer ending at `end`: a key of under 8 bytes with 8
    /// readable from its start is compared in one masked load, not byte by byte (most tokens are that short).
    @inline(__always)
    func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, readableUpTo end: UnsafePointer<UInt8>) -> (id: Int32, isNew: Bool) {
        guard let base = key.baseAddress, key.count < 8, end - base >= 8 else { return insert(key, hash: hash) }
        let mask: UInt64 = 1 &<< (8 &* UInt64(key.count)) &- 1
        let word = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self).littleEndian & mask
        let (slot, found) = probe(hash: hash) { id in
            let start = Int(starts[id])
            return Int(starts[id + 1]) &- start == key.count
                && UnsafeRawPointer(bytes + start).loadUnaligned(as: UInt64.self).littleEndian & mask == word
        }
        if let found { return (found, false) }
        return (add(key, hash: hash, at: slot), true)
    }

    /// Adds `key` as the next id, in the empty `slot` its probe ended at.
    @inline(never)
    private func add(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, at slot: Int) -> Int32 {
        let id = count
        if id == idCapacity { growIDs() }
        let start = Int(starts[id])
        precondition(start + key.count <= UInt32.max, "a byte key table holds at most 4 GB of keys")
        if start + key.count > byteCapacity { growBytes(start + key.count) }
        if let base = key.baseAddress { (bytes + start).update(from: base, count: key.count) }
        starts[id + 1] = UInt32(start + key.count)
        hashes[id] = hash
        slots[slot] = Int32(id + 1)
        count += 1
        // At most half full, so probes stay short.
        if count * 2 > slotCount { growSlots() }
        return Int32(id)
    }

    /// The id of `key`, whose `hash(key)` is `hash`, if it was inserted.
    func find(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int32? { probe(hash: hash) { equals($0, key) }.id }

    /// Calls `body` with each id `k` of `range` of `other` and `find(other.key(k), …)`, in order. By
    /// batches, each first reading the slots and entries its lookups will read: loads independent of
    /// each other overlap their cache misses, where one lookup after another in a large table waited
    /// for each in turn (most of a story's spellings are met by the build's memo).
    func find(keysOf other: ByteKeyTable, _ range: Range<Int>, _ body: (Int, Int32?) -> Void) {
        let batch = 64
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: batch) { stored in
            var first = range.lowerBound
            while first < range.upperBound {
                let end = min(first + batch, range.upperBound), mask = slotCount - 1
                for k in first..<end { stored[k - first] = slots[Int(truncatingIfNeeded: other.hashes[k]) & mask] }
                var touched: UInt64 = 0
                for k in first..<end where stored[k - first] != 0 {
                    let id = Int(stored[k - first]) - 1, start = Int(starts[id])
                    touched ^= hashes[id] ^ UInt64(start < byteCapacity ? bytes[start] : 0)
                }
                warmed ^= touched
                for k in first..<end { body(k, find(other.key(k), hash: other.hashes[k])) }
                first = end
            }
        }
    }

    /// What the warming loads read, kept so that they are not optimised away.
    private(set) var warmed: UInt64 = 0

    /// The slot holding the key with `hash` whose id `matches`, with its id; else the empty slot where it would go.
    @inline(__always)
    private func probe(hash: UInt64, _ matches: (Int) -> Bool) -> (slot: Int, id: Int32?) {
        // The buffers in locals: read through `self` they were loaded again on every probe and byte.
        let mask = slotCount &- 1, slots = slots, hashes = hashes
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = slots[slot]
            if stored == 0 { return (slot, nil) }
            let id = Int(stored) - 1
            if hashes[id] == hash, matches(id) { return (slot, Int32(id)) }
            slot = (slot &+ 1) & mask
        }
    }

    /// The bytes of key `id`; valid until the next insert.
    func key(_ id: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: bytes + Int(starts[id]), count: Int(starts[id + 1] - starts[id]))
    }

    /// The hash of key `id`.
    func hash(of id: Int) -> UInt64 { hashes[id] }

    private func equals(_ id: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[id])
        guard Int(starts[id + 1]) - start == key.count else { return false }
        guard let base = key.baseAddress else { return true }
        let known = bytes + start
        // Most keys are a few bytes: a loop beats the call to memcmp.
        if key.count <= 16 {
            for k in 0..<key.count where known[k] != base[k] { return false }
            return true
        }
        return memcmp(known, base, key.count) == 0
    }

    private func growIDs() {
        idCapacity *= 2
        hashes = hashes.grown(keeping: count, capacity: idCapacity)
        starts = starts.grown(keeping: count + 1, capacity: idCapacity + 1)
    }

    private func growBytes(_ needed: Int) {
        var wider = byteCapacity * 2
        while wider < needed { wider *= 2 }
        bytes = bytes.grown(keeping: Int(starts[count]), capacity: wider + Self.slack)
        byteCapacity = wider
    }

    private func growSlots() {
        let wider = slotCount * 2
        let newSlots = UnsafeMutablePointer<Int32>.allocate(capacity: wider)
        newSlots.initialize(repeating: 0, count: wider)
        let mask = wider - 1
        for id in 0..<count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while newSlots[slot] != 0 { slot = (slot + 1) & mask }
            newSlots[slot] = Int32(id + 1)
        }
        slots.deallocate()
        slots = newSlots
        slotCount = wider
    }

    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 { ByteHash.hash(key) }
}
