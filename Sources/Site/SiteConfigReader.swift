import BriefingCore
import Foundation
import Ingest

/// Reads the configuration named by the options: a missing default `briefing.yml` means
/// defaults, a missing file the user named is an error.
enum SiteConfigReader {
    static func load(_ options: BuildOptions) throws(Diagnostic) -> SiteConfig {
        let url = URL(fileURLWithPath: options.configFile)
        if !FileManager.default.fileExists(atPath: url.path) {
            if options.configIsOptional { return SiteConfig() }
            throw .error(SourceLocation(path: options.configFile), "configuration file not found")
        }
        return try ConfigLoader.load(from: url)
    }
}
