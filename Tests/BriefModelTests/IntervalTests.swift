import XCTest

@testable import BriefModel

final class IntervalTests: XCTestCase {
  func testAdditionAndSubtraction() {
    let a = Interval(low: 1, high: 2)
    let b = Interval(low: 10, high: 20)
    XCTAssertEqual(a + b, Interval(low: 11, high: 22))
    XCTAssertEqual(b - a, Interval(low: 8, high: 19))
    XCTAssertEqual(-a, Interval(low: -2, high: -1))
    XCTAssertEqual(a + 1, Interval(low: 2, high: 3))
  }

  func testOpenEndsPropagate() {
    let atLeast = Interval(low: 10, high: nil)
    XCTAssertEqual(atLeast + Interval(low: 1, high: 2), Interval(low: 11, high: nil))
    XCTAssertEqual(atLeast - Interval(low: 1, high: 2), Interval(low: 8, high: nil))
    XCTAssertEqual(Interval.point(5) - atLeast, Interval(low: nil, high: -5))
    XCTAssertEqual(atLeast * 2, Interval(low: 20, high: nil))
    XCTAssertEqual(atLeast * -1, Interval(low: nil, high: -10))
    XCTAssertEqual(Interval.unbounded + .point(1), .unbounded)
  }

  func testMultiplication() {
    XCTAssertEqual(Interval(low: -1, high: 2) * Interval(low: 3, high: 4), Interval(low: -4, high: 8))
    XCTAssertEqual(Interval(low: -2, high: -1) * Interval(low: -3, high: 4), Interval(low: -8, high: 6))
    // 0 × ∞ counts as 0: [0, 2] × [1, ∞) = [0, ∞).
    XCTAssertEqual(Interval(low: 0, high: 2) * Interval(low: 1, high: nil), Interval(low: 0, high: nil))
    XCTAssertEqual(Interval.point(0) * .unbounded, .point(0))
  }

  func testDivision() {
    let q = Interval.point(93_300) / Interval(low: 1.165, high: 1.175)
    XCTAssertEqual(q.low ?? .nan, 93_300 / 1.175, accuracy: 1e-9)
    XCTAssertEqual(q.high ?? .nan, 93_300 / 1.165, accuracy: 1e-9)
    XCTAssertEqual(Interval(low: 2, high: 4) / Interval(low: -2, high: -1), Interval(low: -4, high: -1))
  }

  func testDivisionByIntervalContainingZero() {
    let numerator = Interval(low: 1, high: 2)
    // Zero strictly inside: unbounded, no NaN, no trap.
    XCTAssertEqual(numerator / Interval(low: -1, high: 1), .unbounded)
    // Zero-width zero.
    XCTAssertEqual(numerator / .point(0), .unbounded)
    XCTAssertEqual(numerator / 0, .unbounded)
    // Zero at an end: one side stays bounded.
    XCTAssertEqual(numerator / Interval(low: 0, high: 4), Interval(low: 0.25, high: nil))
    XCTAssertEqual(numerator / Interval(low: -4, high: 0), Interval(low: nil, high: -0.25))
    // Dividing by an unbounded positive interval reaches 0.
    XCTAssertEqual(numerator / Interval(low: 2, high: nil), Interval(low: 0, high: 1))
    for result in [numerator / .point(0), Interval.point(0) / .point(0), Interval.unbounded / .unbounded] {
      XCTAssertFalse(result.low?.isNaN ?? false)
      XCTAssertFalse(result.high?.isNaN ?? false)
    }
  }

  func testZeroWidthIntervals() {
    let p = Interval.point(3)
    XCTAssertTrue(p.isPoint)
    XCTAssertEqual(p.width, 0)
    XCTAssertEqual(p.midpoint, 3)
    XCTAssertEqual(p * p, .point(9))
    XCTAssertEqual(p / p, .point(1))
    XCTAssertTrue(p.overlaps(Interval(low: 3, high: 4)))
    XCTAssertFalse(p.overlaps(Interval(low: 3.5, high: 4)))
  }

  func testQueries() {
    let a = Interval(low: 1, high: nil)
    XCTAssertFalse(a.isBounded)
    XCTAssertNil(a.width)
    XCTAssertNil(a.midpoint)
    XCTAssertTrue(a.contains(1e12))
    XCTAssertFalse(a.contains(0.5))
    XCTAssertTrue(a.overlaps(.unbounded))
    XCTAssertTrue(Interval(low: 5, high: 1).isInverted)
    XCTAssertEqual(Interval(low: nil, high: 10).clamped(to: Interval(low: 0, high: nil)), Interval(low: 0, high: 10))
    XCTAssertEqual(Interval(low: 1, high: 2).hull(Interval(low: 5, high: 6)), Interval(low: 1, high: 6))
    XCTAssertEqual(Interval(low: .infinity, high: .nan), .unbounded)
    XCTAssertEqual(Interval(low: 1, high: nil).description, "[1, ∞]")
  }
}
