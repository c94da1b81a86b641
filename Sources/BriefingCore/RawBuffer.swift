extension UnsafeMutablePointer {
    /// Grows a raw buffer (the tables whose lookups array accessors slowed): a new buffer of
    /// `capacity` with this one's first `count` elements moved into it; this one is freed.
    public func grown(keeping count: Int, capacity: Int) -> UnsafeMutablePointer<Pointee> {
        let grown = UnsafeMutablePointer<Pointee>.allocate(capacity: capacity)
        grown.moveInitialize(from: self, count: count)
        deallocate()
        return grown
    }
}
