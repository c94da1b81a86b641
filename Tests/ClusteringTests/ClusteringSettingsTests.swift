import BriefingCore
import Foundation
import Ingest
import Testing
@testable import Clustering

/// Every clustering setting can be tuned from `briefing.yml`, snake_case or camelCase.
@Suite struct ClusteringSettingsTests {
    func parse(_ yaml: String) throws(Diagnostic) -> ClusteringSettings {
        try ConfigLoader.parse(data: Data(yaml.utf8), path: "briefing.yml").clustering
    }

    @Test func everyKeyIsReadFromTheConfig() throws {
        for (index, key) in ClusteringSettings.keys.enumerated() {
            var expected = ClusteringSettings.default
            let value = Double(index % 3 + 1)
            let known = expected.set(key, to: value)
            #expect(known, "\(key)")
            #expect(try parse("clustering:\n  \(key): \(Int(value))\n") == expected, "\(key)")
        }
        #expect(try parse("clustering: {leadWeight: 2.5}").leadWeight == 2.5)
        #expect(try parse("clustering: {cohesion_decay: 0.5, title_weight: 3}").titleWeight == 3)
    }

    @Test func badValuesAreErrorsWithTheirPlace() {
        func message(_ yaml: String) -> String? {
            do { _ = try parse(yaml); return nil } catch { return error.description }
        }
        #expect(message("clustering:\n  lead_sentences: 1.5\n")
            == "briefing.yml:2:3: error: 'clustering.lead_sentences' must be a number of at least 0 (a whole one for counts)")
        #expect(message("clustering:\n  lead_weight: -1\n") != nil)
        #expect(message("clustering:\n  leed_weight: 2\n")?.contains("unknown clustering setting 'leed_weight'") == true)
        var settings = ClusteringSettings.default
        let unknown = settings.set("no_such_setting", to: 1)
        let fraction = settings.set("window_days", to: 2.5)
        #expect(!unknown && !fraction)
        #expect(settings == .default)
    }
}
