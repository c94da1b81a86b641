/// Dot products of one dense vector with sparse ones, four at a time. Each sum adds its own
/// terms in their own order, as a single dot product does, so each comes out bit for bit the
/// same; but four independent sums overlap, where one waits on each of its additions in turn
/// (the edge pass spent about three cycles a term on that wait).
enum DenseDotProducts {
    /// One sparse vector's ids (indices into the dense vector) and weights, of equal counts.
    struct Lane {
        var ids: UnsafeBufferPointer<Int32>
        var weights: UnsafeBufferPointer<Double>

        static var empty: Lane { Lane(ids: UnsafeBufferPointer(start: nil, count: 0), weights: UnsafeBufferPointer(start: nil, count: 0)) }
    }

    /// `Σ dense[ids[k]] * weights[k]` of each lane, summed in `k` order.
    static func sums(_ dense: UnsafeBufferPointer<Double>, _ lanes: (Lane, Lane, Lane, Lane)) -> (Double, Double, Double, Double) {
        // Shortest first (a sorting network, with where each lane came from): all four run
        // together up to the shortest one's end, then three, and so on.
        var (a, b, c, d) = lanes
        var (pa, pb, pc, pd) = (0, 1, 2, 3)
        @inline(__always) func order(_ x: inout Lane, _ px: inout Int, _ y: inout Lane, _ py: inout Int) {
            if x.ids.count > y.ids.count { swap(&x, &y); swap(&px, &py) }
        }
        order(&a, &pa, &b, &pb)
        order(&c, &pc, &d, &pd)
        order(&a, &pa, &c, &pc)
        order(&b, &pb, &d, &pd)
        order(&b, &pb, &c, &pc)
        var sa = 0.0, sb = 0.0, sc = 0.0, sd = 0.0
        var k = 0
        while k < a.ids.count {
            sa += dense[Int(a.ids[k])] * a.weights[k]
            sb += dense[Int(b.ids[k])] * b.weights[k]
            sc += dense[Int(c.ids[k])] * c.weights[k]
            sd += dense[Int(d.ids[k])] * d.weights[k]
            k += 1
        }
        while k < b.ids.count {
            sb += dense[Int(b.ids[k])] * b.weights[k]
            sc += dense[Int(c.ids[k])] * c.weights[k]
            sd += dense[Int(d.ids[k])] * d.weights[k]
            k += 1
        }
        while k < c.ids.count {
            sc += dense[Int(c.ids[k])] * c.weights[k]
            sd += dense[Int(d.ids[k])] * d.weights[k]
            k += 1
        }
        while k < d.ids.count {
            sd += dense[Int(d.ids[k])] * d.weights[k]
            k += 1
        }
        var out = (0.0, 0.0, 0.0, 0.0)
        withUnsafeMutableBytes(of: &out) { raw in
            let sums = raw.bindMemory(to: Double.self)
            (sums[pa], sums[pb], sums[pc], sums[pd]) = (sa, sb, sc, sd)
        }
        return out
    }
}

extension SparseVector {
    /// `body` given this vector as a lane of `DenseDotProducts`.
    @inline(__always)
    func withLane<R>(_ body: (DenseDotProducts.Lane) -> R) -> R {
        ids.withUnsafeBufferPointer { ids in
            weights.withUnsafeBufferPointer { weights in body(DenseDotProducts.Lane(ids: ids, weights: weights)) }
        }
    }
}
