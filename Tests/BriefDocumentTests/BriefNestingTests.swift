import BriefModel
import XCTest

@testable import BriefDocument

/// Lists, quotes, emphasis and links may nest 32 deep; deeper is an error at the node that
/// goes too deep, found without recursion.
final class BriefNestingTests: XCTestCase {
  func parse(_ body: String) throws -> BriefSpec {
    try BriefParser.parse(text: "---\ntitle: T\n---\n\(body)", file: "brief.md")
  }

  /// The error of a body after a one-line front matter (the body starts on line 4).
  func bodyError(_ body: String, file: StaticString = #filePath, line: UInt = #line) -> DatasetError? {
    do {
      _ = try parse(body)
      XCTFail("expected an error", file: file, line: line)
    } catch let error as DatasetError {
      return error
    } catch {
      XCTFail("expected a DatasetError, got \(error)", file: file, line: line)
    }
    return nil
  }

  /// The depth of the deepest quote or list in `blocks`, counted as the check counts.
  func blockDepth(_ blocks: [Block]) -> Int {
    blocks.map { block -> Int in
      switch block {
      case .quote(let inner, _): return 1 + blockDepth(inner)
      case .list(_, _, let items, _): return 1 + (items.map(blockDepth).max() ?? 0)
      default: return 0
      }
    }.max() ?? 0
  }

  func inlineDepth(_ inlines: [Inline]) -> Int {
    inlines.map { inline -> Int in
      switch inline {
      case .emphasis(let inner), .strong(let inner), .link(_, let inner): return 1 + inlineDepth(inner)
      default: return 0
      }
    }.max() ?? 0
  }

  func testThirtyTwoLevelsOfQuotesListsAndEmphasisAreFine() throws {
    XCTAssertEqual(BodyReader.maxNesting, 32)
    XCTAssertEqual(blockDepth(try parse(String(repeating: ">", count: 32) + " x\n").blocks), 32)
    XCTAssertEqual(blockDepth(try parse(String(repeating: "- ", count: 32) + "x\n").blocks), 32)
    // Lists and quotes count together.
    XCTAssertEqual(blockDepth(try parse(String(repeating: "> - ", count: 16) + "x\n").blocks), 32)
    let emphasis = String(repeating: "*", count: 32) + "x" + String(repeating: "*", count: 32)
    XCTAssertEqual(inlineDepth(try parse(emphasis + "\n").blocks.first.map { block -> [Inline] in
      if case .paragraph(let inlines, _) = block { return inlines } else { return [] }
    } ?? []), 16)
  }

  func testTheThirtyThirdQuoteIsAnErrorWhereItStarts() {
    let error = bodyError("Text.\n\n" + String(repeating: ">", count: 33) + " x\n")
    XCTAssertEqual(
      error?.description,
      "brief.md:6:33: error: markdown: expected lists and quotes nested at most 32 deep, found a quote 33 levels deep")
  }

  func testListsAndQuotesCountTogether() {
    XCTAssertEqual(
      bodyError(String(repeating: "> - ", count: 16) + "> x\n")?.found, "a quote 33 levels deep")
    XCTAssertEqual(
      bodyError(String(repeating: "- ", count: 40) + "x\n")?.description,
      "brief.md:4:65: error: markdown: expected lists and quotes nested at most 32 deep, found a list 33 levels deep")
  }

  func testEmphasisAndLinksDeeperThanThirtyTwoAreAnError() {
    let stars = String(repeating: "*", count: 66)
    XCTAssertEqual(
      bodyError(stars + "x" + stars + "\n")?.description,
      "brief.md:4:1: error: markdown: expected emphasis, links and images nested at most 32 deep, found strong emphasis 33 levels deep")
    // A link counts as a level: 32 strong emphases inside one are 33 levels.
    let inside = String(repeating: "*", count: 64)
    XCTAssertEqual(bodyError("[" + inside + "x" + inside + "](u)\n")?.found, "strong emphasis 33 levels deep")
    XCTAssertNoThrow(try parse(inside + "x" + inside + "\n"))
  }

  func testThousandsOfLevelsAreRefusedWithoutExhaustingTheStack() {
    // Each of these crashed the parser's recursion (SIGSEGV) before the limit.
    for body in [
      String(repeating: ">", count: 7000) + " x", String(repeating: "- ", count: 20000) + "x",
      String(repeating: "*", count: 30000) + "x" + String(repeating: "*", count: 30000),
    ] {
      XCTAssertNotNil(bodyError(body + "\n"), String(body.prefix(10)))
    }
  }
}
