import BriefingCore
import Foundation
import Yams

/// Reads a YAML list of `{label, match, pattern}`: the shape of `boilerplate:` in `briefing.yml`
/// and of the embedded default list.
enum BoilerplateRuleReader {
    static func rules(from node: Node, path: String, firstLine: Int) throws(Diagnostic) -> [BoilerplateRule] {
        func at(_ node: Node) -> SourceLocation { YAMLSupport.location(node.mark, path: path, firstLine: firstLine) }
        guard case .sequence(let items) = node else {
            throw .error(at(node), "'boilerplate' must be a list of rules, not \(YAMLSupport.kind(of: node))")
        }
        var rules: [BoilerplateRule] = []
        for item in items {
            guard case .mapping(let mapping) = item else {
                throw .error(at(item), "a boilerplate rule must be a mapping with label, match and pattern")
            }
            var fields: [String: (String, Node)] = [:]
            for (key, value) in mapping {
                guard let name = YAMLSupport.scalarText(key) else { continue }
                guard case .scalar = value, let text = YAMLSupport.scalarText(value) else {
                    throw .error(at(key), "boilerplate rule '\(name)' must be text, not \(YAMLSupport.kind(of: value))")
                }
                guard ["label", "match", "pattern"].contains(name) else {
                    throw .error(at(key), "unknown boilerplate rule key '\(name)' (expected label, match, pattern)")
                }
                fields[name] = (text, value)
            }
            guard let (pattern, patternNode) = fields["pattern"], !pattern.isEmpty else {
                throw .error(at(item), "boilerplate rule has no 'pattern'")
            }
            let matchText = fields["match"]?.0 ?? "line"
            guard let match = BoilerplateRule.Match(rawValue: matchText) else {
                throw .error(
                    fields["match"].map { at($0.1) } ?? at(item),
                    "unknown boilerplate match '\(matchText)' (expected line, prefix, contains, regex, trailer)"
                )
            }
            if match == .regex, (try? NSRegularExpression(pattern: pattern)) == nil {
                throw .error(at(patternNode), "invalid regular expression in boilerplate rule: \(pattern)")
            }
            rules.append(BoilerplateRule(label: fields["label"]?.0 ?? "boilerplate", match: match, pattern: pattern))
        }
        return rules
    }
}
