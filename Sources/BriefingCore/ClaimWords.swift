import Foundation

/// The words (runs between spaces) of the claim texts of one build's comparisons, each by an id
/// that a `ClaimTable` holds in one to three bytes: claims repeat the corpus's words and names, and
/// their texts were half of what a build holds of its comparisons until rendering. Any text splits
/// on spaces and joins back byte for byte. Locked, because stories are compared in parallel.
public final class ClaimWords: @unchecked Sendable {
    private let lock = NSLock()
    /// The distinct words end to end: word `w` ends at `ends[w]` and starts where `w - 1` ended.
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []
    /// Word id + 1 per slot, 0 when empty; a power of two, at most half full.
    private var slots = [Int32](repeating: 0, count: 1024)

    public init() {}

    /// Appends the ids of `text`'s words to `codes`, 7 bits a byte, low bits first, a set high bit
    /// when more follow. False when the words do not fit the table's integers.
    func encode(_ text: String, into codes: inout [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            lock.withLock {
                var start = 0
                for i in 0...utf8.count where i == utf8.count || utf8[i] == 0x20 {
                    guard var id = self.id(UnsafeBufferPointer(rebasing: utf8[start..<i])) else { return false }
                    while id >= 0x80 { codes.append(UInt8(id & 0x7F) | 0x80); id >>= 7 }
                    codes.append(UInt8(id))
                    start = i + 1
                }
                return true
            }
        }
    }

    /// The text whose word ids `encode` appended as `codes`. Over raw buffers: it runs for every
    /// claim a page shows, where slicing arrays showed in profiles.
    func decode(_ codes: ArraySlice<UInt8>) -> String {
        codes.withUnsafeBufferPointer { codes in
            lock.withLock {
                bytes.withUnsafeBufferPointer { bytes in
                    ends.withUnsafeBufferPointer { ends in
                        func span(_ w: Int) -> Range<Int> { (w == 0 ? 0 : Int(ends[w - 1]))..<Int(ends[w]) }
                        var length = -1, k = 0
                        while k < codes.count { length += 1 + span(Self.readID(codes, &k)).count }
                        return String(unsafeUninitializedCapacity: max(length, 0)) { out in
                            var at = 0, k = 0
                            while k < codes.count {
                                if k > 0 { out[at] = 0x20; at += 1 }
                                let word = span(Self.readID(codes, &k))
                                if !word.isEmpty { (out.baseAddress! + at).update(from: bytes.baseAddress! + word.lowerBound, count: word.count) }
                                at += word.count
                            }
                            return at
                        }
                    }
                }
            }
        }
    }

    /// Distinct words met so far.
    var count: Int { lock.withLock { ends.count } }

    private static func readID(_ codes: UnsafeBufferPointer<UInt8>, _ k: inout Int) -> Int {
        var id = 0, shift = 0
        while true {
            let byte = codes[k]
            k += 1
            id |= Int(byte & 0x7F) << shift
            if byte < 0x80 { return id }
            shift += 7
        }
    }

    /// Called with the lock held.
    private func id(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = slots.count - 1
        var slot = Self.hash(word) & mask
        let found: Int? = slots.withUnsafeBufferPointer { slots in
            bytes.withUnsafeBufferPointer { bytes in
                ends.withUnsafeBufferPointer { ends in
                    while slots[slot] != 0 {
                        let id = Int(slots[slot]) - 1
                        let start = id == 0 ? 0 : Int(ends[id - 1])
                        if Int(ends[id]) - start == word.count,
                           word.isEmpty || memcmp(bytes.baseAddress! + start, word.baseAddress!, word.count) == 0 { return id }
                        slot = (slot + 1) & mask
                    }
                    return nil
                }
            }
        }
        if let found { return found }
        guard bytes.count + word.count <= UInt32.max, ends.count < Int32.max else { return nil }
        bytes.append(contentsOf: word)
        ends.append(UInt32(bytes.count))
        slots[slot] = Int32(ends.count)
        if ends.count * 2 > slots.count { growSlots() }
        return ends.count - 1
    }

    private func growSlots() {
        var wider = [Int32](repeating: 0, count: slots.count * 2)
        let mask = wider.count - 1
        for entry in slots where entry != 0 {
            let id = Int(entry) - 1, start = id == 0 ? 0 : Int(ends[id - 1])
            var slot = bytes.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[start..<Int(ends[id])])) } & mask
            while wider[slot] != 0 { slot = (slot + 1) & mask }
            wider[slot] = entry
        }
        slots = wider
    }

    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> Int { Int(truncatingIfNeeded: ByteHash.hash(word)) }
}

/// A hash of byte strings (words, tokens) for open-addressing tables.
public enum ByteHash {
    /// Eight bytes at a time (the tail zero-padded, the length mixed in), then a final mix so that
    /// the low bits (the slot) depend on every byte: it runs once per token, where a multiply per
    /// byte showed in profiles.
    @inlinable
    public static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(key.count)
        guard let base = key.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= key.count {
            h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 32
            i += 8
        }
        if i < key.count {
            var tail: UInt64 = 0
            for k in i..<key.count { tail |= UInt64(key[k]) << (8 * UInt64(k - i)) }
            h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
        }
        h ^= h >> 29
        h = h &* 0xbf58_476d_1ce4_e5b9
        return h ^ (h >> 32)
    }
}
