import BriefingCore
import Foundation
import Yams

/// Yams, wrapped so every failure becomes a `Diagnostic` at the real file line.
enum YAMLSupport {
    /// Composes `text`, whose first line is line `firstLine` of the file at `path`.
    /// Anchors are refused: aliases can expand exponentially ("billion laughs").
    static func compose(_ text: String, path: String, firstLine: Int) throws(Diagnostic) -> Node? {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw diagnostic(for: error, path: path, firstLine: firstLine)
        } catch {
            throw .error(SourceLocation(path: path, line: firstLine), "invalid YAML: \(error)")
        }
        if let node, let anchored = firstAnchor(in: node) {
            throw .error(
                location(anchored.mark, path: path, firstLine: firstLine),
                "YAML anchors and aliases (&name, *name) are not allowed"
            )
        }
        return node
    }

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
        guard case .scalar(let scalar) = node else { return nil }
        if scalar.style == .plain, ["", "~", "null", "Null", "NULL"].contains(scalar.string) { return nil }
        return scalar.string
    }

    static func isNull(_ node: Node) -> Bool {
        if case .scalar = node { return scalarText(node) == nil }
        return false
    }

    /// Pre-order, document order: the first anchored node precedes every alias, so this stops
    /// before walking any expanded copy.
    private static func firstAnchor(in node: Node) -> Node? {
        if node.anchor != nil { return node }
        switch node {
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let found = firstAnchor(in: key) ?? firstAnchor(in: value) { return found }
            }
        case .sequence(let sequence):
            for item in sequence {
                if let found = firstAnchor(in: item) { return found }
            }
        default:
            break
        }
        return nil
    }

    private static func diagnostic(for error: YamlError, path: String, firstLine: Int) -> Diagnostic {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
             .composer(_, let problem, let mark, _):
            return .error(location(mark, path: path, firstLine: firstLine), "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().joined(separator: ", ")
            return .error(location(context.mark, path: path, firstLine: firstLine), "invalid YAML: duplicated key \(keys)")
        default:
            return .error(SourceLocation(path: path, line: firstLine), "invalid YAML: \(error)")
        }
    }
}
