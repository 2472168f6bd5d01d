import BriefScene
import XCTest

@testable import BriefDocument

/// Slicing lines out of rich text: the slice's characters without trailing spaces, its spans
/// shifted and its notes, found without walking the whole text per line.
final class RichTextTests: XCTestCase {
  /// The slice as the first version computed it, from every span and note.
  func reference(_ rich: RichText, _ start: Int, _ end: Int) -> (String, [TextSpan], [Int]) {
    let scalars = Array(rich.text.unicodeScalars)
    var e = min(end, scalars.count)
    let s = min(max(0, start), e)
    while e > s, scalars[e - 1] == " " || scalars[e - 1] == "\n" { e -= 1 }
    let shifted = rich.spans.compactMap { span -> TextSpan? in
      let a = max(span.start, s), b = min(span.end, e)
      guard a < b else { return nil }
      var copy = span
      copy.start = a - s
      copy.end = b - s
      return copy
    }
    let notes = rich.notes.filter { $0.offset >= s && $0.offset < max(e, s + 1) }.map(\.number)
    return (String(String.UnicodeScalarView(scalars[s..<e])), shifted, notes)
  }

  func testSlicesMatchTheReferenceEverywhere() {
    var rich = RichText()
    for k in 0..<12 {
      rich.append("plain é \(k) ", RichText.State())
      rich.append("strong\(k)", RichText.State(weight: .semibold))
      if k % 3 == 0 { rich.appendNote(k + 1, color: nil) }
      rich.append(k % 4 == 0 ? "\n" : " ", RichText.State(italic: true))
    }
    XCTAssertEqual(rich.length, rich.text.unicodeScalars.count)
    for start in stride(from: 0, through: rich.length, by: 3) {
      for end in stride(from: start, through: rich.length + 2, by: 5) {
        let (text, spans, notes) = rich.slice(start, end)
        let expected = reference(rich, start, end)
        XCTAssertEqual(text, expected.0, "\(start)..<\(end)")
        XCTAssertEqual(spans, expected.1, "\(start)..<\(end)")
        XCTAssertEqual(notes, expected.2, "\(start)..<\(end)")
      }
    }
  }
}
