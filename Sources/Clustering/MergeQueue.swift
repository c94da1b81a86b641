/// A candidate merge of clusters `a < b` (each named by its smallest member) with their mean
/// similarity, valid only while both clusters still have the versions it was made with.
struct MergeCandidate: Sendable {
    var similarity: Double
    var a: Int
    var b: Int
    var versionA: Int
    var versionB: Int

    /// Higher similarity first; ties go to the lowest pair, so the merge order is deterministic.
    func precedes(_ other: MergeCandidate) -> Bool {
        if similarity != other.similarity { return similarity > other.similarity }
        return (a, b) < (other.a, other.b)
    }
}

/// A binary max-heap of merge candidates. Stale entries are not removed when a cluster changes:
/// the linkage skips them when they surface (lazy deletion), which keeps every update O(log n).
struct MergeQueue: Sendable {
    private var heap: [MergeCandidate] = []

    var isEmpty: Bool { heap.isEmpty }

    mutating func push(_ candidate: MergeCandidate) {
        heap.append(candidate)
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> MergeCandidate? {
        guard let top = heap.first else { return nil }
        let last = heap.removeLast()
        if heap.isEmpty { return top }
        heap[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var best = parent
            if left < heap.count, heap[left].precedes(heap[best]) { best = left }
            if right < heap.count, heap[right].precedes(heap[best]) { best = right }
            if best == parent { break }
            heap.swapAt(parent, best)
            parent = best
        }
        return top
    }
}
