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
    let output = BriefCommand.check(directory: Self.seedsDirectory)
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
    // The article implies the rate; it is dated around publication, not to 2024 as a whole.
    XCTAssertEqual(won.date.description, "2024-12~/2025-01")
  }

  func testCorrectionsAfterReview() throws {
    let dataset = try DatasetLoader.load(directory: SeedDatasetTests.seedsDirectory).get()
    let result = Analysis.run(dataset)

    // "Between 50,000 to 100,000", no "about": an exact range, 75,000 (50,000–100,000).
    let china = try XCTUnwrap(result.estimate("headcount-cn-workers-2017"))
    XCTAssertEqual(china.interval, Interval(low: 50_000, high: 100_000))
    XCTAssertEqual(china.estimate, 75_000)
    XCTAssertEqual(dataset.observation("ru-selected-2021-01")?.value.kind, .approximateRange)

    // The seamstress's offer: under 12 months of the 50 USD she had heard of, so under 600 USD,
    // derived and caveated, never "as reported", and no repayment time.
    let offer = try XCTUnwrap(result.estimate("bribe-seamstress-offer-2014-usd-derived"))
    XCTAssertEqual(offer.interval, Interval(low: 0, high: 600))
    XCTAssertNil(offer.estimate)
    XCTAssertEqual(offer.formatted(), "<600")
    XCTAssertTrue(offer.caveats.contains("derived: the article gives no amount"))
    XCTAssertEqual(offer.inputs, ["bribe-seamstress-offer-2014", "ru-wage-seamstress-2014"])
    XCTAssertNil(result.estimate("bribe-seamstress-offer-2014-usd"))
    XCTAssertNil(result.estimate("repay-months-bribe-seamstress-offer-2014"))
    XCTAssertFalse(dataset.observations.contains { $0.measure == Measure("bribe") && $0.id.contains("offer") })

    // The promised Chinese wage is converted (50,000 / 12 / 7.1358 = 583.91 USD a month)
    // but is no paid wage: China has no wage summary.
    let promise = try XCTUnwrap(result.estimate("cn-wage-promised-2024-usd-month"))
    XCTAssertEqual(promise.facets["measure"], "wage-promised")
    XCTAssertEqual(promise.inputs, ["cn-wage-promised-2024", "usd-cny-2024-07-24"])
    XCTAssertNil(result.estimate("wage-usd-month-cn-median"))
    // Russia's summaries are unchanged: 50 and ~800 → median 425 (400–450).
    let median = try XCTUnwrap(result.estimate("wage-usd-month-ru-median"))
    XCTAssertEqual(median.interval, Interval(low: 400, high: 450))
    XCTAssertEqual(median.estimate, 425)

    // The 3-year contract of 2014 is a contract term, not set against 5–10 years of stay.
    XCTAssertEqual(result.conflicts.map(\.id), [])
    XCTAssertEqual(result.estimate("contract-term-months-ru-contract-term-2014")?.estimate, 36)
    XCTAssertEqual(result.estimate("duration-months-cn-overstay-2021-04")?.formatted(), ">36")

    // The quota's source is in Nakhodka; the figure is for Russia.
    let quota = try XCTUnwrap(dataset.observation("ru-remittance-quota-2022"))
    XCTAssertNil(quota.destinationPlace)
    XCTAssertEqual(quota.destination, "Russia")
    XCTAssertEqual(
      dataset.observation("ru-dispatch-duration-short-2024")?.attribution, "the Musan County reporting partner")
    XCTAssertEqual(dataset.source("cfets-2024-07-24")?.url?.hasPrefix("https://english.news.cn/"), true)
    let troops = try XCTUnwrap(dataset.events.first { $0.id == "ru-troops-revealed-2024" })
    XCTAssertTrue(troops.date.isQualified)
  }
}
