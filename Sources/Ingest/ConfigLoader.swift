import BriefingCore
import Foundation
import Yams

/// Reads `briefing.yml`. A missing file means the defaults; every key is optional.
public enum ConfigLoader {
    public static func load(from url: URL) throws(Diagnostic) -> SiteConfig {
        let path = url.relativePath
        guard FileManager.default.fileExists(atPath: url.path) else { return SiteConfig() }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw .error(SourceLocation(path: path), "cannot read file: \(error.localizedDescription)")
        }
        return try parse(data: data, path: path)
    }

    /// Parses the text of a `briefing.yml`; `path` is what diagnostics print.
    public static func parse(data: Data, path: String) throws(Diagnostic) -> SiteConfig {
        let text = try SourceText.lines(from: data, path: path).joined(separator: "\n")
        var config = SiteConfig()
        guard let root = try YAMLSupport.compose(text, path: path, firstLine: 1), !YAMLSupport.isNull(root) else {
            return config
        }
        func at(_ node: Node) -> SourceLocation { YAMLSupport.location(node.mark, path: path, firstLine: 1) }
        guard case .mapping(let mapping) = root else {
            throw .error(at(root), "briefing.yml must be a mapping of keys to values, not \(YAMLSupport.kind(of: root))")
        }
        for (keyNode, value) in mapping {
            guard let key = YAMLSupport.scalarText(keyNode) else { throw .error(at(keyNode), "keys must be text") }
            func scalar() throws(Diagnostic) -> String {
                guard case .scalar = value else {
                    throw .error(at(keyNode), "'\(key)' must be text, not \(YAMLSupport.kind(of: value))")
                }
                return YAMLSupport.scalarText(value) ?? ""
            }
            switch key {
            case "title": config.title = try scalar()
            case "baseURL", "base_url", "baseUrl": config.baseURL = try scalar()
            case "description": config.description = try scalar()
            case "language": config.language = try scalar()
            case "boilerplate":
                if !YAMLSupport.isNull(value) {
                    config.boilerplate = try BoilerplateRuleReader.rules(from: value, path: path, firstLine: 1)
                }
            case "clustering":
                config.clustering = try clustering(value, path: path)
            case "feed_size", "feedSize":
                guard case .scalar = value, let size = YAMLSupport.scalarText(value).flatMap({ Int($0) }), size >= 1 else {
                    throw .error(at(keyNode), "'\(key)' must be a whole number of stories, at least 1")
                }
                config.feedSize = size
            default:
                config.params[key] = try scalar()
            }
        }
        return config
    }

    private static func clustering(_ node: Node, path: String) throws(Diagnostic) -> ClusteringSettings {
        func at(_ node: Node) -> SourceLocation { YAMLSupport.location(node.mark, path: path, firstLine: 1) }
        var settings = ClusteringSettings.default
        if YAMLSupport.isNull(node) { return settings }
        guard case .mapping(let mapping) = node else {
            throw .error(at(node), "'clustering' must be a mapping, not \(YAMLSupport.kind(of: node))")
        }
        for (keyNode, value) in mapping {
            let key = YAMLSupport.scalarText(keyNode) ?? ""
            let text = YAMLSupport.scalarText(value)
            switch key {
            case "threshold":
                guard case .scalar = value, let number = text.flatMap(Double.init), (0...1).contains(number) else {
                    throw .error(at(keyNode), "'clustering.threshold' must be a number from 0 to 1")
                }
                settings.threshold = number
            case "window_days", "windowDays":
                guard case .scalar = value, let days = text.flatMap({ Int($0) }), days >= 0 else {
                    throw .error(at(keyNode), "'clustering.\(key)' must be a whole number of days")
                }
                settings.windowDays = days
            default:
                guard ClusteringSettings.keys.contains(where: { $0.replacingOccurrences(of: "_", with: "") == key.replacingOccurrences(of: "_", with: "").lowercased() }) else {
                    throw .error(at(keyNode), "unknown clustering setting '\(key)' (expected \(ClusteringSettings.keys.joined(separator: ", ")))")
                }
                guard case .scalar = value, let number = text.flatMap(Double.init), number >= 0, settings.set(key, to: number) else {
                    throw .error(at(keyNode), "'clustering.\(key)' must be a number of at least 0 (a whole one for counts)")
                }
            }
        }
        return settings
    }
}
