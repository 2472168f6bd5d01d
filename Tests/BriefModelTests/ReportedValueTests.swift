import XCTest

@testable import BriefModel

final class ReportedValueTests: XCTestCase {
  func testExact() throws {
    let v = try ReportedValue.parse("1300")
    XCTAssertEqual(v.kind, .exact)
    XCTAssertEqual(v.interval, Interval(low: 1300, high: 1300))
    XCTAssertEqual(v.estimate, 1300)
    XCTAssertTrue(v.interval.isPoint)
    XCTAssertEqual(v.interval.width, 0)
    XCTAssertEqual(v.formatted(), "1,300")
    XCTAssertEqual(v.formatted(unit: "USD"), "1,300 USD")
  }

  func testApproximateRoundingIntervals() throws {
    let cases: [(String, Double, Double, Double)] = [
      ("~4000", 3500, 4500, 4000),
      ("~17%", 16.5, 17.5, 17),
      ("~800", 750, 850, 800),
      ("~93300", 93250, 93350, 93300),
      ("~30000", 25000, 35000, 30000),
      ("~2.5", 2.45, 2.55, 2.5),
      ("~200", 150, 250, 200),
      ("~700", 650, 750, 700),
    ]
    for (text, low, high, estimate) in cases {
      let v = try ReportedValue.parse(text)
      XCTAssertEqual(v.kind, .approximate, text)
      XCTAssertEqual(v.interval.low ?? .nan, low, accuracy: 1e-9, text)
      XCTAssertEqual(v.interval.high ?? .nan, high, accuracy: 1e-9, text)
      XCTAssertEqual(v.estimate, estimate, text)
    }
    XCTAssertEqual(try ReportedValue.parse("~4000").formatted(), "~4,000")
    XCTAssertEqual(try ReportedValue.parse("~17%").formatted(), "~17%")
    XCTAssertTrue(try ReportedValue.parse("~17%").isPercent)
  }

  func testApproximateWithExplicitMargin() throws {
    let v = try ReportedValue.parse("~4000±300")
    XCTAssertEqual(v.interval, Interval(low: 3700, high: 4300))
    XCTAssertEqual(v.estimate, 4000)
    XCTAssertEqual(v.description, "~4000")
    // A zero margin gives a zero-width interval.
    XCTAssertEqual(try ReportedValue.parse("~4000±0").interval, .point(4000))
  }

  func testApproximateZero() throws {
    // No non-zero digit: the unit is 1, so ±0.5; a percent is then limited at 0.
    XCTAssertEqual(try ReportedValue.parse("~0").interval, Interval(low: -0.5, high: 0.5))
    XCTAssertEqual(try ReportedValue.parse("~0%").interval, Interval(low: 0, high: 0.5))
  }

  func testOneSidedBounds() throws {
    let atLeast = try ReportedValue.parse(">=10000")
    XCTAssertEqual(atLeast.kind, .atLeast)
    XCTAssertEqual(atLeast.interval, Interval(low: 10000, high: nil))
    XCTAssertNil(atLeast.estimate)
    XCTAssertTrue(atLeast.isBound)
    XCTAssertEqual(atLeast.formatted(), "≥10,000")

    let atMost = try ReportedValue.parse("<=10000")
    XCTAssertEqual(atMost.kind, .atMost)
    XCTAssertEqual(atMost.interval, Interval(low: nil, high: 10000))
    XCTAssertEqual(atMost.formatted(), "up to 10,000")
    // Natural limit for counts: 0.
    XCTAssertEqual(atMost.limited(to: Interval(low: 0, high: nil)).interval, Interval(low: 0, high: 10000))

    let lessThan = try ReportedValue.parse("<10%")
    XCTAssertEqual(lessThan.kind, .lessThan)
    XCTAssertEqual(lessThan.interval, Interval(low: 0, high: 10))  // percent: limited to 0…100
    XCTAssertNil(lessThan.estimate)
    XCTAssertEqual(lessThan.formatted(), "<10%")

    let moreThan = try ReportedValue.parse(">3")
    XCTAssertEqual(moreThan.kind, .moreThan)
    XCTAssertEqual(moreThan.interval, Interval(low: 3, high: nil))
    XCTAssertEqual(moreThan.formatted(), ">3")

    XCTAssertEqual(try ReportedValue.parse(">90%").interval, Interval(low: 90, high: 100))
  }

  func testRanges() throws {
    let r = try ReportedValue.parse("3500..4000")
    XCTAssertEqual(r.kind, .range)
    XCTAssertEqual(r.interval, Interval(low: 3500, high: 4000))
    XCTAssertEqual(r.estimate, 3750)
    XCTAssertEqual(r.formatted(), "3,500–4,000")
    XCTAssertEqual(r.formatted(unit: "USD"), "3,500–4,000 USD")

    let ar = try ReportedValue.parse("~50000..100000")
    XCTAssertEqual(ar.kind, .approximateRange)
    // The finer end (50000) has a rounding unit of 10,000: both ends widen by 5,000.
    XCTAssertEqual(ar.interval, Interval(low: 45000, high: 105000))
    XCTAssertEqual(ar.estimate, 75000)
    XCTAssertEqual(ar.formatted(), "~50,000–100,000")

    let degenerate = try ReportedValue.parse("5..5")
    XCTAssertTrue(degenerate.interval.isPoint)
    XCTAssertEqual(degenerate.estimate, 5)
    XCTAssertEqual(try ReportedValue.parse("10..20%").formatted(), "10–20%")
  }

  func testDescriptionRoundTrips() throws {
    for text in ["1300", "~4000", ">=10000", "<=10000", "<10%", ">3", "3500..4000", "~50000..100000", "0.5", "-2"] {
      let v = try ReportedValue.parse(text)
      XCTAssertEqual(v.description, text)
      XCTAssertEqual(try ReportedValue.parse(v.description), v)
    }
  }

  func testRejectsGarbage() {
    for text in ["", "abc", "10,000", "~", ">=", "1..", "..2", "4000..3500", "1e5", "--3", "3..4..5", "~4000±-3", "12$", "nan", "inf"] {
      XCTAssertThrowsError(try ReportedValue.parse(text), text) { error in
        guard let parseError = error as? ReportedValue.ParseError else {
          return XCTFail("wrong error type for \(text)")
        }
        XCTAssertFalse(parseError.expected.isEmpty)
        XCTAssertTrue(parseError.description.hasPrefix("expected "))
      }
    }
  }

  func testFormattedDecimals() throws {
    XCTAssertEqual(try ReportedValue.parse("12.5").formatted(), "12.5")
    XCTAssertEqual(try ReportedValue.parse("~16.5..17.5%").formatted(), "~16.5–17.5%")
    XCTAssertEqual(try ReportedValue.parse("-200").formatted(), "−200")
  }
}
