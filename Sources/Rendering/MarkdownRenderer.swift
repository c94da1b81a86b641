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
    /// cmark options: safe (the default, no `CMARK_OPT_UNSAFE`), no smart punctuation.
    static let options: Int32 = CMARK_OPT_DEFAULT
    /// `options` for bytes that may not be UTF-8: cmark checks every line and replaces bad sequences.
    static let validatingOptions: Int32 = options | CMARK_OPT_VALIDATE_UTF8

    /// Renders CommonMark `markdown` to an HTML fragment. A String's bytes are valid UTF-8
    /// already: cmark's check, which copies each line byte by byte, would find nothing to replace.
    public static func html(_ markdown: String) -> String {
        var markdown = markdown
        return markdown.withUTF8 { html(buffer: $0, options: options) }
    }

    /// Renders raw bytes, which may hold invalid UTF-8 (cmark replaces bad sequences with U+FFFD).
    static func html(bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { html(buffer: $0, options: validatingOptions) }
    }

    /// Renders the bytes in place: cmark reads only `count` of them, so embedded NULs are fine (it
    /// replaces them with U+FFFD) and no terminator is needed; an empty buffer may have no address.
    private static func html(buffer: UnsafeBufferPointer<UInt8>, options: Int32) -> String {
        // `cmark_markdown_to_html` step by step, with cmark's memory from the thread's arena.
        CmarkArena.withDocument { memory in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                guard let parser = cmark_parser_new_with_mem(options, memory) else { return "" }
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
                let document = cmark_parser_finish(parser)
                cmark_parser_free(parser)
                // Nothing is freed: the arena drops the tree and the HTML once copied out.
                guard let document, let rendered = cmark_render_html(document, options) else { return "" }
                return String(decoding: UnsafeRawBufferPointer(start: rendered, count: strlen(rendered)), as: UTF8.self)
            }
        }
    }
}
