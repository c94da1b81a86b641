extension SentenceTable {
    /// FNV-1a over each run of term ids, appended to `out` sorted without repeats: comparing
    /// sorted hashes is far cheaper than sets of arrays.
    static func appendPhraseHashes(_ ids: ArraySlice<Int>, to out: inout [UInt64]) {
        let k = phraseLength
        guard ids.count >= k else { return }
        let first = out.count
        for start in ids.startIndex...(ids.endIndex - k) {
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for id in ids[start..<(start + k)] { h = (h ^ UInt64(truncatingIfNeeded: id)) &* 0x100_0000_01b3 }
            out.append(h)
        }
        sortUnique(&out, from: first)
    }

    /// Sorting then dropping repeats: cheaper than hashing into a Set for a few dozen values.
    static func sortedUnique<T: Comparable>(_ values: [T]) -> [T] {
        var out = values
        sortUnique(&out, from: 0)
        return out
    }

    /// Sorts `values[first...]` and drops its repeats, in place. A sentence's few dozen values sort
    /// faster by insertion than by the standard library's general sort.
    static func sortUnique<T: Comparable>(_ values: inout [T], from first: Int) {
        if values.count - first > 64 {
            values[first...].sort()
        } else {
            values.withUnsafeMutableBufferPointer { v in
                for k in (first + 1)..<max(first + 1, v.count) {
                    let x = v[k]
                    var m = k
                    while m > first, v[m - 1] > x { v[m] = v[m - 1]; m -= 1 }
                    v[m] = x
                }
            }
        }
        var kept = first
        for k in first..<values.count where k == first || values[k] != values[kept - 1] { values[kept] = values[k]; kept += 1 }
        values.removeLast(values.count - kept)
    }
}
