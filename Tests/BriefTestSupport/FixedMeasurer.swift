import BriefScene

/// A text measurer with fixed metrics: every character is `0.5 × size` wide,
/// a line is `1.25 × size` tall with the baseline at `size`. Wraps at spaces.
///
/// Lets chart and document layout be tested with exact, hand-computed positions.
public struct FixedMeasurer: TextMeasurer {
  public init() {}

  public func measure(_ text: String, style: TextStyle, maxWidth: Double?) throws -> TextMetrics {
    let size = style.font.size
    let charWidth = 0.5 * size
    var lines: [Int] = []
    var current = 0
    for word in text.split(separator: " ", omittingEmptySubsequences: false) {
      let w = word.count
      if let maxWidth, current > 0, Double(current + 1 + w) * charWidth > maxWidth {
        lines.append(current)
        current = w
      } else {
        current += (current > 0 ? 1 : 0) + w
      }
    }
    lines.append(current)
    let width = Double(lines.max() ?? 0) * charWidth
    return TextMetrics(width: width, height: Double(lines.count) * 1.25 * size, baseline: size, lineCount: lines.count)
  }
}
