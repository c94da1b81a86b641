import Foundation

/// Where a build reads from and writes to. Paths are as the user gave them; errors print them so.
public struct BuildOptions: Sendable {
    public var contentDirectory: String
    public var templatesDirectory: String
    public var outputDirectory: String
    /// `briefing.yml`; a missing file at the default path means default settings.
    public var configFile: String
    /// When false, a missing config file is an error (the user named it explicitly).
    public var configIsOptional: Bool
    /// Warnings count as errors: a build with any diagnostic publishes nothing.
    public var strict = false
    /// Use and update the incremental cache beside the output folder (`BuildCache`).
    public var usesCache = true
    /// Fill `BuildReport.removed` even when nothing changed (it costs a read of the article store).
    public var reportsRemovedLines = false
    /// Remove the replaced site in a detached process (`SitePublisher.removesOldSiteInBackground`).
    public var removesOldSiteInBackground = false
    /// Up to this many bytes of content files, a full build keeps the articles it parses whole
    /// instead of reading each one back from the article store to cluster, compare and render it
    /// (three reads, about 4% of a 10,000-article build's CPU, for about 70 MB more at its peak).
    /// Beyond it, memory comes first: articles are held as listings, as on a rebuild.
    public var heldContentBytes: Int64 = 96 << 20

    public init(
        contentDirectory: String = "content", templatesDirectory: String = "templates",
        outputDirectory: String = "public", configFile: String = "briefing.yml", configIsOptional: Bool = true
    ) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.configFile = configFile
        self.configIsOptional = configIsOptional
    }
}
