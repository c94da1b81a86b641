import BriefingCore
import Foundation
import Testing
@testable import Clustering

/// Scores the default configuration on the shared corpora (skipped when they are absent) and
/// fails when a score drops below its floor.
@Suite struct CorpusEvaluationTests {
    static let floors: [(name: String, bcubedF1: Double)] = [
        ("basil", 0.99), ("ecbplus", 0.93), ("allsides", 0.93), ("seed-story", 1.0),
    ]

    static func score(_ stories: [Story], truth: [String: String]) -> (bcubed: PRF, pairwise: PRF) {
        var predicted: [String: String] = [:]
        for story in stories { for a in story.articles { predicted[a.source] = story.id } }
        return (ClusteringMetrics.bcubed(predicted: predicted, truth: truth),
                ClusteringMetrics.pairwise(predicted: predicted, truth: truth))
    }

    @Test(.enabled(if: CorpusReader.exists("basil"), "shared corpora absent"), arguments: floors)
    func defaultSettingsReachFloor(name: String, floor: Double) throws {
        guard CorpusReader.exists(name) else { print("skip: corpus \(name) absent"); return }
        let corpus = try CorpusReader.load(name)
        let start = Date()
        let stories = StoryClusterer().cluster(corpus.articles)
        let seconds = Date().timeIntervalSince(start)
        let s = Self.score(stories, truth: corpus.truth)
        print(String(format: "[eval] %@: %d articles → %d stories in %.2fs; B3 %@; pairwise %@",
                     name, corpus.articles.count, stories.count, seconds, "\(s.bcubed)", "\(s.pairwise)"))
        if ProcessInfo.processInfo.environment["BRIEFING_DUMP"] == name {
            // Developer aid: the impure stories, to see what the method confuses.
            for story in stories where Set(story.articles.map { corpus.truth[$0.source]! }).count > 1 {
                print("[dump] story \(story.id)")
                for a in story.articles { print("[dump]   \(corpus.truth[a.source]!)  \(a.day) \(a.title.prefix(90))") }
            }
        }
        #expect(s.bcubed.f1 >= floor)
    }
}
