import BriefCharts
import XCTest

final class ScaleTests: XCTestCase {
  func testLinearMapAndNiceTicks() {
    let s = LinearScale(domain: (0, 3700), range: (100, 500)).nice(count: 5)
    XCTAssertEqual(s.domain.low, 0)
    XCTAssertEqual(s.domain.high, 4000)
    XCTAssertEqual(s.map(2000), 300)
    XCTAssertEqual(s.ticks(count: 5), [0, 1000, 2000, 3000, 4000])
  }

  func testStepsAreOneTwoFiveTimesAPowerOfTen() {
    XCTAssertEqual(LinearScale(domain: (0, 1), range: (0, 1)).tickStep(count: 5), 0.2)
    XCTAssertEqual(LinearScale(domain: (0, 93_300), range: (0, 1)).tickStep(count: 5), 20_000)
    XCTAssertEqual(LinearScale(domain: (0, 17.5), range: (0, 1)).tickStep(count: 5), 5)
    XCTAssertEqual(LinearScale(domain: (0, 0.003), range: (0, 1)).tickStep(count: 3), 0.001)
  }

  func testDegenerateDomainsStillGiveAnAxis() {
    let single = LinearScale(domain: (1300, 1300), range: (0, 100)).nice(count: 5)
    XCTAssertEqual(single.domain.low, 0)
    XCTAssertGreaterThanOrEqual(single.domain.high, 1300)
    let zero = LinearScale(domain: (0, 0), range: (0, 100)).nice(count: 5)
    XCTAssertEqual(zero.domain.high, 1)
    let negative = LinearScale(domain: (-40, -40), range: (0, 100)).nice(count: 5)
    XCTAssertEqual(negative.domain.high, 0)
    XCTAssertEqual(LinearScale(domain: (5, 5), range: (7, 9)).map(5), 7)
  }

  func testTicksNeverIncludeNegativeZero() {
    let ticks = LinearScale(domain: (-10, 10), range: (0, 1)).ticks(count: 4)
    XCTAssertEqual(ticks, [-10, -5, 0, 5, 10])
    XCTAssertEqual(ticks[2].sign, .plus)
  }

  func testBandsSplitTheRangeEvenly() {
    let b = BandScale(count: 4, range: (0, 100), padding: 0.2)
    XCTAssertEqual(b.step, 25)
    XCTAssertEqual(b.bandwidth, 20)
    XCTAssertEqual(b.position(1), 27.5)
    XCTAssertEqual(b.center(3), 87.5)
  }
}
