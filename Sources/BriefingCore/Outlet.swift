/// A publisher. Two articles are from the same outlet when their slugs are equal.
public struct Outlet: Sendable, Hashable, Codable, Comparable {
    /// Display name as written by the editor ("The Hill").
    public var name: String
    /// Path-safe key ("the-hill"), used in URLs and for equality.
    public var slug: String

    public init(name: String) {
        self.name = name
        self.slug = Slug.make(name, fallback: "outlet")
    }

    /// An outlet whose slug is already known (read back from a store).
    public init(name: String, slug: String) {
        self.name = name
        self.slug = slug
    }

    public static func < (lhs: Outlet, rhs: Outlet) -> Bool {
        (lhs.slug, lhs.name) < (rhs.slug, rhs.name)
    }
}
