import Foundation
import TestSupport
@testable import Site

/// A seeded site of `articles` short articles in multi-outlet stories over a few days, for
/// cache, kill and ordering tests; `creationOrderSeed` shuffles the order files are created in.
/// Returns the written relative paths in creation order.
@discardableResult
func writeGeneratedSite(into dir: TemporaryDirectory, articles: Int, seed: UInt64 = 7, creationOrderSeed: UInt64? = nil) -> [String] {
    var rng = SeededGenerator(seed: seed)
    let outlets = ["North Wire", "Bay Daily", "Harbour Post", "Ridge Times", "Valley Courier", "Coast Herald"]
    let places = ["Kessel Point", "Old Quay", "Marrow Hill", "Saltmarsh", "Portvale", "Linden Cross", "Fenwick"]
    let events = ["ferry halted after engine fire", "bridge closed for repairs", "library opens map archive",
                  "council approves tram budget", "storm floods harbour road", "school wins robotics final"]
    var files: [(String, String)] = []
    var n = 0
    var story = 0
    while n < articles {
        let place = places[Int(rng.next() % UInt64(places.count))]
        let event = events[Int(rng.next() % UInt64(events.count))]
        let day = 1 + story % 4
        let count = 1 + Int(rng.next() % 4)
        let number = 10 + Int(rng.next() % 90)
        for k in 0..<min(count, articles - n) {
            let outlet = outlets[(story + k) % outlets.count]
            let slug = outlet.lowercased().replacingOccurrences(of: " ", with: "-")
            let path = "content/2026-04-0\(day)/\(slug)-\(story)-\(k).md"
            files.append((path, """
                ---
                title: "\(place) \(event) (\(story))"
                outlet: "\(outlet)"
                published: 2026-04-0\(day)T0\(k + 6):00:00Z
                ---
                \(place.uppercased()) (\(outlet)) - In \(place), the \(event) on day \(day), officials said, in story \(story).

                About \(number + k) residents were affected by the \(event) in \(place), according to the council.

                "We are working as fast as we can on story \(story)," said spokesperson Ada Marr.

                """))
            n += 1
        }
        story += 1
    }
    if let creationOrderSeed {
        var order = SeededGenerator(seed: creationOrderSeed)
        files.shuffle(using: &order)
    }
    for (path, text) in files { dir.write(path, text) }
    return files.map(\.0)
}

/// Options building `dir/content` into `dir/<output>` with the repo's templates.
func generatedSiteOptions(_ dir: TemporaryDirectory, output: String = "public", content: String = "content") -> BuildOptions {
    BuildOptions(
        contentDirectory: dir.appending(content).path, templatesDirectory: TestPaths.templates.path,
        outputDirectory: dir.appending(output).path, configFile: dir.appending("briefing.yml").path)
}

/// Every regular file under `root` by relative path, with its bytes.
func fileTree(_ root: URL) -> [String: Data] {
    var tree: [String: Data] = [:]
    guard let walker = FileManager.default.enumerator(atPath: root.path) else { return tree }
    while let relative = walker.nextObject() as? String {
        let path = root.path + "/" + relative
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
            tree[relative] = FileManager.default.contents(atPath: path)
        }
    }
    return tree
}

/// Inode and modification time of every file under `root`: equal means not rewritten.
func fileIdentities(_ root: URL) -> [String: String] {
    var identities: [String: String] = [:]
    for path in fileTree(root).keys {
        if let stat = FileStat(path: root.path + "/" + path) { identities[path] = "\(stat.inode) \(stat.mtimeNanoseconds)" }
    }
    return identities
}
