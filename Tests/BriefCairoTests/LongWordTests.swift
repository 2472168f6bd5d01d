import BriefScene
import XCTest

@testable import BriefCairo

/// Runs of characters Pango may not break are given a place to break when they are too long
/// to wrap in linear time; the lines still cover the text asked for, offset for offset.
final class LongWordTests: XCTestCase {
  let style = TextStyle(font: Font(families: ["Inter"], size: 10), color: .black)

  func testShortWordsAndLongTextsWithSpacesAreLaidOutAsGiven() {
    let url = "https://example.org/" + String(repeating: "x", count: 200)
    XCTAssertEqual(PangoTextEngine.breakingLongRuns(url).1, [])
    let prose = String(repeating: "workers abroad ", count: 100)
    XCTAssertEqual(PangoTextEngine.breakingLongRuns(prose).0, prose)
    // Exactly the limit is still a word.
    XCTAssertEqual(PangoTextEngine.breakingLongRuns(String(repeating: "a", count: 256)).1, [])
  }

  func testARunOverTheLimitGetsAZeroWidthSpaceEverySixteenCharacters() {
    let (text, inserted) = PangoTextEngine.breakingLongRuns("Go " + String(repeating: "a", count: 257) + " now")
    XCTAssertEqual(inserted, Array(stride(from: 3 + 16, to: 3 + 257, by: 16)))
    XCTAssertEqual(text.unicodeScalars.filter { $0 == "\u{200B}" }.count, 16)
    XCTAssertEqual(text.replacingOccurrences(of: "\u{200B}", with: ""), "Go " + String(repeating: "a", count: 257) + " now")
  }

  func testRunsArePangosNotJustSpaceless() {
    // Brackets around a letter allow no break (UAX #14: none after "[", none before "]")...
    let brackets = String(repeating: "[", count: 200) + "x" + String(repeating: "]", count: 200)
    XCTAssertEqual(PangoTextEngine.breakingLongRuns(brackets).1.count, 25)
    // ...while Chinese may break between any two characters: no run is long.
    XCTAssertEqual(PangoTextEngine.breakingLongRuns(String(repeating: "工人", count: 300)).1, [])
  }

  func testTheLinesOfALongWordCoverItAndMapBackToItsOffsets() throws {
    let engine = try PangoTextEngine()
    let word = String(repeating: "abcdefghij", count: 500)
    let text = "Before " + word + " after."
    let lines = try engine.lines(text, style: style, spans: [TextSpan(start: 7, end: 5007, italic: true)], maxWidth: 200)
    XCTAssertGreaterThan(lines.count, 20)
    XCTAssertEqual(lines.first?.start, 0)
    XCTAssertEqual(lines.last?.end, text.unicodeScalars.count)
    for (line, next) in zip(lines, lines.dropFirst()) {
      XCTAssertEqual(line.end, next.start)
      XCTAssertLessThan(line.start, line.end)
    }
    // Every line of the word but its last is filled to within a piece of the width.
    let scalars = Array(text.unicodeScalars)
    for line in lines.dropFirst().dropLast(2) {
      let piece = String(String.UnicodeScalarView(scalars[line.start..<line.end]))
      let width = try engine.measure(piece, style: style, maxWidth: nil).width
      XCTAssertLessThanOrEqual(width, 200.01)
      XCTAssertGreaterThan(width, 200 - 16 * style.font.size * 0.7)
    }
  }
}
