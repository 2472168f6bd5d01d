/// Which point of a text block its `position` names, horizontally.
public enum HorizontalAnchor: String, Sendable {
  case start, middle, end
}

/// Which point of a text block its `position` names, vertically.
public enum VerticalAnchor: String, Sendable {
  /// The top of the first line's box.
  case top
  /// The middle of the block.
  case middle
  /// The baseline of the first line.
  case baseline
  /// The bottom of the last line's box.
  case bottom
}

/// A styled stretch of a text item: a character range with its own weight,
/// slant, colour, or a raised (superscript) position.
public struct TextSpan: Equatable, Hashable, Sendable {
  /// The range, in Unicode scalars (characters as Swift's `unicodeScalars` counts them) from the text's start.
  public var start: Int
  public var end: Int
  public var weight: FontWeight?
  public var italic: Bool?
  public var color: Color?
  /// Drawn smaller and raised, for note markers.
  public var superscript: Bool
  /// A monospaced face, for code.
  public var monospace: Bool

  public init(
    start: Int, end: Int, weight: FontWeight? = nil, italic: Bool? = nil, color: Color? = nil, superscript: Bool = false,
    monospace: Bool = false
  ) {
    self.start = start
    self.end = end
    self.weight = weight
    self.italic = italic
    self.color = color
    self.superscript = superscript
    self.monospace = monospace
  }
}

/// A run of plain text placed in the scene. Text is never interpreted as markup;
/// styling within it comes from `spans`.
public struct TextItem: Equatable, Hashable, Sendable {
  public var text: String
  public var position: Point
  public var style: TextStyle
  public var horizontalAnchor: HorizontalAnchor
  public var verticalAnchor: VerticalAnchor
  /// Lines wrap at word boundaries to this width, when set.
  public var maxWidth: Double?
  /// Styled stretches over the base style.
  public var spans: [TextSpan]

  public init(
    _ text: String, at position: Point, style: TextStyle,
    horizontal: HorizontalAnchor = .start, vertical: VerticalAnchor = .baseline, maxWidth: Double? = nil,
    spans: [TextSpan] = []
  ) {
    self.text = text
    self.position = position
    self.style = style
    self.horizontalAnchor = horizontal
    self.verticalAnchor = vertical
    self.maxWidth = maxWidth
    self.spans = spans
  }
}

/// One line of a wrapped text block.
public struct TextLine: Equatable, Hashable, Sendable {
  /// The line's characters, in Unicode scalars from the text's start.
  public var start: Int
  public var end: Int
  /// The distance from the block's top to the line's baseline.
  public var baseline: Double
  /// The top and height of the line's box, from the block's top.
  public var top: Double
  public var height: Double

  public init(start: Int, end: Int, baseline: Double, top: Double, height: Double) {
    self.start = start
    self.end = end
    self.baseline = baseline
    self.top = top
    self.height = height
  }
}

/// The measured extent of a laid-out text block, in points.
public struct TextMetrics: Equatable, Hashable, Sendable {
  /// The width of the widest line's logical box.
  public var width: Double
  /// The height from the top of the first line to the bottom of the last.
  public var height: Double
  /// The distance from the top of the block to the first line's baseline.
  public var baseline: Double
  public var lineCount: Int

  public init(width: Double, height: Double, baseline: Double, lineCount: Int) {
    self.width = width
    self.height = height
    self.baseline = baseline
    self.lineCount = lineCount
  }
}

/// Measures text exactly as the renderer will draw it.
///
/// Layout code asks a measurer instead of guessing widths, so what it places
/// is what the backend draws.
public protocol TextMeasurer {
  /// Measures `text` in `style`, wrapped to `maxWidth` when given.
  func measure(_ text: String, style: TextStyle, maxWidth: Double?) throws -> TextMetrics
  /// Measures styled text; spans may change widths (bold, superscript).
  func measure(_ text: String, style: TextStyle, spans: [TextSpan], maxWidth: Double?) throws -> TextMetrics
  /// Breaks styled text into lines at `maxWidth`, as the renderer would.
  func lines(_ text: String, style: TextStyle, spans: [TextSpan], maxWidth: Double) throws -> [TextLine]
}

extension TextMeasurer {
  public func measure(_ text: String, style: TextStyle, spans: [TextSpan], maxWidth: Double?) throws -> TextMetrics {
    try measure(text, style: style, maxWidth: maxWidth)
  }

  /// The box a text item occupies once its anchors are applied.
  public func bounds(of item: TextItem) throws -> Rect {
    let m = try measure(item.text, style: item.style, spans: item.spans, maxWidth: item.maxWidth)
    return TextLayoutBox.frame(for: item, metrics: m)
  }
}

/// Converts an anchored text position and its metrics into the top-left of its box.
public enum TextLayoutBox {
  /// The rectangle occupied by `item` with the given metrics.
  public static func frame(for item: TextItem, metrics m: TextMetrics) -> Rect {
    let boxWidth = item.maxWidth.map { item.style.alignment == .left ? m.width : max($0, m.width) } ?? m.width
    let x: Double
    switch item.horizontalAnchor {
    case .start: x = item.position.x
    case .middle: x = item.position.x - boxWidth / 2
    case .end: x = item.position.x - boxWidth
    }
    let y: Double
    switch item.verticalAnchor {
    case .top: y = item.position.y
    case .middle: y = item.position.y - m.height / 2
    case .baseline: y = item.position.y - m.baseline
    case .bottom: y = item.position.y - m.height
    }
    return Rect(x: x, y: y, width: boxWidth, height: m.height)
  }
}
