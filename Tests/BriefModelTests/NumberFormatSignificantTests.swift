import BriefModel
import XCTest

final class NumberFormatSignificantTests: XCTestCase {
  func testRoundsToSignificantDigitsInEachDirection() {
    XCTAssertEqual(NumberFormat.significant(79_743.59), 79_700)
    XCTAssertEqual(NumberFormat.significant(79_404.26, digits: 3, .down), 79_400)
    XCTAssertEqual(NumberFormat.significant(80_085.84, digits: 3, .up), 80_100)
    XCTAssertEqual(NumberFormat.significant(18.75), 18.8, accuracy: 1e-12)
    XCTAssertEqual(NumberFormat.significant(17.5, digits: 3, .down), 17.5, accuracy: 1e-12, "a value on the grid stays")
    XCTAssertEqual(NumberFormat.significant(23.53, digits: 3, .up), 23.6, accuracy: 1e-12)
    XCTAssertEqual(NumberFormat.significant(-1_234.5), -1_230)
    XCTAssertEqual(NumberFormat.significant(0), 0)
    XCTAssertTrue(NumberFormat.significant(.nan).isNaN)
    XCTAssertEqual(NumberFormat.significant(.infinity), .infinity)
  }

  func testDisplayRoundingWidensTheInterval() {
    let e = NamedEstimate(
      id: "x", label: "x", interval: Interval(low: 79_404.26, high: 80_085.84), estimate: 79_743.59, unit: "visas", inputs: [],
      method: "m")
    let r = e.roundedForDisplay()
    XCTAssertEqual(r.estimate, 79_700)
    XCTAssertEqual(r.interval, Interval(low: 79_400, high: 80_100))
    XCTAssertEqual(r.formatted(), "79,700 (79,400–80,100)")
  }
}
