import BriefCairo
import BriefTestSupport
import Foundation
import XCTest

final class OutputFileTests: XCTestCase {
  func testWritesAndLeavesNoTemporaryFiles() throws {
    let dir = try scratchFolder()
    XCTAssertEqual(try OutputFile.write([1, 2, 3], to: dir + "/a.bin"), .written)
    XCTAssertEqual(try OutputFile.read(dir + "/a.bin"), [1, 2, 3])
    XCTAssertEqual(Tools.listing(dir), ["a.bin"])
  }

  func testAnIdenticalFileIsNotRewritten() throws {
    let dir = try scratchFolder()
    let path = dir + "/a.bin"
    try OutputFile.write([1, 2, 3], to: path)
    let old = Date(timeIntervalSince1970: 1_000_000_000)
    try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
    XCTAssertEqual(try OutputFile.write([1, 2, 3], to: path), .unchanged)
    let mtime = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    XCTAssertEqual(mtime, old)
    XCTAssertEqual(try OutputFile.write([1, 2, 4], to: path), .written)
    XCTAssertEqual(try OutputFile.read(path), [1, 2, 4])
  }

  func testAnUnwritableFolderFailsClearlyAndKeepsTheOldFile() throws {
    let dir = try scratchFolder()
    let path = dir + "/a.bin"
    try OutputFile.write([9], to: path)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir) }
    if getuid() == 0 {
      // root ignores folder permissions; use a path whose folder does not exist instead.
      XCTAssertThrowsError(try OutputFile.write([1], to: dir + "/missing/a.bin")) { error in
        XCTAssertEqual("\(error)", "cannot write \(dir)/missing/a.bin: No such file or directory")
      }
    } else {
      XCTAssertThrowsError(try OutputFile.write([1], to: path)) { error in
        XCTAssertTrue("\(error)".contains("Permission denied"), "\(error)")
      }
    }
    XCTAssertEqual(try OutputFile.read(path), [9])
    XCTAssertEqual(Tools.listing(dir), ["a.bin"])
  }

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
