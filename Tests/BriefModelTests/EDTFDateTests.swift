import XCTest

@testable import BriefModel

final class EDTFDateTests: XCTestCase {
  private func day(_ text: String) -> String? { text.isEmpty ? nil : text }

  func check(
    _ text: String, _ earliest: String?, _ latest: String?, _ display: String,
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let date = try EDTFDate.parse(text)
    XCTAssertEqual(date.earliest?.description, earliest, "earliest of \(text)", file: file, line: line)
    XCTAssertEqual(date.latest?.description, latest, "latest of \(text)", file: file, line: line)
    XCTAssertEqual(date.displayText, display, file: file, line: line)
    XCTAssertEqual(date.description, text, "round trip", file: file, line: line)
  }

  func testYearMonthDay() throws {
    try check("2013", "2013-01-01", "2013-12-31", "2013")
    try check("2021-01", "2021-01-01", "2021-01-31", "Jan 2021")
    try check("2021-01-15", "2021-01-15", "2021-01-15", "15 Jan 2021")
    try check("2021-04", "2021-04-01", "2021-04-30", "Apr 2021")
  }

  func testQualifiers() throws {
    try check("2021-01~", "2021-01-01", "2021-01-31", "c. Jan 2021")
    try check("2021?", "2021-01-01", "2021-12-31", "2021?")
    try check("2021%", "2021-01-01", "2021-12-31", "c. 2021?")
    XCTAssertTrue(try EDTFDate.parse("2021~").isQualified)
    XCTAssertFalse(try EDTFDate.parse("2021").isQualified)
  }

  func testLeapDays() throws {
    try check("2024-02", "2024-02-01", "2024-02-29", "Feb 2024")
    try check("2023-02", "2023-02-01", "2023-02-28", "Feb 2023")
    try check("2000-02", "2000-02-01", "2000-02-29", "Feb 2000")
    try check("1900-02", "1900-02-01", "1900-02-28", "Feb 1900")
    try check("2024-02-29", "2024-02-29", "2024-02-29", "29 Feb 2024")
    XCTAssertThrowsError(try EDTFDate.parse("2023-02-29"))
    XCTAssertThrowsError(try EDTFDate.parse("1900-02-29"))
  }

  func testSeasons() throws {
    try check("2024-21", "2024-03-01", "2024-05-31", "spring 2024")
    try check("2024-22", "2024-06-01", "2024-08-31", "summer 2024")
    try check("2024-23", "2024-09-01", "2024-11-30", "autumn 2024")
    // Winter runs into the next year; 2025 is not a leap year.
    try check("2024-24", "2024-12-01", "2025-02-28", "winter 2024")
    try check("2023-24", "2023-12-01", "2024-02-29", "winter 2023")
  }

  func testIntervals() throws {
    try check("2017/2019", "2017-01-01", "2019-12-31", "2017–2019")
    try check("../2017", nil, "2017-12-31", "until 2017")
    try check("2024/..", "2024-01-01", nil, "since 2024")
    try check("2024-21/2024-12", "2024-03-01", "2024-12-31", "spring 2024–Dec 2024")
    try check("2021-01-20/2021-01-31", "2021-01-20", "2021-01-31", "20 Jan 2021–31 Jan 2021")
    // Qualified ends ("around October–November 2024", "from about Dec 2024").
    try check("2024-10~/2024-11~", "2024-10-01", "2024-11-30", "c. Oct 2024–c. Nov 2024")
    try check("2024-12~/2025-01", "2024-12-01", "2025-01-31", "c. Dec 2024–Jan 2025")
    try check("2024-01/2024-04~", "2024-01-01", "2024-04-30", "Jan 2024–c. Apr 2024")
    XCTAssertTrue(try EDTFDate.parse("2024-10~/2024-11~").isQualified)
    XCTAssertEqual(try EDTFDate.parse("2024-10~/2024-11~").description, "2024-10~/2024-11~")
  }

  func testOverlaps() throws {
    let a = try EDTFDate.parse("../2017")
    XCTAssertTrue(a.overlaps(try EDTFDate.parse("2010")))
    XCTAssertFalse(a.overlaps(try EDTFDate.parse("2018-01")))
    XCTAssertTrue(try EDTFDate.parse("2024/..").overlaps(try EDTFDate.parse("2030")))
    XCTAssertTrue(try EDTFDate.parse("2024-24").overlaps(try EDTFDate.parse("2025-01")))
  }

  func testDayArithmetic() throws {
    let a = try XCTUnwrap(Day(year: 2024, month: 2, day: 28))
    let b = try XCTUnwrap(Day(year: 2024, month: 3, day: 1))
    XCTAssertEqual(a.days(to: b), 2)
    let c = try XCTUnwrap(Day(year: 2023, month: 2, day: 28))
    let d = try XCTUnwrap(Day(year: 2023, month: 3, day: 1))
    XCTAssertEqual(c.days(to: d), 1)
    let y0 = try XCTUnwrap(Day(year: 2024, month: 1, day: 1))
    let y1 = try XCTUnwrap(Day(year: 2025, month: 1, day: 1))
    XCTAssertEqual(y0.days(to: y1), 366)
    XCTAssertNil(Day(year: 2021, month: 4, day: 31))
  }

  func testRejectsNonEDTF() {
    for text in [
      "", "21", "2021-1", "2021-13", "2021-25", "2021-00", "Jan 2021", "2021/", "../..",
      "2019/2017", "2021-01-32", "2021~~", "last month", "2021-21-01", "20210", "2021/2022/2023",
    ] {
      XCTAssertThrowsError(try EDTFDate.parse(text), text) { error in
        XCTAssertTrue(error is EDTFDate.ParseError, text)
      }
    }
  }
}
