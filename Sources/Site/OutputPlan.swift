import BriefingCore

/// One file the build will write, by path relative to the output folder.
public struct OutputFile: Sendable, Hashable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }
}

/// The set of files a build produces. It is the single gate on output paths: every path is
/// checked to stay inside the output folder, and two producers claiming one path is an error.
/// A build streams files into staging as they are made (`SiteStaging`), so its plan holds paths
/// only; a plan made in memory (`briefing check`, tests) also holds the bytes.
public struct OutputPlan: Sendable {
    /// Every planned path, whether its bytes are held here, carried, or already staged.
    public private(set) var paths: Set<String> = []
    public private(set) var files: [String: OutputFile] = [:]
    /// Paths whose file is taken unchanged from the live site (the cache proved it current).
    public private(set) var carried: Set<String> = []
    /// For pages rendered only from stories (story, day, outlet pages): a key of all they show.
    var pageKeys: [String: ContentDigest] = [:]
    /// Where each story's entry sits in `stories.json`, by story key, for the manifest.
    var storyEntries: [ContentDigest: Range<Int>] = [:]
    /// How many first bytes of the new `stories.json` are the live one's: once the live one is
    /// the spare, the next rebuild writing over it leaves them (`SpareSite.storiesJSON`).
    var storiesJSONSharedStart = 0
    /// The sitemap's files, for a patched rebuild to carry (`SitePlanner.liveSitemap`).
    var sitemapPaths: [String] = []
    /// Set when a page meant to be carried over was found edited by hand in the live site: the
    /// build's inputs for it (listings, brief comparisons) cannot render it, so the plan is void.
    var foundEditedLivePage = false

    public init() {}

    public enum PlanError: Error, Equatable, CustomStringConvertible {
        case unsafePath(String)
        case collision(String)

        public var description: String {
            switch self {
            case .unsafePath(let path): "refusing to write '\(path)': it is not a plain path inside the output folder"
            case .collision(let path): "two pages would be written to '\(path)'"
            }
        }
    }

    /// Takes `path` for one file; its bytes go into staging or `keep`.
    public mutating func claim(_ path: String) throws(PlanError) {
        guard Self.isSafe(path) else { throw .unsafePath(path) }
        guard paths.insert(path).inserted else { throw .collision(path) }
    }

    /// Holds the bytes of a claimed path.
    mutating func keep(_ file: OutputFile) {
        files[file.path] = file
    }

    public mutating func add(_ file: OutputFile) throws(PlanError) {
        try claim(file.path)
        keep(file)
    }

    /// Plans `path` as "the live site's file, unchanged"; checked like any other path.
    public mutating func carry(_ path: String) throws(PlanError) {
        try claim(path)
        keep(carried: path)
    }

    /// Marks a claimed path as the live site's file, unchanged.
    mutating func keep(carried path: String) {
        carried.insert(path)
    }

    /// Every planned path, sorted.
    public var allPaths: [String] { paths.sorted() }

    /// Files held in memory, in path order, so writing is deterministic too.
    public var sortedFiles: [OutputFile] { files.keys.sorted().map { files[$0]! } }

    /// Relative, `/`-separated, no empty, `.` or `..` component, no leading dot, only
    /// characters a URL path carries unescaped.
    public static func isSafe(_ path: String) -> Bool {
        // Bytes, not scalars: every allowed character is ASCII (checked for each of ~14k pages).
        var atComponentStart = true
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                guard !atComponentStart else { return false }
                atComponentStart = true
                continue
            }
            guard !(atComponentStart && byte == UInt8(ascii: ".")) else { return false }
            atComponentStart = false
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                continue
            default:
                return false
            }
        }
        return !atComponentStart
    }
}
