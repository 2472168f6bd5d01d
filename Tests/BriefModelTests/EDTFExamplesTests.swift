import Foundation
import XCTest

@testable import BriefModel

/// Every example of EDTFExamples.txt: the level 0, 1 and 2 examples of python-edtf's test
/// suite and of the Library of Congress specification, each with its source's verdict and
/// BriefKit's, and a reason wherever the two differ.
final class EDTFExamplesTests: XCTestCase {
  struct Example {
    var line: Int
    var source: String
    var text: String
    var valid: Bool
    var accept: Bool
    var span: String
    var reason: String
  }

  func examples() throws -> [Example] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("EDTFExamples.txt")
    let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
    var result: [Example] = []
    for (i, raw) in lines.enumerated() where !raw.hasPrefix("#") && !raw.trimmingCharacters(in: .whitespaces).isEmpty {
      let fields = raw.components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard fields.count == 6 else {
        XCTFail("EDTFExamples.txt:\(i + 1): expected 6 fields separated by |, found \(fields.count)")
        continue
      }
      let verdict = fields[2], ours = fields[3]
      XCTAssertTrue(["valid", "invalid"].contains(verdict), "line \(i + 1): verdict \(verdict)")
      XCTAssertTrue(["accept", "reject"].contains(ours), "line \(i + 1): BriefKit \(ours)")
      result.append(
        Example(
          line: i + 1, source: fields[0], text: fields[1], valid: verdict == "valid", accept: ours == "accept",
          span: fields[4], reason: fields[5]))
    }
    return result
  }

  func testEveryExampleHasBriefKitsVerdict() throws {
    let all = try examples()
    for e in all {
      let context = "EDTFExamples.txt:\(e.line): \(e.source) \"\(e.text)\""
      if e.valid != e.accept || e.reason.hasPrefix("span:") {
        XCTAssertFalse(e.reason.isEmpty, "\(context): a disagreement needs a reason")
      } else {
        XCTAssertTrue(e.reason.isEmpty, "\(context): a reason without a disagreement")
      }
      do {
        let date = try EDTFDate.parse(e.text)
        XCTAssertTrue(e.accept, "\(context): accepted, but the file says reject")
        XCTAssertEqual(date.description, e.text, "\(context): round trip")
        let span = (date.earliest?.description ?? "-") + ".." + (date.latest?.description ?? "-")
        XCTAssertEqual(span, e.span, context)
      } catch let error as EDTFDate.ParseError {
        XCTAssertFalse(e.accept, "\(context): rejected (\(error)), but the file says accept")
        XCTAssertTrue(e.span.isEmpty, "\(context): a rejected example has no span")
        XCTAssertTrue(error.found.contains(e.text.isEmpty ? "empty" : e.text), "\(context): \(error)")
        if e.reason.hasPrefix("level 2:") {
          XCTAssertTrue(error.expected.contains("level 2"), "\(context): \(error)")
        } else if e.reason.hasPrefix("unsupported:") {
          XCTAssertTrue(error.expected.contains("does not support"), "\(context): \(error)")
        }
      }
    }
  }

  /// The counts the README and the issue note quote; a line added or removed shows here.
  func testCounts() throws {
    let all = try examples()
    let levels01 = all.filter { ["peer", "loc-0", "loc-1"].contains($0.source) && !$0.reason.hasPrefix("level 2:") }
    let valid01 = levels01.filter(\.valid)
    XCTAssertEqual(valid01.count, 93)
    XCTAssertEqual(valid01.filter(\.accept).count, 82)
    XCTAssertEqual(all.filter { !$0.valid }.count, 51)
    XCTAssertEqual(all.filter { !$0.valid && $0.accept }.count, 0)
    XCTAssertEqual(all.filter { $0.valid && !$0.accept }.count, 81)
    XCTAssertEqual(all.filter { $0.reason.hasPrefix("level 2:") }.count, 69)
    XCTAssertEqual(all.filter { $0.reason.hasPrefix("unsupported:") }.count, 12)
    XCTAssertEqual(all.filter { $0.reason.hasPrefix("span:") }.count, 4)
  }
}
