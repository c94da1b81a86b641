import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Markdown to HTML through cmark. The only place in Briefing that calls cmark.
///
/// Runs in cmark's default safe mode: raw HTML blocks and inline HTML are replaced by a comment,
/// and `javascript:`, `vbscript:`, `file:` and non-image `data:` link targets are dropped.
/// Invalid UTF-8 is replaced rather than rejected; smart punctuation is off so quotes stay as written.
public enum MarkdownRenderer {
    /// cmark options: safe (the default, no `CMARK_OPT_UNSAFE`), validate UTF-8, no smart punctuation.
    static let options: Int32 = CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8

    /// Renders CommonMark `markdown` to an HTML fragment.
    public static func html(_ markdown: String) -> String {
        html(bytes: Array(markdown.utf8))
    }

    /// Renders raw bytes, which may hold invalid UTF-8 (cmark replaces bad sequences with U+FFFD).
    static func html(bytes: [UInt8]) -> String {
        // A trailing NUL keeps the pointer valid for empty input; cmark reads only `count` bytes,
        // so embedded NULs are fine (it replaces them with U+FFFD).
        let padded = bytes + [0]
        let rendered: UnsafeMutablePointer<CChar>? = padded.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_markdown_to_html(chars.baseAddress!, bytes.count, options)
            }
        }
        guard let rendered else { return "" }
        defer { free(rendered) }
        return String(decoding: UnsafeRawBufferPointer(start: rendered, count: strlen(rendered)), as: UTF8.self)
    }
}
