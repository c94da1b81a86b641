import BriefingCore
import Clustering
import Comparison
import Foundation
import Ingest
import Rendering

/// Runs the pipeline in order — config, ingest, templates, cluster, compare, assemble, render,
/// publish — and is the only code that knows that order. Input errors in single articles skip
/// those articles; errors that would make the site wrong (config, templates, no articles at all,
/// writing) publish nothing and leave the previous site in place.
public struct SiteBuilder: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public func build() throws(BuildFailure) -> BuildReport {
        var report = BuildReport()
        let clock = ContinuousClock()
        let start = clock.now
        var lap = start
        func stage(_ name: String) {
            let now = clock.now
            report.stageTimes.append((name, (now - lap).milliseconds))
            lap = now
        }
        func fail(_ diagnostics: [Diagnostic]) -> BuildFailure {
            report.totalMilliseconds = (clock.now - start).milliseconds
            return BuildFailure(diagnostics: report.diagnostics + diagnostics, report: report)
        }

        let lock: SiteLock
        do { lock = try SiteLock(outputDirectory: URL(fileURLWithPath: options.outputDirectory)) } catch {
            let message = (error as? SiteLock.Busy)?.description ?? "cannot take the build lock: \(error)"
            throw BuildFailure(diagnostics: [.error(SourceLocation(path: options.outputDirectory), message)],
                               report: report, isLocked: error is SiteLock.Busy)
        }
        defer { withExtendedLifetime(lock) {} }

        let config: SiteConfig
        do { config = try SiteConfigReader.load(options) } catch { throw fail([error]) }
        stage("config")

        let ingest = ContentLoader(config: config).load(contentDirectory: URL(fileURLWithPath: options.contentDirectory))
        report.diagnostics = ingest.diagnostics
        report.removed = ingest.removed
        stage("ingest")
        guard !ingest.articles.isEmpty else {
            throw fail([.error(SourceLocation(path: options.contentDirectory), "no articles found; nothing to publish")])
        }

        let templates: TemplateSet
        do { templates = try TemplateSet(directory: URL(fileURLWithPath: options.templatesDirectory)) } catch {
            throw fail([error])
        }
        stage("templates")

        let stories = StoryClusterer(settings: config.clustering).cluster(ingest.articles)
        stage("cluster")

        let comparator = StoryComparator()
        let comparisonList = Parallel.map(stories) { comparator.compare($0) }
        let comparisons = Dictionary(uniqueKeysWithValues: comparisonList.map { ($0.storyID, $0) })
        stage("compare")

        let briefings = BriefingAssembler.briefings(for: stories)
        stage("assemble")

        let plan: OutputPlan
        do {
            plan = try SitePlanner(
                config: config, renderer: PageRenderer(templates: templates, config: config),
                staticDirectory: URL(fileURLWithPath: options.templatesDirectory).appendingPathComponent("static"),
                configPath: options.configFile
            ).plan(stories: stories, comparisons: comparisons, briefings: briefings, warnings: &report.diagnostics)
        } catch { throw fail([error]) }
        stage("render")

        do {
            report.filesWritten = try SitePublisher(outputDirectory: URL(fileURLWithPath: options.outputDirectory)).publish(plan)
        } catch {
            throw fail([.error(SourceLocation(path: error.path), error.reason)])
        }
        stage("publish")

        report.briefings = briefings.count
        report.stories = stories.count
        report.articles = ingest.articles.count
        report.outlets = Set(ingest.articles.map(\.outlet)).count
        report.totalMilliseconds = (clock.now - start).milliseconds
        return report
    }
}

extension Duration {
    var milliseconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) * 1000 + Double(attoseconds) / 1e15
    }
}
