import BriefModel
import XCTest

@testable import BriefDocument

/// Lists, quotes, emphasis and links may nest 32 deep, and a paragraph, heading, cell or block
/// of code may hold 100,000 characters; beyond is an error at the node, found without recursion.
final class BriefLimitsTests: XCTestCase {
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

  func testAParagraphOfAHundredThousandCharactersIsFineAndOneMoreIsNot() throws {
    XCTAssertEqual(BodyReader.maxTextLength, 100_000)
    let word = String(repeating: "a", count: 100_000)
    XCTAssertNoThrow(try parse("Intro.\n\n" + word + "\n"))
    XCTAssertEqual(
      bodyError("Intro.\n\n" + word + "é\n")?.description,
      "brief.md:6:1: error: markdown: expected a paragraph of at most 100,000 characters, found 100,001 characters")
    // Text is counted across emphasis and code spans (10 characters a piece; the last space is
    // dropped), in characters, not bytes.
    let pieces = String(repeating: "*abcd* `efgh` ", count: 10_001)
    XCTAssertEqual(bodyError(pieces + "\n")?.found, "100,009 characters")
    XCTAssertNoThrow(try parse(String(repeating: "é", count: 100_000) + "\n"))
  }

  func testHeadingsCellsAndCodeAreCountedEachOnItsOwn() {
    let long = String(repeating: "x", count: 100_001)
    XCTAssertEqual(bodyError("# " + long + "\n")?.expected, "a heading of at most 100,000 characters")
    XCTAssertEqual(
      bodyError("| a | b |\n| - | - |\n| c | " + long + " |\n")?.description,
      "brief.md:6:6: error: markdown: expected a table cell of at most 100,000 characters, found 100,001 characters")
    XCTAssertEqual(bodyError("```\n" + long + "\n```\n")?.found, "100,002 characters")
    // Many short paragraphs are fine together.
    XCTAssertNoThrow(try parse(String(repeating: String(repeating: "y", count: 50_000) + "\n\n", count: 4)))
  }
}
