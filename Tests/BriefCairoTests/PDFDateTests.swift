import BriefCairo
import XCTest

final class PDFDateTests: XCTestCase {
  func testSourceDateEpochParsesToUTCAndRejectsJunk() {
    XCTAssertEqual(PDFDate(sourceDateEpoch: "0")?.description, "1970-01-01T00:00:00Z")
    XCTAssertEqual(PDFDate(sourceDateEpoch: "1612137600")?.description, "2021-02-01T00:00:00Z")
    XCTAssertEqual(PDFDate(sourceDateEpoch: "951782400")?.description, "2000-02-29T00:00:00Z")
    XCTAssertEqual(PDFDate(sourceDateEpoch: "1735689599")?.description, "2024-12-31T23:59:59Z")
    XCTAssertNil(PDFDate(sourceDateEpoch: "abc"))
    XCTAssertNil(PDFDate(sourceDateEpoch: "-5"))
    XCTAssertNil(PDFDate(sourceDateEpoch: "1e9"))
    XCTAssertNil(PDFDate(sourceDateEpoch: ""))
    XCTAssertNil(PDFDate(sourceDateEpoch: "99999999999999999999"))
  }
}
