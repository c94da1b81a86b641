/// `sitemap.xml` (sitemaps.org protocol 0.9) and `robots.txt`.
///
/// The protocol requires absolute `<loc>`s, so the sitemap exists only with an absolute `baseURL`.
/// A page's `<lastmod>` is the newest update among the stories it shows, never the clock.
struct Sitemap: Sendable {
    static let path = "sitemap.xml"
    static let robotsPath = "robots.txt"

    struct Page: Sendable, Hashable {
        /// Relative to the site root: "" for the home page, "stories/<id>/", ….
        var path: String
        var lastModified: Timestamp
    }

    let urls: SiteURL
    /// In the order written; the planner lists each page once.
    let pages: [Page]

    /// The protocol's limit of URLs per file; above it `sitemap.xml` becomes a sitemap index.
    var maxURLsPerFile = 50_000

    /// Nothing without an absolute base URL. Up to `maxURLsPerFile` pages: `sitemap.xml` alone.
    /// Beyond: `sitemap-1.xml`, `sitemap-2.xml`, … beside it, and `sitemap.xml` indexes them.
    func files() -> [(path: String, text: String)] {
        guard urls.isAbsolute else { return [] }
        guard pages.count > maxURLsPerFile else { return [(Self.path, urlset(pages[...]))] }
        let chunks = stride(from: 0, to: pages.count, by: max(1, maxURLsPerFile)).map {
            pages[$0..<min(pages.count, $0 + max(1, maxURLsPerFile))]
        }
        var files: [(path: String, text: String)] = []
        var index = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#,
        ]
        for (number, chunk) in chunks.enumerated() {
            let path = "sitemap-\(number + 1).xml"
            files.append((path, urlset(chunk)))
            let lastmod = chunk.map(\.lastModified).max()!.rfc3339
            index.append("  <sitemap><loc>\(XMLText.escape(urls.url(path)))</loc><lastmod>\(lastmod)</lastmod></sitemap>")
        }
        index.append("</sitemapindex>")
        return [(Self.path, index.joined(separator: "\n") + "\n")] + files
    }

    private func urlset(_ pages: ArraySlice<Page>) -> String {
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#,
        ]
        for page in pages {
            lines.append("  <url><loc>\(XMLText.escape(urls.url(page.path)))</loc><lastmod>\(page.lastModified.rfc3339)</lastmod></url>")
        }
        lines.append("</urlset>")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Everything allowed; the sitemap named when there is one. (Crawlers read `robots.txt` only
    /// at a host's root, so for a site under a sub-path it is a template to copy there.)
    func robots() -> String {
        var text = "User-agent: *\nAllow: /\n"
        if urls.isAbsolute { text += "\nSitemap: \(urls.url(Self.path))\n" }
        return text
    }
}
