/// Finds YAML anchors (`&a`) and aliases (`*a`) in text before Yams sees it.
///
/// Yams expands aliases while composing and hashes mapping keys, so a "billion laughs" document
/// costs exponential time; Briefing's files never need them, so they are refused up front.
/// The scan follows just enough YAML (quotes, comments, flow brackets, block scalars) to tell
/// an indicator from the same character inside text ("Tom & Jerry", "*emphasis* here").
enum YAMLAliasScanner {
    /// 1-based line and column of the first anchor or alias indicator, if any.
    static func firstIndicator(in text: String) -> (line: Int, column: Int)? {
        var inDouble = false, inSingle = false
        var blockParentIndent: Int?
        var flowDepth = 0
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let chars = Array(line)
            let indent = chars.prefix(while: { $0 == " " }).count
            if let parent = blockParentIndent {
                if chars.allSatisfy({ $0 == " " || $0 == "\t" }) || indent > parent { continue }
                blockParentIndent = nil
            }
            var atNodeStart = !inDouble && !inSingle
            var i = 0
            scan: while i < chars.count {
                let c = chars[i]
                let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
                let nextIsBreak = next == nil || next == " " || next == "\t"
                if inDouble {
                    if c == "\\" { i += 2; continue }
                    if c == "\"" { inDouble = false }
                    i += 1
                    continue
                }
                if inSingle {
                    if c == "'" {
                        if next == "'" { i += 2; continue }
                        inSingle = false
                    }
                    i += 1
                    continue
                }
                if c == " " || c == "\t" { i += 1; continue }
                if atNodeStart {
                    switch c {
                    case "&", "*":
                        if let next, !" \t,[]{}".contains(next) { return (lineIndex + 1, i + 1) }
                    case "-", "?":
                        if nextIsBreak { i += 1; continue }
                    case "!":
                        while i < chars.count, chars[i] != " " { i += 1 }  // a tag; the node follows
                        continue
                    case "\"": inDouble = true; atNodeStart = false; i += 1; continue
                    case "'": inSingle = true; atNodeStart = false; i += 1; continue
                    case "[", "{": flowDepth += 1; i += 1; continue
                    case "#": break scan
                    case "|", ">":
                        if flowDepth == 0 { blockParentIndent = indent; break scan }
                    default: break
                    }
                    atNodeStart = false
                }
                switch c {
                case ":" where nextIsBreak || (flowDepth > 0 && next.map { ",]}".contains($0) } == true):
                    atNodeStart = true
                case "#" where i > 0 && (chars[i - 1] == " " || chars[i - 1] == "\t"):
                    break scan
                case "," where flowDepth > 0:
                    atNodeStart = true
                case "]", "}":
                    flowDepth = max(0, flowDepth - 1)
                case "[" where flowDepth > 0, "{" where flowDepth > 0:
                    flowDepth += 1
                    atNodeStart = true
                default:
                    break
                }
                i += 1
            }
        }
        return nil
    }
}
