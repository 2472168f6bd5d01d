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
    try check("2024-24", "2024-12-01", "2025-02-28", "winter 2024–25")
    try check("2023-24", "2023-12-01", "2024-02-29", "winter 2023–24")
    try check("2010-24", "2010-12-01", "2011-02-28", "winter 2010–11")
    try check("1999-24", "1999-12-01", "2000-02-29", "winter 1999–2000")
    try check("9998-24", "9998-12-01", "9999-02-28", "winter 9998–99")
    try check("2013-24~", "2013-12-01", "2014-02-28", "c. winter 2013–14")
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
      "", "21", "2021-1", "2021-13", "2021-25", "2021-00", "Jan 2021", "/", "../..", "../", "/..",
      "2019/2017", "2021-01-32", "2021~~", "last month", "2021-21-01", "20210", "2021/2022/2023",
    ] {
      XCTAssertThrowsError(try EDTFDate.parse(text), text) { error in
        XCTAssertTrue(error is EDTFDate.ParseError, text)
      }
    }
  }

  func testUnspecifiedDigits() throws {
    try check("201X", "2010-01-01", "2019-12-31", "2010s")
    try check("19XX", "1900-01-01", "1999-12-31", "1900–1999")
    try check("2004-XX", "2004-01-01", "2004-12-31", "a month in 2004")
    try check("1985-04-XX", "1985-04-01", "1985-04-30", "a day in Apr 1985")
    try check("1985-XX-XX", "1985-01-01", "1985-12-31", "a day in 1985")
    try check("2024-02-XX", "2024-02-01", "2024-02-29", "a day in Feb 2024")
    try check("16XX~", "1600-01-01", "1699-12-31", "c. 1600–1699")
    try check("2004-XX?", "2004-01-01", "2004-12-31", "a month in 2004?")
    try check("1985-04-XX~", "1985-04-01", "1985-04-30", "a day in c. Apr 1985")
    try check("99XX", "9900-01-01", "9999-12-31", "9900–9999")
    try check("000X", "0000-01-01", "0009-12-31", "0000s")
    try check("201X/2015-06", "2010-01-01", "2015-06-30", "2010s–Jun 2015")
    XCTAssertNil(try EDTFDate.parse("201X").referenceYear)
    XCTAssertEqual(try EDTFDate.parse("2004-XX").referenceYear, 2004)
  }

  func testUnspecifiedDigitsOfLevelTwoAreRejectedSaySo() {
    for text in ["1XXX", "XXXX", "19X5", "201X-05", "1985-XX-12", "1985-1X", "1985-04-1X", "2004-2X"] {
      XCTAssertThrowsError(try EDTFDate.parse(text), text) { error in
        XCTAssertTrue(String(describing: error).contains("level 2"), "\(text): \(error)")
        XCTAssertTrue(String(describing: error).hasSuffix("found \"\(text)\""), "\(text): \(error)")
      }
    }
  }

  func testUnknownEnds() throws {
    try check("/2006", nil, "2006-12-31", "to 2006 (start unknown)")
    try check("1985/", "1985-01-01", nil, "from 1985 (end unknown)")
    try check("2004-06-01/", "2004-06-01", nil, "from 1 Jun 2004 (end unknown)")
    try check("1984-06-02?/", "1984-06-02", nil, "from 2 Jun 1984? (end unknown)")
    let unknown = try EDTFDate.parse("2021/"), open = try EDTFDate.parse("2021/..")
    XCTAssertNotEqual(unknown, open, "an unknown end is not an open one")
    XCTAssertEqual(unknown.form, .interval(start: .date(EDTFDate.Point(year: 2021, precision: .year, isApproximate: false, isUncertain: false)), end: .unknown))
    // Neither says when the period ends, so both may reach any later date.
    XCTAssertTrue(unknown.overlaps(try EDTFDate.parse("2030")))
    XCTAssertTrue(unknown.mayCoincide(with: try EDTFDate.parse("2030")))
    XCTAssertFalse(unknown.overlaps(try EDTFDate.parse("2020")))
    XCTAssertEqual(unknown.referenceYear, 2021)
    XCTAssertEqual(try EDTFDate.parse("/2006").referenceYear, 2006)
  }

  func testDateTimesKeepTheDay() throws {
    try check("1985-04-12T23:20:30", "1985-04-12", "1985-04-12", "12 Apr 1985")
    try check("1985-04-12T23:20:30Z", "1985-04-12", "1985-04-12", "12 Apr 1985")
    try check("1985-04-12T23:20:30-04", "1985-04-12", "1985-04-12", "12 Apr 1985")
    // The day as written, not moved to UTC: 23:20 at +04:30 is still 12 April.
    try check("1985-04-12T00:20:30+04:30", "1985-04-12", "1985-04-12", "12 Apr 1985")
    XCTAssertNotEqual(try EDTFDate.parse("1985-04-12T23:20:30"), try EDTFDate.parse("1985-04-12"))
    for text in [
      "1985-04-12T24:00:00", "1985-04-12T23:60:00", "1985-04-12T23:20", "1985-04-12T23:20:30+4", "1985-04-12T23:20:30+04:60",
      "1985-04-12T23:20:30Z~", "1985-04T23:20:30", "1985-04-12T23:20:30/1985-05", "1985-04-12T", "1985-04-12T23:20:30ZZ",
    ] {
      XCTAssertThrowsError(try EDTFDate.parse(text), text) { error in
        XCTAssertTrue(String(describing: error).hasSuffix("found \"\(text)\""), "\(text): \(error)")
      }
    }
    XCTAssertThrowsError(try EDTFDate.parse("1985-04-12T24:00:00")) { error in
      XCTAssertTrue(String(describing: error).contains("hh:mm:ss"), "\(error)")
    }
  }

  func testUnsupportedYearsSaySo() {
    for text in ["-0275~", "-1985", "Y170000002", "Y-170000002", "20210", "-2005/-1999-02", "9999-24"] {
      XCTAssertThrowsError(try EDTFDate.parse(text), text) { error in
        XCTAssertTrue(String(describing: error).contains("BriefKit does not support"), "\(text): \(error)")
      }
    }
    XCTAssertThrowsError(try EDTFDate.parse("9999-24")) { error in
      XCTAssertEqual(
        String(describing: error),
        "expected a winter that ends by 9999 (winter 9999 runs into 10000, which BriefKit does not support), found \"9999-24\"")
    }
  }

  func testEarlyYearsKeepFourDigits() throws {
    try check("0000", "0000-01-01", "0000-12-31", "0000")
    try check("0050~", "0050-01-01", "0050-12-31", "c. 0050")
    try check("0999-06", "0999-06-01", "0999-06-30", "Jun 0999")
    try check("1000", "1000-01-01", "1000-12-31", "1000")
  }

  func testReferenceYearIsTheYearNamed() throws {
    // Winter 2013 runs into 2014 but names 2013: its prior year is 2012.
    XCTAssertEqual(try EDTFDate.parse("2013-24").referenceYear, 2013)
    XCTAssertEqual(try EDTFDate.parse("2013-21").referenceYear, 2013)
    XCTAssertEqual(try EDTFDate.parse("2017/2019").referenceYear, 2019)
    XCTAssertEqual(try EDTFDate.parse("2013-21/2013-24").referenceYear, 2013)
    XCTAssertEqual(try EDTFDate.parse("../2017").referenceYear, 2017)
    XCTAssertEqual(try EDTFDate.parse("2024/..").referenceYear, 2024)
  }

  func testWideningForComparisons() throws {
    func widened(_ text: String) throws -> String {
      let d = try EDTFDate.parse(text)
      return "\(d.widenedEarliest?.description ?? "-")..\(d.widenedLatest?.description ?? "-")"
    }
    // One unit of the span a date names for ~ or ?, two for %.
    XCTAssertEqual(try widened("2021-01"), "2021-01-01..2021-01-31")
    XCTAssertEqual(try widened("2021-01~"), "2020-12-01..2021-02-28")
    XCTAssertEqual(try widened("2021-01?"), "2020-12-01..2021-02-28")
    XCTAssertEqual(try widened("2021-01%"), "2020-11-01..2021-03-31")
    XCTAssertEqual(try widened("2024-03-01~"), "2024-02-29..2024-03-02")
    XCTAssertEqual(try widened("2021-01-01%"), "2020-12-30..2021-01-03")
    XCTAssertEqual(try widened("1984?"), "1983-01-01..1985-12-31")
    XCTAssertEqual(try widened("1984%"), "1982-01-01..1986-12-31")
    XCTAssertEqual(try widened("2024-21~"), "2023-12-01..2024-08-31")
    XCTAssertEqual(try widened("2023-24~"), "2023-09-01..2024-05-31")
    XCTAssertEqual(try widened("156X~"), "1550-01-01..1579-12-31")
    XCTAssertEqual(try widened("16XX~"), "1500-01-01..1799-12-31")
    XCTAssertEqual(try widened("1985-04-XX~"), "1985-03-01..1985-05-31")
    XCTAssertEqual(try widened("2004-XX?"), "2003-01-01..2005-12-31")
    // Only the qualified end of an interval widens, and never past 0000 or 9999.
    XCTAssertEqual(try widened("1984~/2004-06"), "1983-01-01..2004-06-30")
    XCTAssertEqual(try widened("1984/2004-06~"), "1984-01-01..2004-07-31")
    XCTAssertEqual(try widened("../2017~"), "-..2018-12-31")
    XCTAssertEqual(try widened("0000%"), "0000-01-01..0002-12-31")
    XCTAssertEqual(try widened("9999-12-31~"), "9999-12-30..9999-12-31")
    XCTAssertEqual(try widened("99XX?"), "9800-01-01..9999-12-31")

    let january = try EDTFDate.parse("2021-01"), aboutJanuary = try EDTFDate.parse("2021-01~")
    let february = try EDTFDate.parse("2021-02"), march = try EDTFDate.parse("2021-03")
    XCTAssertFalse(january.mayCoincide(with: february))
    XCTAssertTrue(aboutJanuary.mayCoincide(with: february))
    XCTAssertTrue(february.mayCoincide(with: aboutJanuary))
    XCTAssertFalse(aboutJanuary.mayCoincide(with: march))
    XCTAssertFalse(aboutJanuary.overlaps(february), "overlaps compares the days as written")
    XCTAssertTrue(try EDTFDate.parse("2021-01%").mayCoincide(with: march))
  }

  func testDayAddingIsTheInverseOfOrdinal() throws {
    var day = try XCTUnwrap(Day(year: 1899, month: 12, day: 25))
    for _ in 0..<(366 * 3) {
      let next = day.adding(days: 1)
      XCTAssertEqual(day.days(to: next), 1, "\(day) -> \(next)")
      XCTAssertEqual(next.adding(days: -1), day)
      day = next
    }
    XCTAssertEqual(try XCTUnwrap(Day(year: 2000, month: 2, day: 28)).adding(days: 1).description, "2000-02-29")
    XCTAssertEqual(try XCTUnwrap(Day(year: 0, month: 1, day: 1)).adding(days: -1).description, "0000-01-01")
    XCTAssertEqual(try XCTUnwrap(Day(year: 9999, month: 12, day: 31)).adding(days: 1).description, "9999-12-31")
  }
}
