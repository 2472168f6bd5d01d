import XCTest

@testable import BriefModel

final class NumberFormatTests: XCTestCase {
  func testGrouped() {
    XCTAssertEqual(NumberFormat.grouped(1300), "1,300")
    XCTAssertEqual(NumberFormat.grouped(0), "0")
    XCTAssertEqual(NumberFormat.grouped(999), "999")
    XCTAssertEqual(NumberFormat.grouped(1_000_000), "1,000,000")
    XCTAssertEqual(NumberFormat.grouped(9_920_000), "9,920,000")
    XCTAssertEqual(NumberFormat.grouped(12.5, decimals: 1), "12.5")
    XCTAssertEqual(NumberFormat.grouped(12.5, decimals: 2), "12.50")
    XCTAssertEqual(NumberFormat.grouped(-200), "\u{2212}200")
    XCTAssertEqual(NumberFormat.grouped(-1234.5, decimals: 1), "\u{2212}1,234.5")
    XCTAssertEqual(NumberFormat.grouped(2.5), "3")  // half away from zero
    XCTAssertEqual(NumberFormat.grouped(-0.2), "0")  // no "−0"
  }

  func testPlainTrimsZeros() {
    XCTAssertEqual(NumberFormat.plain(1300), "1,300")
    XCTAssertEqual(NumberFormat.plain(12.50), "12.5")
    XCTAssertEqual(NumberFormat.plain(0.1666), "0.17")
    XCTAssertEqual(NumberFormat.plain(7.1358, maxDecimals: 4), "7.1358")
  }

  func testAsciiHasNoGroupingAndPlainMinus() {
    XCTAssertEqual(NumberFormat.ascii(-1234.5), "-1234.5")
    XCTAssertEqual(NumberFormat.ascii(93300), "93300")
  }

  func testNonFinite() {
    XCTAssertEqual(NumberFormat.grouped(.nan), "n/a")
    XCTAssertEqual(NumberFormat.grouped(.infinity), "∞")
    XCTAssertEqual(NumberFormat.grouped(-.infinity), "\u{2212}∞")
    // Beyond Int64 range: no trap.
    XCTAssertFalse(NumberFormat.grouped(1e300).isEmpty)
  }

  func testDecimalsForStep() {
    XCTAssertEqual(NumberFormat.decimals(forStep: 500), 0)
    XCTAssertEqual(NumberFormat.decimals(forStep: 2.5), 1)
    XCTAssertEqual(NumberFormat.decimals(forStep: 0.25), 2)
    XCTAssertEqual(NumberFormat.decimals(forStep: 0), 0)
    XCTAssertEqual(NumberFormat.decimals(forStep: .nan), 0)
  }
}
