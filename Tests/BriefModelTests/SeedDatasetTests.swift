import XCTest

@testable import BriefModel

/// Checks the real dataset in `seeds/`.
final class SeedDatasetTests: XCTestCase {
  static var seedsDirectory: String {
    // Tests/BriefModelTests/SeedDatasetTests.swift -> repository root.
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return url.appendingPathComponent("seeds").path
  }

  func testSeedsPassCheck() {
    let output = ToolOutput.check(directory: Self.seedsDirectory)
    XCTAssertEqual(output.standardError, "")
    XCTAssertEqual(output.status, 0)
  }

}

/// Spot checks of the statistics on the real dataset.
final class SeedStatisticsTests: XCTestCase {
  func testKeyFiguresFromTheArticles() throws {
    let dataset = try DatasetLoader.load(directory: SeedDatasetTests.seedsDirectory).get()
    XCTAssertEqual(Set(dataset.sources.filter { $0.kind == .article }.map(\.published.description)),
      ["2014-04-25", "2021-02", "2025-01", "2022-02-14", "2021-04-26"])
    let result = Analysis.run(dataset)
    let implied = try XCTUnwrap(result.estimate("cn-work-visas-2012-implied"))
    XCTAssertEqual(implied.interval.low ?? 0, 93_300 / 1.175, accuracy: 1e-6)
    XCTAssertEqual(implied.interval.high ?? 0, 93_300 / 1.165, accuracy: 1e-6)
    XCTAssertEqual(implied.estimate ?? 0, 93_300 / 1.17, accuracy: 1e-6)
    let pyongyang = try XCTUnwrap(result.estimate("bribe-pyongyang-implied"))
    XCTAssertEqual(pyongyang.interval, Interval(low: 1750, high: 2000))
    let chinaWage = try XCTUnwrap(result.estimate("cn-wage-promised-2024-usd-month"))
    XCTAssertEqual(chinaWage.estimate ?? 0, 50_000 / 12 / 7.1358, accuracy: 1e-9)
    XCTAssertEqual(try XCTUnwrap(result.estimate("ru-wage-share-kept-derived")).estimate, 12.5)
    let won = try XCTUnwrap(dataset.rates.first { $0.base == .cny && $0.quote == .krw })
    XCTAssertEqual(won.value ?? 0, 9_920_000 / 50_000, accuracy: 1e-9)
  }
}
