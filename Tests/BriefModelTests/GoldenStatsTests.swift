import Foundation
import XCTest

@testable import BriefModel

/// The statistics of `seeds/` through `seeds/derived.yaml` and the engine give the figures the
/// Swift statistics gave (`Tests/Golden/stats-before-engine.json`, `brief stats --json` before
/// the engine), to 1e-6.
final class GoldenStatsTests: XCTestCase {
  /// Figures the engine computes differently on purpose, by id, with the reason. None so far:
  /// every figure of the golden file comes out the same.
  static let changed: [String: String] = [:]

  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

  func testEveryGoldenEstimateComesOutOfDerivedYAMLWithTheSameNumbers() throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: Self.root + "/Tests/Golden/stats-before-engine.json"))
    let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let golden = try XCTUnwrap(json["estimates"] as? [[String: Any]])
    XCTAssertEqual(golden.count, 33)
    let dataset = try DatasetLoader.load(directory: Self.root + "/seeds").get()
    XCTAssertFalse(dataset.derivations.isEmpty, "seeds/derived.yaml declares the statistics")
    let result = Analysis.run(dataset)
    for entry in golden {
      let id = try XCTUnwrap(entry["id"] as? String)
      if let reason = Self.changed[id] {
        print("GoldenStatsTests: \(id) changed on purpose: \(reason)")
        continue
      }
      guard let estimate = result.estimate(id) else {
        XCTFail("\(id): not made by seeds/derived.yaml")
        continue
      }
      func same(_ key: String, _ value: Double?) {
        let expected = entry[key] as? Double
        switch (expected, value) {
        case (nil, nil): break
        case (let a?, let b?): XCTAssertEqual(a, b, accuracy: 1e-6, "\(id).\(key)")
        default: XCTFail("\(id).\(key): expected \(String(describing: expected)), found \(String(describing: value))")
        }
      }
      same("low", estimate.interval.low)
      same("high", estimate.interval.high)
      same("estimate", estimate.estimate)
      XCTAssertEqual(entry["unit"] as? String, estimate.unit, id)
      XCTAssertFalse(estimate.formula.isEmpty, "\(id) names its formula")
    }
  }

  func testSeriesForLineChartsComeFromSeriesTemplates() throws {
    let result = Analysis.run(try DatasetLoader.load(directory: Self.root + "/seeds").get())
    let ids = result.series.map(\.id)
    for id in ["headcount-russia", "headcount-china", "duration-months-russia", "duration-months-china", "contract-term-months-russia"] {
      XCTAssertTrue(ids.contains(id), "\(id) in \(ids)")
    }
    let russia = try XCTUnwrap(result.series.first { $0.id == "headcount-russia" })
    XCTAssertEqual(russia.destination, "Russia")
    XCTAssertEqual(russia.unit, "workers")
    // Ordered by the start of their period, open starts first.
    XCTAssertEqual(
      russia.points.map(\.observation), ["ru-workers-2017", "ru-loggers-2010", "ru-workers-2022-02", "ru-workers-2024-10"])
  }
}
