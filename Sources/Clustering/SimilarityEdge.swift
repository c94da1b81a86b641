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

/// One candidate pair as clustering holds it: its cosine only. Its decayed similarities follow
/// from the days between the two articles (`EdgeDecay`), so they are worked out when read: the
/// edges are the largest thing clustering holds, and two Doubles less is a third of each.
struct CandidatePair: Sendable, Hashable {
    private var first: Int32
    private var second: Int32
    var cosine: Double

    init(i: Int, j: Int, cosine: Double) {
        first = Int32(i)
        second = Int32(j)
        self.cosine = cosine
    }

    var i: Int { Int(first) }
    var j: Int { Int(second) }
}

/// How a cosine is decayed by the days between two articles (`ClusteringSettings.timeDecay`,
/// `cohesionDecay`); 0 outside the window.
struct EdgeDecay: Sendable {
    var dayOrdinals: [Int]
    var windowDays: Int
    var timeDecay: Double
    var cohesionDecay: Double

    func decayed(_ cosine: Double, _ i: Int, _ j: Int, _ decay: Double) -> Double {
        let gap = abs(dayOrdinals[i] - dayOrdinals[j])
        if gap > windowDays { return 0 }
        return cosine / (1 + decay * Double(gap))
    }

    func edge(_ pair: CandidatePair) -> SimilarityEdge {
        SimilarityEdge(i: pair.i, j: pair.j, similarity: decayed(pair.cosine, pair.i, pair.j, timeDecay),
                       cohesion: decayed(pair.cosine, pair.i, pair.j, cohesionDecay))
    }
}

/// All candidate edges, as the parallel workers produced them: one exact-size array per range of
/// articles. Joining them into one array would hold every edge twice at the peak of clustering.
struct EdgeList: Sendable, RandomAccessCollection {
    private let chunks: [[CandidatePair]]
    /// Index of each chunk's first edge, then the total.
    private let starts: [Int]
    private let decay: EdgeDecay

    init(_ chunks: [[CandidatePair]] = [], decay: EdgeDecay = EdgeDecay(dayOrdinals: [], windowDays: 0, timeDecay: 0, cohesionDecay: 0)) {
        self.chunks = chunks
        self.decay = decay
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
        return decay.edge(chunks[low][position - starts[low]])
    }

    func makeIterator() -> LazyMapSequence<FlattenSequence<[[CandidatePair]]>, SimilarityEdge>.Iterator {
        chunks.joined().lazy.map { [decay] in decay.edge($0) }.makeIterator()
    }
}
