/// The pairs of sentences that share terms, and how much they share: read from the term lists
/// and the inverted index `SentenceTable.init` filled.
extension SentenceTable {
    func sharePhrase(_ i: Int, _ j: Int) -> Bool {
        let xEnd = phraseStarts[i + 1], yEnd = phraseStarts[j + 1]
        var x = phraseStarts[i], y = phraseStarts[j]
        return phraseList.withUnsafeBufferPointer { a in
            while x < xEnd, y < yEnd {
                if a[x] == a[y] { return true }
                if a[x] < a[y] { x += 1 } else { y += 1 }
            }
            return false
        }
    }

    /// Calls `body` with the shared IDF mass of every pair of sentences from different outlets that
    /// share a term, as (i, j, dot of weights, number of shared terms) with i < j, in index order.
    /// Built from the inverted index. Inlined into its caller: called out of line, the body's
    /// captured state went through memory on every pair.
    @inline(__always)
    func forEachOverlappingPair(_ body: (Int, Int, Double, Int) -> Void) {
        let n = entries.count
        // Scratch per sentence j, and per term where the sentences after the current one start
        // (postings are in sentence order). Raw buffers: the inner loop runs once per shared term
        // of every pair, where array bounds and uniqueness checks showed in profiles.
        // A bit per sentence touched: read back word by word, they come in index order without a
        // sort, and setting one needs no test of whether it was touched before.
        let acc = UnsafeMutableBufferPointer<Double>.allocate(capacity: n)
        let shared = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
        let after = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(postingStarts.count - 1, 0))
        let touched = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: n / 64 + 1)
        defer { acc.deallocate(); shared.deallocate(); after.deallocate(); touched.deallocate() }
        acc.initialize(repeating: 0)
        shared.initialize(repeating: 0)
        touched.initialize(repeating: 0)
        _ = after.initialize(from: postingStarts.dropLast())
        postings.withUnsafeBufferPointer { postings in
            outletIDs.withUnsafeBufferPointer { outlets in
                termList.withUnsafeBufferPointer { terms in
                    weightList.withUnsafeBufferPointer { weights in
                        for i in 0..<n {
                            var last = -1
                            let outlet = outlets[i]
                            for k in termStarts[i]..<termStarts[i + 1] {
                                let w2 = weights[k] * weights[k], term = terms[k]
                                let end = postingStarts[term + 1]
                                // The sentences holding a term pass it in order: it points at this one.
                                assert(Int(postings[after[term]]) == i)
                                let start = after[term] + 1
                                after[term] = start
                                guard start < end else { continue }
                                for p in start..<end {
                                    let j = Int(postings[p])
                                    guard outlets[j] != outlet else { continue }
                                    touched[j &>> 6] |= 1 &<< UInt64(j & 63)
                                    acc[j] += w2
                                    shared[j] &+= 1
                                }
                                last = max(last, Int(postings[end - 1]))
                            }
                            guard last > i else { continue }
                            for word in ((i + 1) &>> 6)...(last &>> 6) {
                                var bits = touched[word]
                                touched[word] = 0
                                while bits != 0 {
                                    let j = word &<< 6 | bits.trailingZeroBitCount
                                    bits &= bits &- 1
                                    body(i, j, acc[j], Int(shared[j]))
                                    acc[j] = 0
                                    shared[j] = 0
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Cosine of two sentences' weighted term sets, given their shared mass.
    func cosine(_ i: Int, _ j: Int, shared: Double) -> Double {
        let d = norms[i] * norms[j]
        return d > 0 ? shared / d : 0
    }

    /// Shared weighted mass of two sentences (merge of sorted term lists).
    func sharedMass(_ i: Int, _ j: Int) -> Double { overlap(i, j).mass }

    /// Shared weighted mass and number of shared terms (merge of sorted term lists).
    func overlap(_ i: Int, _ j: Int) -> (mass: Double, count: Int) {
        let t = termList, xEnd = termStarts[i + 1], yEnd = termStarts[j + 1]
        var x = termStarts[i], y = termStarts[j], sum = 0.0, count = 0
        while x < xEnd, y < yEnd {
            if t[x] == t[y] { sum += weightList[x] * weightList[x]; count += 1; x += 1; y += 1 }
            else if t[x] < t[y] { x += 1 } else { y += 1 }
        }
        return (sum, count)
    }

    func similarity(_ i: Int, _ j: Int) -> Double { cosine(i, j, shared: sharedMass(i, j)) }

    /// How much of sentence `i`'s weighted content `shared` covers (0...1).
    func coverage(of i: Int, shared: Double) -> Double {
        let total = norms[i] * norms[i]
        return total > 0 ? shared / total : 0
    }
}
