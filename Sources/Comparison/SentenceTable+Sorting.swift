extension SentenceTable {
    /// FNV-1a over each run of term ids, appended to `out` sorted without repeats: comparing
    /// sorted hashes is far cheaper than sets of arrays.
    static func appendPhraseHashes(_ ids: ArraySlice<Int>, to out: inout [UInt64]) {
        let k = phraseLength
        guard ids.count >= k else { return }
        let first = out.count
        ids.withUnsafeBufferPointer { ids in
            for start in 0...(ids.count - k) {
                var h: UInt64 = 0xcbf2_9ce4_8422_2325
                for id in ids[start..<(start + k)] { h = (h ^ UInt64(truncatingIfNeeded: id)) &* 0x100_0000_01b3 }
                out.append(h)
            }
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
        if values.count - first > 64 { values[first...].sort() }
        // Repeats dropped over the same raw buffer: array subscripts checked bounds per value.
        let kept = values.withUnsafeMutableBufferPointer { v in
            if v.count - first <= 64 {
                for k in (first + 1)..<max(first + 1, v.count) {
                    let x = v[k]
                    var m = k
                    while m > first, v[m - 1] > x { v[m] = v[m - 1]; m -= 1 }
                    v[m] = x
                }
            }
            var kept = first
            for k in first..<v.count where k == first || v[k] != v[kept - 1] { v[kept] = v[k]; kept += 1 }
            return kept
        }
        values.removeLast(values.count - kept)
    }
}
