import BriefScene

/// A text measurer with fixed metrics: every character is `0.5 × size` wide,
/// a line is `1.25 × size` tall with the baseline at `size`. Wraps at spaces;
/// an explicit newline always breaks. Spans do not change widths.
///
/// Lets chart and document layout be tested with exact, hand-computed positions.
public struct FixedMeasurer: TextMeasurer {
  public init() {}

  public func measure(_ text: String, style: TextStyle, maxWidth: Double?) throws -> TextMetrics {
    let size = style.font.size
    let lines = wrap(text, size: size, maxWidth: maxWidth)
    let width = Double(lines.map { $0.1 - $0.0 }.max() ?? 0) * 0.5 * size
    return TextMetrics(width: width, height: Double(lines.count) * 1.25 * size, baseline: size, lineCount: lines.count)
  }

  public func lines(_ text: String, style: TextStyle, spans: [TextSpan], maxWidth: Double) throws -> [TextLine] {
    let size = style.font.size
    return wrap(text, size: size, maxWidth: maxWidth).enumerated().map { i, r in
      TextLine(start: r.0, end: r.2, baseline: Double(i) * 1.25 * size + size, top: Double(i) * 1.25 * size, height: 1.25 * size)
    }
  }

  /// Lines as (start, end of visible text, end including the break) in scalar offsets.
  func wrap(_ text: String, size: Double, maxWidth: Double?) -> [(Int, Int, Int)] {
    let scalars = Array(text.unicodeScalars)
    let charWidth = 0.5 * size
    var lines: [(Int, Int, Int)] = []
    var lineStart = 0
    var i = 0
    var lastBreak: Int?
    while i < scalars.count {
      let c = scalars[i]
      if c == "\n" {
        lines.append((lineStart, i, i + 1))
        lineStart = i + 1
        lastBreak = nil
      } else {
        if c == " " { lastBreak = i }
        if let maxWidth, Double(i + 1 - lineStart) * charWidth > maxWidth + 1e-9, let b = lastBreak, b > lineStart {
          lines.append((lineStart, b, b + 1))
          lineStart = b + 1
          lastBreak = nil
        }
      }
      i += 1
    }
    lines.append((lineStart, scalars.count, scalars.count))
    return lines
  }
}
