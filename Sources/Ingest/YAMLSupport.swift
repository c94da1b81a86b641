import BriefingCore
import Foundation
import Yams

/// Yams, wrapped so every failure becomes a `Diagnostic` at the real file line.
enum YAMLSupport {
    /// Composes `text`, whose first line is line `firstLine` of the file at `path`.
    /// Anchors and aliases are refused before Yams runs (see `YAMLAliasScanner`).
    static func compose(_ text: String, path: String, firstLine: Int) throws(Diagnostic) -> Node? {
        if let (line, column) = YAMLAliasScanner.firstIndicator(in: text) {
            throw .error(
                SourceLocation(path: path, line: line + firstLine - 1, column: column),
                "YAML anchors and aliases (&name, *name) are not allowed"
            )
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text, .default, .default, encoding)
        } catch let error as YamlError {
            throw diagnostic(for: error, path: path, firstLine: firstLine)
        } catch {
            throw .error(SourceLocation(path: path, line: firstLine), "invalid YAML: \(error)")
        }
        return node
    }

    // Yams works the default out on every call, reading the environment.
    // An immutable enum value (Yams does not mark it Sendable).
    nonisolated(unsafe) private static let encoding = Parser.Encoding.default

    static func location(_ mark: Mark?, path: String, firstLine: Int) -> SourceLocation {
        guard let mark else { return SourceLocation(path: path, line: firstLine) }
        return SourceLocation(path: path, line: mark.line + firstLine - 1, column: mark.column)
    }

    /// "text", "a list" or "a mapping", for type errors.
    static func kind(of node: Node) -> String {
        switch node {
        case .scalar: return "text"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        default: return "an alias"
        }
    }

    /// The scalar's text, or nil for `~`/`null`/empty (which mean "not given").
    static func scalarText(_ node: Node) -> String? {
        node.scalar.flatMap(scalarText)
    }

    static func scalarText(_ scalar: Node.Scalar) -> String? {
        scalarText(scalar.string, isPlain: scalar.style == .plain)
    }

    static func scalarText(_ string: String, isPlain: Bool) -> String? {
        if isPlain, ["", "~", "null", "Null", "NULL"].contains(string) { return nil }
        return string
    }

    static func isNull(_ node: Node) -> Bool {
        if case .scalar = node { return scalarText(node) == nil }
        return false
    }

    private static func diagnostic(for error: YamlError, path: String, firstLine: Int) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "invalid YAML: \(problem)"
            if let context {
                // libyaml's context says where the broken construct began ("while scanning a quoted scalar").
                let start = location(context.mark, path: path, firstLine: firstLine)
                message += " (\(context.text) at line \(start.line), column \(start.column))"
            }
            return .error(location(mark, path: path, firstLine: firstLine), message)
        case .duplicatedKeysInMapping(let duplicates, let context):
            // Yams gives the mapping's start, not the repeated key's line.
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return .error(
                location(context.mark, path: path, firstLine: firstLine),
                "invalid YAML: key \(keys) appears more than once in this mapping"
            )
        default:
            return .error(SourceLocation(path: path, line: firstLine), "invalid YAML: \(error)")
        }
    }
}
