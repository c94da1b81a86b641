import Foundation
import Testing
import TestSupport
@testable import Preview

/// A small site beside a secret file, with symlinks pointing inside and outside.
final class MapperFixture {
    let dir = TemporaryDirectory(prefix: "briefing-mapper")
    var site: String { dir.path + "/site" }
    var root: String { RequestMapper.realPath(site)! }
    var mapper: RequestMapper { RequestMapper(siteDirectory: site) }

    init() {
        dir.write("secret.txt", "outside the site")
        dir.write("site/index.html", "<html><body>home</body></html>")
        dir.write("site/style.css", "body{}")
        dir.write("site/stories/x/index.html", "<html><body>story</body></html>")
        dir.write("site/stories.json", "{}")
        try! FileManager.default.createDirectory(atPath: site + "/empty", withIntermediateDirectories: true)
        try! FileManager.default.createSymbolicLink(atPath: site + "/escape.txt", withDestinationPath: "../secret.txt")
        try! FileManager.default.createSymbolicLink(atPath: site + "/etc", withDestinationPath: "/etc")
        try! FileManager.default.createSymbolicLink(atPath: site + "/alias.css", withDestinationPath: "style.css")
    }
}

@Suite struct RequestMapperTests {
    let fixture = MapperFixture()

    func file(_ relative: String) -> RequestMapper.Resolution {
        .file(path: fixture.root + "/" + relative, contentType: ContentType.forPath(relative))
    }

    @Test func servesFilesAndFolderIndexes() {
        let mapper = fixture.mapper
        #expect(mapper.resolve("/") == file("index.html"))
        #expect(mapper.resolve("/index.html") == file("index.html"))
        #expect(mapper.resolve("/style.css") == file("style.css"))
        #expect(mapper.resolve("/stories/x/") == file("stories/x/index.html"))
        #expect(mapper.resolve("/stories/%78/") == file("stories/x/index.html"))
        #expect(mapper.resolve("/stories.json") == file("stories.json"))
    }

    @Test func redirectsFoldersWithoutTrailingSlash() {
        #expect(fixture.mapper.resolve("/stories/x") == .redirect(location: "/stories/x/"))
        #expect(fixture.mapper.resolve("/stories") == .redirect(location: "/stories/"))
        // Never a protocol-relative `//host/` location.
        #expect(fixture.mapper.resolve("//stories/x") == .redirect(location: "/stories/x/"))
    }

    @Test(arguments: [
        "/../etc/passwd", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/secret.txt",
        "/a/..%2f..%2f", "/stories/..%2f..%2fsecret.txt", "/stories/%2e%2e/%2e%2e/secret.txt",
        "/..%5csecret.txt", "/%5c..%5csecret.txt", "/stories\\..\\..\\secret.txt", "/..\\secret.txt",
        "/style.css%00.html", "/index.html%00", "/%00",
        "/escape.txt", "/etc/passwd", "/etc/",
        "/./index.html", "/stories/./x/", "relative/index.html", "", "/%zz", "/%",
    ])
    func refusesEverythingOutsideTheSite(path: String) {
        #expect(fixture.mapper.resolve(path) == .notFound, "\(path)")
    }

    @Test func symlinkInsideTheSiteIsServedAsItsTarget() {
        #expect(fixture.mapper.resolve("/alias.css") == file("style.css"))
    }

    @Test func noDirectoryListingsAndNoFakeFolders() {
        #expect(fixture.mapper.resolve("/empty/") == .notFound)
        #expect(fixture.mapper.resolve("/style.css/") == .notFound)
        #expect(fixture.mapper.resolve("/missing.html") == .notFound)
    }

    @Test func missingSiteFolderIsNotFound() {
        #expect(RequestMapper(siteDirectory: fixture.dir.path + "/nowhere").resolve("/") == .notFound)
    }

    @Test func notFoundPageOnlyWhenTheSiteHasOne() {
        #expect(fixture.mapper.notFoundPage() == nil)
        fixture.dir.write("site/404.html", "<html><body>gone</body></html>")
        #expect(fixture.mapper.notFoundPage() == fixture.root + "/404.html")
    }

    @Test func contentTypes() {
        let expected = [
            "a.html": "text/html; charset=utf-8", "A.HTM": "text/html; charset=utf-8",
            "style.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8",
            "stories.json": "application/json", "sitemap.xml": "application/xml", "feed.atom": "application/atom+xml",
            "logo.png": "image/png", "photo.JPG": "image/jpeg", "icon.svg": "image/svg+xml", "favicon.ico": "image/x-icon",
            "font.woff2": "font/woff2", "font.woff": "font/woff", "font.ttf": "font/ttf", "font.otf": "font/otf",
            "robots.txt": "text/plain; charset=utf-8", "noextension": "application/octet-stream",
            ".hidden": "application/octet-stream", "dir.d/file": "application/octet-stream",
        ]
        for (name, type) in expected {
            #expect(ContentType.forPath("/site/" + name) == type, "\(name)")
        }
    }
}
