import BriefingCore

/// One candidate pair `i < j`: its time-decayed similarity (what merges are ranked by) and the
/// more gently decayed similarity the cohesion rule compares (see `ClusteringSettings.cohesionDecay`).
/// Indices are stored as `Int32`: a 10k build holds over a million edges at once.
struct SimilarityEdge: Sendable, Hashable {
    private var first: Int32
    private var second: Int32
    var similarity: Double
    var cohesion: Double

    init(i: Int, j: Int, similarity: Double, cohesion: Double) {
        first = Int32(i)
        second = Int32(j)
        self.similarity = similarity
        self.cohesion = cohesion
    }

    var i: Int { Int(first) }
    var j: Int { Int(second) }
}

/// All candidate edges, as the parallel workers produced them: one exact-size array per range of
/// articles. Joining them into one array would hold every edge twice at the peak of clustering.
struct EdgeList: Sendable, RandomAccessCollection {
    private let chunks: [[SimilarityEdge]]
    /// Index of each chunk's first edge, then the total.
    private let starts: [Int]

    init(_ chunks: [[SimilarityEdge]] = []) {
        self.chunks = chunks
        var starts = [0]
        for chunk in chunks { starts.append(starts[starts.count - 1] + chunk.count) }
        self.starts = starts
    }

    var startIndex: Int { 0 }
    var endIndex: Int { starts[starts.count - 1] }

    subscript(position: Int) -> SimilarityEdge {
        precondition(position >= 0 && position < endIndex, "edge index out of range")
        // The last chunk starting at or before `position` (chunks may be empty).
        var low = 0, high = chunks.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if starts[mid] <= position { low = mid } else { high = mid - 1 }
        }
        return chunks[low][position - starts[low]]
    }

    func makeIterator() -> FlattenSequence<[[SimilarityEdge]]>.Iterator {
        chunks.joined().makeIterator()
    }
}

extension Array {
    /// A copy without the spare capacity that growing by appending leaves.
    func trimmed() -> [Element] {
        [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = buffer.initialize(fromContentsOf: self)
        }
    }
}
