import Foundation
import Synchronization

/// The words (runs between spaces) of the claim texts of one build's comparisons, each by an id
/// that a `ClaimTable` holds in one to three bytes: claims repeat the corpus's words and names, and
/// their texts were half of what a build holds of its comparisons until rendering. Any text splits
/// on spaces and joins back byte for byte. Locked, because stories are compared in parallel.
public final class ClaimWords: @unchecked Sendable {
    private let lock = NSLock()
    /// Set by `freeze()`: no word is added any more, so decoding takes no lock (pages and
    /// `stories.json` decode every claim on all cores, and waited on each other for it).
    private let frozen = Atomic(false)
    // Raw buffers, not arrays: an array property read through `withUnsafeBufferPointer` while
    // another is appended to was checked for exclusive access at run time, most of a lookup's cost.
    /// The distinct words end to end: word `w` ends at `ends[w]` and starts where `w - 1` ended.
    private var bytes: UnsafeMutablePointer<UInt8>
    private var byteCount = 0, byteCapacity = 4096
    private var ends: UnsafeMutablePointer<UInt32>
    private var wordCount = 0, wordCapacity = 512
    /// Word id + 1 per slot, 0 when empty; a power of two, at most half full.
    private var slots: UnsafeMutablePointer<Int32>
    private var slotCount = 1024

    public init() {
        bytes = .allocate(capacity: byteCapacity)
        ends = .allocate(capacity: wordCapacity)
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: 0, count: slotCount)
    }

    deinit {
        bytes.deallocate()
        ends.deallocate()
        slots.deallocate()
    }

    /// Appends the ids of `text`'s words to `codes`, 7 bits a byte, low bits first, a set high bit
    /// when more follow. False when the words do not fit the table's integers.
    func encode(_ text: String, into codes: inout [UInt8]) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            var count = 1
            Self.forEachSpace(utf8) { _ in count += 1 }
            let end = utf8.baseAddress.map { $0 + utf8.count }
            return withUnsafeTemporaryAllocation(of: (end: Int, hash: Int).self, capacity: count) { words in
                // Split and hashed before taking the lock: stories are compared in parallel.
                var start = 0, w = 0
                func add(endingAt i: Int) {
                    let word = UnsafeBufferPointer(rebasing: utf8[start..<i])
                    words[w] = (i, end.map { Int(truncatingIfNeeded: ByteHash.hash(word, readableUpTo: $0)) } ?? Self.hash(word))
                    w += 1
                    start = i + 1
                }
                Self.forEachSpace(utf8) { add(endingAt: $0) }
                add(endingAt: utf8.count)
                // The codes gathered in a buffer (an id takes at most 5 bytes), then appended at once:
                // appending byte by byte checked the array's uniqueness every time.
                return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count * 5) { buffer in
                    var used = 0
                    let fits = lock.withLock {
                        precondition(!frozen.load(ordering: .relaxed), "a word added to frozen ClaimWords")
                        warm(words)
                        var start = 0
                        for (end, hash) in words {
                            guard var id = self.id(UnsafeBufferPointer(rebasing: utf8[start..<end]), hash: hash) else { return false }
                            while id >= 0x80 { buffer[used] = UInt8(id & 0x7F) | 0x80; used += 1; id >>= 7 }
                            buffer[used] = UInt8(id)
                            used += 1
                            start = end + 1
                        }
                        return true
                    }
                    if fits { codes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[..<used])) }
                    return fits
                }
            }
        }
    }

    /// Calls `body` with the offset of each space of `bytes`, in order. Eight bytes at a time, by an exact
    /// test of every byte of a loaded word: a test per byte showed in profiles (every claim is split).
    @inline(__always)
    static func forEachSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int) -> Void) {
        var i = 0
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= bytes.count {
                // The high bit of each byte that is a space: no carry crosses a byte, so each is exact.
                let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self).littleEndian ^ 0x2020_2020_2020_2020
                var found = ~(((x & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | x) & 0x8080_8080_8080_8080
                while found != 0 {
                    body(i + found.trailingZeroBitCount / 8)
                    found &= found &- 1
                }
                i += 8
            }
        }
        while i < bytes.count {
            if bytes[i] == 0x20 { body(i) }
            i += 1
        }
    }

    /// Reads the slots, word ends and bytes the lookups of `words` will read, first: loads independent of
    /// each other overlap their cache misses, where one lookup after another in a build's large
    /// table waited for each in turn. In three passes (every slot, then every end, then every first
    /// byte), so that no load waits on another of the same word. Called with the lock held.
    private func warm(_ words: UnsafeMutableBufferPointer<(end: Int, hash: Int)>) {
        let mask = slotCount - 1
        var touched: UInt32 = 0
        withUnsafeTemporaryAllocation(of: Int.self, capacity: words.count) { found in
            for (k, word) in words.enumerated() { found[k] = Int(slots[word.hash & mask]) }
            for k in found.indices where found[k] != 0 { found[k] = Int(ends[found[k] - 1]) }
            for k in found.indices where found[k] != 0 { touched ^= UInt32(bytes[found[k] - 1]) }
        }
        warmed ^= touched
    }

    /// What `warm` read, kept so that its loads are not optimised away.
    private var warmed: UInt32 = 0

    /// The bytes of word `w`, by their offsets in `bytes`. Called with the lock held.
    @inline(__always)
    private func span(_ w: Int) -> Range<Int> { (w == 0 ? 0 : Int(ends[w - 1]))..<Int(ends[w]) }

    /// The text whose word ids `encode` appended as `codes`. Over raw buffers: it runs for every
    /// claim a page shows, where slicing arrays showed in profiles.
    func decode(_ codes: ArraySlice<UInt8>) -> String {
        if frozen.load(ordering: .acquiring) { return text(codes) }
        return lock.withLock { text(codes) }
    }

    /// Ends encoding: what is decoded from now on is read without the lock. Called once the
    /// comparisons are made; any later `encode` is a programming error.
    public func freeze() {
        lock.withLock { frozen.store(true, ordering: .releasing) }
    }

    /// `decode`, with the lock held or the table frozen. Each word's id read once, into a temporary list
    /// of its bytes' ends (reading them twice, once to size the text and once to fill it, missed the
    /// cache twice in a build's large table); short words copied by a few loads, not a call each.
    private func text(_ codes: ArraySlice<UInt8>) -> String {
        codes.withUnsafeBufferPointer { codes in
            // A word takes at least one byte of code: there are no more words than bytes.
            withUnsafeTemporaryAllocation(of: (start: UInt32, end: UInt32).self, capacity: max(codes.count, 1)) { words in
                var count = 0, length = -1, k = 0
                while k < codes.count {
                    let w = Self.readID(codes, &k)
                    let word = (start: w == 0 ? 0 : ends[w - 1], end: ends[w])
                    words[count] = word
                    count += 1
                    length += 1 + Int(word.end - word.start)
                }
                return String(unsafeUninitializedCapacity: max(length, 0)) { out in
                    guard let base = out.baseAddress else { return 0 }
                    var at = 0
                    for index in 0..<count {
                        if index > 0 { base[at] = 0x20; at += 1 }
                        let word = words[index], n = Int(word.end - word.start)
                        Self.copy(bytes + Int(word.start), to: base + at, count: n)
                        at += n
                    }
                    return at
                }
            }
        }
    }

    /// Copies `n` bytes; up to 16 by two overlapping loads of 8, 4 or 1 bytes: most words are short,
    /// and a call to `memmove` per word cost more than the copy.
    @inline(__always)
    static func copy(_ source: UnsafePointer<UInt8>, to target: UnsafeMutablePointer<UInt8>, count n: Int) {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
        switch n {
        case 0: return
        case 1..<4:
            target[0] = source[0]
            target[n / 2] = source[n / 2]
            target[n - 1] = source[n - 1]
        case 4..<8:
            to.storeBytes(of: from.loadUnaligned(as: UInt32.self), as: UInt32.self)
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self), toByteOffset: n - 4, as: UInt32.self)
        case 8...16:
            to.storeBytes(of: from.loadUnaligned(as: UInt64.self), as: UInt64.self)
            to.storeBytes(of: from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self), toByteOffset: n - 8, as: UInt64.self)
        default:
            target.update(from: source, count: n)
        }
    }

    /// Distinct words met so far.
    var count: Int { lock.withLock { wordCount } }

    @inline(__always)
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
    private func id(_ word: UnsafeBufferPointer<UInt8>, hash: Int) -> Int? {
        let mask = slotCount - 1
        var slot = hash & mask
        while slots[slot] != 0 {
            let id = Int(slots[slot]) - 1
            let known = span(id)
            if known.count == word.count, word.isEmpty || memcmp(bytes + known.lowerBound, word.baseAddress!, word.count) == 0 { return id }
            slot = (slot + 1) & mask
        }
        guard byteCount + word.count <= UInt32.max, wordCount < Int32.max else { return nil }
        if byteCount + word.count > byteCapacity { growBytes(byteCount + word.count) }
        if wordCount == wordCapacity { growEnds() }
        if let base = word.baseAddress { (bytes + byteCount).update(from: base, count: word.count) }
        byteCount += word.count
        ends[wordCount] = UInt32(byteCount)
        wordCount += 1
        slots[slot] = Int32(wordCount)
        if wordCount * 2 > slotCount { growSlots() }
        return wordCount - 1
    }

    private func growBytes(_ needed: Int) {
        var wider = byteCapacity * 2
        while wider < needed { wider *= 2 }
        bytes = bytes.grown(keeping: byteCount, capacity: wider)
        byteCapacity = wider
    }

    private func growEnds() {
        wordCapacity *= 2
        ends = ends.grown(keeping: wordCount, capacity: wordCapacity)
    }

    private func growSlots() {
        let wider = slotCount * 2, mask = wider - 1
        let grown = UnsafeMutablePointer<Int32>.allocate(capacity: wider)
        grown.initialize(repeating: 0, count: wider)
        for w in 0..<wordCount {
            let word = span(w)
            var slot = Self.hash(UnsafeBufferPointer(start: bytes + word.lowerBound, count: word.count)) & mask
            while grown[slot] != 0 { slot = (slot + 1) & mask }
            grown[slot] = Int32(w + 1)
        }
        slots.deallocate()
        slots = grown
        slotCount = wider
    }

    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> Int { Int(truncatingIfNeeded: ByteHash.hash(word)) }
}

/// A hash of byte strings (words, tokens) for open-addressing tables.
public enum ByteHash {
    /// Eight bytes at a time (the tail zero-padded, the length mixed in), then a final mix (`finished`):
    /// it runs once per token, where a multiply per byte showed in profiles.
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
        return finished(h)
    }

    /// `hash(key)`, for a key inside a buffer ending at `end`: a key of under 8 bytes with 8 readable
    /// from its start is read in one load, masked, where `hash` gathers its bytes one by one
    /// (most words are that short, and every token is hashed).
    @inlinable @inline(__always)
    public static func hash(_ key: UnsafeBufferPointer<UInt8>, readableUpTo end: UnsafePointer<UInt8>) -> UInt64 {
        guard let base = key.baseAddress, key.count > 0, key.count < 8, end - base >= 8 else { return hash(key) }
        let tail = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self).littleEndian & (1 << (8 * UInt64(key.count)) - 1)
        return finished((0xcbf2_9ce4_8422_2325 ^ UInt64(key.count) ^ tail) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// The final mix: the low bits (the slot) depend on every byte.
    @inlinable @inline(__always)
    static func finished(_ h: UInt64) -> UInt64 {
        var h = h ^ (h >> 29)
        h = h &* 0xbf58_476d_1ce4_e5b9
        return h ^ (h >> 32)
    }
}
