import Foundation
import XCTest

@testable import BriefModel

/// Statistics on a small dataset written by the test, with hand-computed expectations.
final class AnalysisTests: XCTestCase {
  static let observations = """
    - id: cn-visas-2013
      measure: work-visas
      value: 1000
      unit: visas
      period: 2013
      destination: China
      source: src-a
    - id: cn-visa-growth-2013
      measure: work-visa-growth
      value: "~25%"
      unit: "%"
      period: 2013
      destination: China
      source: src-a
    - id: ru-wage-new
      measure: wage
      value: "~800"
      unit: USD/month
      period: 2024-10
      destination: Russia
      source: src-b
    - id: ru-wage-old
      measure: wage
      value: 50
      unit: USD/month
      period: 2014
      destination: Russia
      job: seamstress
      source: src-a
    - id: cn-wage
      measure: wage
      value: 71358
      unit: CNY/year
      period: 2024
      destination: China
      source: src-b
    - id: ru-quota
      measure: remittance-quota
      value: "~700"
      unit: USD/month
      period: 2022-01
      destination: Russia
      source: src-a
    - id: ru-share-reported
      measure: wage-share-kept
      value: "<10%"
      unit: "%"
      period: 2010
      destination: Russia
      sector: logging
      source: src-a
    - id: bribe-city
      measure: bribe
      value: "3500..4000"
      unit: USD
      period: 2021-01
      origin: Sinuiju
      destination: Russia
      source: src-a
    - id: bribe-job
      measure: bribe
      value: "<=2000"
      unit: USD
      period: 2021-01
      job: misc
      destination: Russia
      source: src-a
    - id: ratio
      measure: bribe-ratio
      value: 2
      unit: times
      period: 2021-01
      origin: Sinuiju
      relative-to: Pyongyang
      destination: Russia
      source: src-a
    - id: ru-loggers
      measure: workers
      value: ">=10000"
      unit: workers
      period: 2010
      destination: Russia
      source: src-a
    - id: ru-workers-2024
      measure: workers
      value: "~4000"
      unit: workers
      period: 2024-10
      destination: Russia
      source: src-b
    - id: dur-2014
      measure: dispatch-duration
      value: 3
      unit: years
      period: 2014
      destination: Russia
      source: src-a
    - id: dur-precovid
      measure: dispatch-duration
      value: "5..10"
      unit: years
      period: ../2019
      destination: Russia
      source: src-b
    - id: dur-short
      measure: dispatch-duration
      value: "3..6"
      unit: months
      period: 2024-12
      destination: Russia
      source: src-b
    - id: ru-contract-2014
      measure: contract-term
      value: 3
      unit: years
      period: 2014
      destination: Russia
      source: src-a
    - id: cn-dur-more
      measure: dispatch-duration
      value: ">3"
      unit: years
      period: 2021-04
      destination: China
      source: src-a
    - id: cn-promise
      measure: wage-promised
      value: 142716
      unit: CNY/year
      period: 2024
      destination: China
      source: src-b
    - id: bribe-offer
      measure: bribe-offered
      value: "<12"
      unit: months
      period: 2014
      destination: Russia
      job: seamstress
      source: src-a
    - id: bribe-offer-cash
      measure: bribe-offered
      value: "~500"
      unit: USD
      period: 2021-01
      destination: Russia
      source: src-a

    """

  var data: TestDataset?
  var result = AnalysisResult()

  override func setUpWithError() throws {
    let data = try TestDataset(observations: Self.observations)
    self.data = data
    result = Analysis.run(try DatasetLoader.load(directory: data.directory).get())
  }

  override func tearDown() { data?.remove() }

  func value(_ id: String, file: StaticString = #filePath, line: UInt = #line) throws -> NamedEstimate {
    try XCTUnwrap(result.estimate(id), "no estimate \(id); have \(result.estimates.map(\.id))", file: file, line: line)
  }

  func assertInterval(
    _ estimate: NamedEstimate, _ low: Double?, _ high: Double?, _ best: Double?,
    file: StaticString = #filePath, line: UInt = #line
  ) {
    func same(_ a: Double?, _ b: Double?, _ what: String) {
      switch (a, b) {
      case (nil, nil): break
      case (let a?, let b?): XCTAssertEqual(a, b, accuracy: 1e-6, "\(estimate.id) \(what)", file: file, line: line)
      default: XCTFail("\(estimate.id) \(what): \(String(describing: a)) != \(String(describing: b))", file: file, line: line)
      }
    }
    same(estimate.interval.low, low, "low")
    same(estimate.interval.high, high, "high")
    same(estimate.estimate, best, "estimate")
  }

  func testWorkVisasImpliedPriorYear() throws {
    // 1000 / (1 + [0.245, 0.255]) = [796.8127…, 803.2129…]; estimate 1000 / 1.25 = 800.
    let implied = try value("cn-work-visas-2012-implied")
    assertInterval(implied, 1000 / 1.255, 1000 / 1.245, 800)
    XCTAssertEqual(implied.inputs, ["cn-visas-2013", "cn-visa-growth-2013"])
    assertInterval(try value("cn-visa-growth-2013"), 24.5, 25.5, 25)
  }

  func testWagesInUSDPerMonth() throws {
    // 71,358 CNY a year / 12 / 7.1358 = 833.33… USD a month.
    let china = try value("cn-wage-usd-month")
    assertInterval(china, 71358 / 12 / 7.1358, 71358 / 12 / 7.1358, 71358 / 12 / 7.1358)
    XCTAssertEqual(china.facets["original"], "71,358 CNY/year")
    XCTAssertEqual(china.facets["rate"], "usd-cny")
    XCTAssertTrue(china.inputs.contains("usd-cny"))
    assertInterval(try value("ru-wage-new-usd-month"), 750, 850, 800)
    // Russia: 50 and ~800 → min 50, median (50 + 800) / 2 = 425 with [400, 450], max 800 [750, 850].
    assertInterval(try value("wage-usd-month-ru-min"), 50, 50, 50)
    assertInterval(try value("wage-usd-month-ru-median"), 400, 450, 425)
    assertInterval(try value("wage-usd-month-ru-max"), 750, 850, 800)
    XCTAssertTrue(try value("wage-usd-month-ru-median").caveats.contains { $0.contains("different years") })
    XCTAssertFalse(try value("wage-usd-month-ru-median").caveats.contains { $0.contains("promised") })
  }

  func testPromisedWageIsConvertedButLeftOutOfTheSummaries() throws {
    // 142,716 CNY a year / 12 / 7.1358 = 1,666.67 USD a month, labelled a promise.
    let promise = try value("cn-promise-usd-month")
    assertInterval(promise, 142716 / 12 / 7.1358, 142716 / 12 / 7.1358, 142716 / 12 / 7.1358)
    XCTAssertEqual(promise.facets["measure"], "wage-promised")
    XCTAssertTrue(promise.label.hasPrefix("Promised wage"))
    XCTAssertTrue(promise.caveats.contains { $0.hasPrefix("a promised wage") })
    // China's summaries use the paid wage alone: 833.33 for min, median and max.
    for name in ["min", "median", "max"] {
      let summary = try value("wage-usd-month-cn-\(name)")
      assertInterval(summary, 71358 / 12 / 7.1358, 71358 / 12 / 7.1358, 71358 / 12 / 7.1358)
      XCTAssertEqual(summary.inputs, ["cn-wage", "usd-cny"])
      XCTAssertTrue(summary.label.contains("(1 figure)"))
      // derived.yaml keeps promises out of the family the summaries select, and says so in the method.
      XCTAssertTrue(summary.method.contains("Promised wages are left out"))
    }
  }

  func testPromiseAloneGivesNoSummary() throws {
    let data = try TestDataset(
      observations: """
        - id: promise
          measure: wage-promised
          value: 50000
          unit: CNY/year
          period: ../2024-12
          destination: China
          source: src-b

        """)
    defer { data.remove() }
    let result = Analysis.run(try DatasetLoader.load(directory: data.directory).get())
    // 50,000 / 12 / 7.1358 = 583.91 USD a month.
    XCTAssertEqual(result.estimate("promise-usd-month")?.estimate ?? 0, 50_000 / 12 / 7.1358, accuracy: 1e-9)
    XCTAssertEqual(result.estimate("promise-usd-month")?.formatted(maxDecimals: 2), "583.91")
    XCTAssertFalse(result.estimates.contains { $0.id.hasPrefix("wage-usd-month-") })
  }

  func testBribesAndImpliedPyongyangLevel() throws {
    assertInterval(try value("bribe-city-usd"), 3500, 4000, 3750)
    assertInterval(try value("bribe-job-usd"), 0, 2000, nil)
    XCTAssertEqual(try value("bribe-job-usd").facets["job"], "misc")
    // [3500, 4000] / 2 = [1750, 2000], estimate 1875.
    let pyongyang = try value("bribe-pyongyang-implied")
    assertInterval(pyongyang, 1750, 2000, 1875)
    XCTAssertEqual(pyongyang.facets["origin"], "Pyongyang")
  }

  func testBribeOffersAreKeptApartFromBribes() throws {
    // <12 months of pay × the 50 USD/month wage of the same source and job = [0, 600), no estimate.
    let offer = try value("bribe-offer-usd-derived")
    assertInterval(offer, 0, 600, nil)
    XCTAssertEqual(offer.kind, .lessThan)
    XCTAssertEqual(offer.formatted(), "<600")
    XCTAssertEqual(offer.inputs, ["bribe-offer", "ru-wage-old"])
    XCTAssertEqual(offer.facets["measure"], "bribe-offered")
    XCTAssertEqual(offer.facets["original"], "<12 months")
    XCTAssertTrue(offer.caveats.contains("derived: the article gives no amount"))
    // The vocabulary's caveat of the measure, naming the observation it comes from.
    XCTAssertTrue(offer.caveats.contains("an offer, not a bribe known to have been paid (bribe-offer)"), "\(offer.caveats)")
    XCTAssertFalse(offer.method.hasPrefix("As reported"))
    XCTAssertNil(result.estimate("bribe-offer-usd"))
    // An offered amount is restated in USD, still as an offer: ~500 is 450…550.
    let cash = try value("bribe-offer-cash-usd")
    assertInterval(cash, 450, 550, 500)
    XCTAssertTrue(cash.caveats.contains("an offer, not a bribe known to have been paid"))
    // Offers are not bribes paid: no repayment times.
    XCTAssertFalse(result.estimates.contains { $0.id.hasPrefix("repay-months-bribe-offer") })
  }

  func testShareKeptReportedAndDerived() throws {
    assertInterval(try value("ru-share-reported"), 0, 10, nil)
    // 1 − [650, 750] / [750, 850] = 1 − [0.7647…, 1] = [0, 0.2353…]; estimate 1 − 700/800 = 12.5%.
    let derived = try value("ru-wage-share-kept-derived")
    assertInterval(derived, 0, 100 * (1 - 650.0 / 850.0), 12.5)
    XCTAssertTrue(derived.caveats.contains { $0.hasPrefix("cross-source") })
    XCTAssertTrue(derived.caveats.contains { $0.contains("different years") })
    // Inputs are listed in the order the formula uses them: 1 - usd(it) / usd(wage), `it` the quota.
    XCTAssertEqual(derived.inputs, ["ru-quota", "ru-wage-new"])
    assertInterval(try value("ru-wage-kept-usd-month-derived"), 0, 200, 100)
  }

  func testMonthsToRepayWithKeptWageContainingZero() throws {
    // [3500, 4000] / [0, 200] = [17.5, ∞); estimate 3750 / 100 = 37.5.
    assertInterval(try value("repay-months-bribe-city"), 17.5, nil, 37.5)
    // [1750, 2000] / [0, 200] = [8.75, ∞); estimate 18.75.
    assertInterval(try value("repay-months-bribe-pyongyang-implied"), 8.75, nil, 18.75)
    // [0, 2000] / [0, 200] = [0, ∞); no estimate.
    assertInterval(try value("repay-months-bribe-job"), 0, nil, nil)
  }

  func testHeadcountAndDurationSeries() throws {
    let headcount = try XCTUnwrap(result.series.first { $0.id == "headcount-russia" })
    XCTAssertEqual(headcount.points.map(\.observation), ["ru-loggers", "ru-workers-2024"])
    XCTAssertEqual(headcount.points[0].interval, Interval(low: 10000, high: nil))
    XCTAssertNil(headcount.points[0].value)
    XCTAssertEqual(headcount.points[0].kind, .atLeast)
    XCTAssertEqual(headcount.points[1].source, "src-b")
    assertInterval(try value("headcount-ru-workers-2024"), 3500, 4500, 4000)

    let durations = try XCTUnwrap(result.series.first { $0.id == "duration-months-russia" })
    XCTAssertEqual(durations.points.map(\.observation), ["dur-precovid", "dur-2014", "dur-short"])
    assertInterval(try value("duration-months-dur-2014"), 36, 36, 36)
    assertInterval(try value("duration-months-dur-precovid"), 60, 120, 90)
    assertInterval(try value("duration-months-dur-short"), 3, 6, 4.5)
    // More than 3 years: (36, ∞), no estimate.
    let more = try value("duration-months-cn-dur-more")
    assertInterval(more, 36, nil, nil)
    XCTAssertEqual(more.formatted(), ">36")

    // Contract terms are a series of their own, not dispatch lengths.
    XCTAssertFalse(durations.points.contains { $0.observation == "ru-contract-2014" })
    let terms = try XCTUnwrap(result.series.first { $0.id == "contract-term-months-russia" })
    XCTAssertEqual(terms.points.map(\.observation), ["ru-contract-2014"])
    let term = try value("contract-term-months-ru-contract-2014")
    assertInterval(term, 36, 36, 36)
    XCTAssertTrue(term.label.hasPrefix("Contract term"))
  }

  func testConflicts() throws {
    // 36 months (2014) against 60–120 months until 2019: a stay is a level at a time, and "until
    // 2019" says what held in 2019, not in 2014, so the two are not compared (ComparisonsTests has
    // the conflicts that are found).
    XCTAssertEqual(result.conflicts.map(\.id), [])
    // The 2024 duration does not overlap ../2019 in time; the headcounts overlap in value.
    // The 3-year contract term (2014) is not set against the 5–10-year stay (until 2019):
    // one contract against a whole stay with renewals.
    XCTAssertFalse(result.conflicts.contains { $0.observations.contains("ru-contract-2014") })
  }

  func testRepeatedFiguresGiveOneConflictThatCountsTheirPairs() throws {
    // src-a's 3 years is written three times, src-b's 1–2 years twice: six pairs, one disagreement.
    func term(_ id: String, _ value: String, _ source: String) -> String {
      "- id: \(id)\n  measure: contract-term\n  value: \"\(value)\"\n  unit: years\n  period: 2014\n  destination: Russia\n  source: \(source)\n"
    }
    let data = try TestDataset(
      observations: term("a1", "3", "src-a") + term("b1", "1..2", "src-b") + term("a2", "3", "src-a") + term("a3", "3", "src-a")
        + term("b2", "1..2", "src-b") + term("b3", "4", "src-b"))
    defer { data.remove() }
    let result = Analysis.run(try DatasetLoader.load(directory: data.directory).get())
    // b3 (4 years) disagrees with a's 3 years too, but only once.
    XCTAssertEqual(result.conflicts.map(\.id), ["conflict-a1-b1", "conflict-a1-b3"])
    XCTAssertEqual(result.conflicts.map(\.repeats), [5, 2])
    XCTAssertTrue(result.conflicts[0].summary.hasSuffix("The same two figures appear in 5 more pairs of observations."), result.conflicts[0].summary)
    XCTAssertFalse(result.conflicts[1].summary.contains("1 more pairs"))
  }

  func testWinterCountsImplyThePriorYearOfTheYearTheyName() throws {
    // Winter 2013 runs from December 2013 into February 2014; the growth is over the previous
    // winter, so the implied count is 2012's, not 2013's.
    func observation(_ id: String, _ measure: String, _ value: String, _ unit: String) -> String {
      "- id: \(id)\n  measure: \(measure)\n  value: \"\(value)\"\n  unit: \"\(unit)\"\n  period: 2013-24\n  destination: China\n  source: src-a\n"
    }
    let data = try TestDataset(
      observations: observation("cn-visas-winter", "work-visas", "1000", "visas")
        + observation("cn-growth-winter", "work-visa-growth", "25%", "%"))
    defer { data.remove() }
    let result = Analysis.run(try DatasetLoader.load(directory: data.directory).get())
    let ids = result.estimates.map(\.id)
    XCTAssertTrue(ids.contains("cn-work-visas-2012-implied"), "\(ids)")
    XCTAssertFalse(ids.contains("cn-work-visas-2013-implied"), "\(ids)")
    let implied = try XCTUnwrap(result.estimates.first { $0.id == "cn-work-visas-2012-implied" })
    XCTAssertEqual(implied.label, "Work visas issued by China, 2012 (implied)")
    XCTAssertEqual(implied.method, "1,000 visas (cn-visas-winter) divided by one plus 25% (cn-growth-winter).")
  }

  func testApproximateMonthsMayCoincideWithTheNextWhenConflictsAreChecked() throws {
    func headcount(_ id: String, _ value: String, _ period: String, _ source: String) -> String {
      "- id: \(id)\n  measure: workers\n  value: \"\(value)\"\n  unit: workers\n  period: \"\(period)\"\n  destination: Russia\n  source: \(source)\n"
    }
    func conflicts(_ a: String, _ b: String) throws -> [String] {
      let data = try TestDataset(observations: headcount("a", "1000", a, "src-a") + headcount("b", "5000", b, "src-b"))
      defer { data.remove() }
      return Analysis.run(try DatasetLoader.load(directory: data.directory).get()).conflicts.map(\.id)
    }
    // January and February cannot be the same time; about January may be February.
    XCTAssertEqual(try conflicts("2021-01", "2021-02"), [])
    XCTAssertEqual(try conflicts("2021-01~", "2021-02"), ["conflict-a-b"])
    XCTAssertEqual(try conflicts("2021-01", "2021-02?"), ["conflict-a-b"])
    // One month of widening does not reach March; % (two) does.
    XCTAssertEqual(try conflicts("2021-01~", "2021-03"), [])
    XCTAssertEqual(try conflicts("2021-01%", "2021-03"), ["conflict-a-b"])
    // An unknown end, like an open one, may reach any later time.
    XCTAssertEqual(try conflicts("2019/", "2021-03"), ["conflict-a-b"])
    XCTAssertEqual(try conflicts("/2019", "2021-03"), [])
  }

  func testContractTermsConflictOnlyWithContractTerms() throws {
    let data = try TestDataset(
      observations: """
        - id: term-a
          measure: contract-term
          value: 3
          unit: years
          period: 2014
          destination: Russia
          source: src-a
        - id: stay-b
          measure: dispatch-duration
          value: "5..10"
          unit: years
          period: ../2019
          destination: Russia
          source: src-b
        - id: term-b
          measure: contract-term
          value: "1..2"
          unit: years
          period: 2014
          destination: Russia
          source: src-b

        """)
    defer { data.remove() }
    let result = Analysis.run(try DatasetLoader.load(directory: data.directory).get())
    // 36 months against 12–24 months, both contract terms of 2014 from different sources.
    XCTAssertEqual(result.conflicts.map(\.id), ["conflict-term-a-term-b"])
    XCTAssertEqual(result.conflicts.first?.measure, Measure("contract-term"))
    let intervals = result.conflicts.first?.intervals ?? []
    XCTAssertEqual(intervals.count, 2)
    XCTAssertEqual(intervals.first?.low ?? 0, 36, accuracy: 1e-9)
    XCTAssertEqual(intervals.last?.low ?? 0, 12, accuracy: 1e-9)
    XCTAssertEqual(intervals.last?.high ?? 0, 24, accuracy: 1e-9)
  }

  func testStatsJSONOnWrittenDataset() throws {
    let data = try XCTUnwrap(self.data)
    let output = BriefCommand.stats(directory: data.directory, json: true)
    XCTAssertEqual(output.status, 0, output.standardError)
    let object = try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8))
    let top = try XCTUnwrap(object as? [String: Any])
    let estimates = try XCTUnwrap(top["estimates"] as? [[String: Any]])
    func entry(_ id: String) throws -> [String: Any] {
      try XCTUnwrap(estimates.first { $0["id"] as? String == id }, id)
    }
    let implied = try entry("cn-work-visas-2012-implied")
    XCTAssertEqual(implied["estimate"] as? Double ?? 0, 800, accuracy: 1e-6)
    XCTAssertEqual(implied["low"] as? Double ?? 0, 796.812749, accuracy: 1e-6)
    XCTAssertEqual(implied["high"] as? Double ?? 0, 803.212851, accuracy: 1e-6)
    XCTAssertEqual(implied["unit"] as? String, "visas")
    XCTAssertEqual(implied["inputs"] as? [String], ["cn-visas-2013", "cn-visa-growth-2013"])
    XCTAssertFalse((implied["method"] as? String ?? "").isEmpty)
    XCTAssertNotNil(implied["caveats"] as? [String])
    XCTAssertNotNil(implied["label"] as? String)
    let repay = try entry("repay-months-bribe-city")
    XCTAssertEqual(repay["low"] as? Double ?? 0, 17.5, accuracy: 1e-9)
    XCTAssertTrue(repay["high"] is NSNull)
    XCTAssertEqual(repay["estimate"] as? Double ?? 0, 37.5, accuracy: 1e-9)
    let kept = try entry("ru-wage-share-kept-derived")
    XCTAssertEqual(kept["estimate"] as? Double ?? 0, 12.5, accuracy: 1e-9)
    XCTAssertEqual(kept["unit"] as? String, "%")
    XCTAssertEqual(try XCTUnwrap(top["conflicts"] as? [[String: Any]]).count, 0)
    XCTAssertEqual(try XCTUnwrap(top["agreements"] as? [[String: Any]]).count, 0)
    // Deterministic output.
    XCTAssertEqual(BriefCommand.stats(directory: data.directory, json: true), output)
    // The table mentions every id.
    let table = BriefCommand.stats(directory: data.directory, json: false).standardOutput
    for estimate in result.estimates { XCTAssertTrue(table.contains(estimate.id), estimate.id) }
  }

  func testEstimateFormatting() {
    XCTAssertEqual(
      NamedEstimate(id: "x", label: "", interval: Interval(low: 17.5, high: nil), estimate: 37.5, unit: "months", inputs: [], method: "")
        .formatted(maxDecimals: 1), "37.5 (≥17.5)")
    XCTAssertEqual(
      NamedEstimate(id: "x", label: "", interval: Interval(low: 0, high: 10), estimate: nil, unit: "%", inputs: [], method: "", kind: .lessThan)
        .formatted(), "<10%")
    XCTAssertEqual(
      NamedEstimate(id: "x", label: "", interval: .point(1300), estimate: 1300, unit: "USD", inputs: [], method: "")
        .formatted(), "1,300")
    XCTAssertEqual(
      NamedEstimate(id: "x", label: "", interval: Interval(low: 36, high: nil), estimate: nil, unit: "months", inputs: [], method: "", kind: .moreThan)
        .formatted(), ">36")
    XCTAssertEqual(
      NamedEstimate(id: "x", label: "", interval: Interval(low: 36, high: nil), estimate: nil, unit: "months", inputs: [], method: "", kind: .atLeast)
        .formatted(), "≥36")
  }
}
