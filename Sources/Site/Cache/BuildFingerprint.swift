import BriefingCore
import Foundation

/// What every cached result depends on besides the content files. `parse` covers parsing,
/// clustering and comparison (the program and the configuration); `site` adds what pages
/// depend on (templates, `SOURCE_DATE_EPOCH`). The program is identified by its executable's
/// stat, so a rebuilt `briefing` never reuses an older one's results.
struct BuildFingerprint: Sendable {
    static let version = "briefing-cache-1"

    var parse: ContentDigest
    var site: ContentDigest

    init(options: BuildOptions, contentDisplayRoot: String, environment: [String: String]) {
        var text = Self.version + "\n" + Self.executableIdentity() + "\n" + contentDisplayRoot + "\n"
        let config = FileManager.default.contents(atPath: options.configFile).map { ContentDigest([UInt8]($0)) }
        text += "config \(options.configFile) \(config?.description ?? "none")\n"
        parse = ContentDigest(text)
        text += "templates \(Self.treeDigest(options.templatesDirectory))\n"
        text += "epoch \(environment["SOURCE_DATE_EPOCH"] ?? "-")\n"
        site = ContentDigest(text)
    }

    static func executableIdentity() -> String {
        guard let exe = FileStat(path: "/proc/self/exe", follow: true) else { return "unknown-\(UUID())" }
        return "\(exe.device):\(exe.inode):\(exe.size):\(exe.mtimeNanoseconds)"
    }

    /// Every regular file under `root` by relative path and content digest (templates are small).
    static func treeDigest(_ root: String) -> ContentDigest {
        guard let walker = FileManager.default.enumerator(atPath: root) else { return .zero }
        var parts: [String] = []
        while let relative = walker.nextObject() as? String {
            let path = root + "/" + relative
            guard let stat = FileStat(path: path, follow: true), !stat.isDirectory,
                  let data = FileManager.default.contents(atPath: path) else { continue }
            parts.append(relative + " " + ContentDigest([UInt8](data)).description)
        }
        return ContentDigest(parts.sorted().joined(separator: "\n"))
    }
}
