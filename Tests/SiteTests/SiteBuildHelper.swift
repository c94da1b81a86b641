import Foundation
import TestSupport
@testable import Site

/// Writes an inline site fixture into a fresh folder and builds it for real, with the repo's
/// templates unless `templatesFolder` names a folder inside the fixture.
func buildFixtureSite(_ text: String, templatesFolder: String? = nil, prepare: (TemporaryDirectory) throws -> Void = { _ in })
    throws -> (TemporaryDirectory, BuildReport)
{
    let dir = TemporaryDirectory()
    SiteFixture.write(text, into: dir)
    try prepare(dir)
    let options = BuildOptions(
        contentDirectory: dir.appending("content").path,
        templatesDirectory: (templatesFolder.map { dir.appending($0) } ?? TestPaths.templates).path,
        outputDirectory: dir.appending("public").path, configFile: dir.appending("briefing.yml").path)
    return (dir, try SiteBuilder(options: options).build())
}
