/// How a path's outline is drawn.
public struct StrokeStyle: Equatable, Hashable, Sendable {
  public enum Cap: String, Sendable { case butt, round, square }
  public enum Join: String, Sendable { case miter, round, bevel }

  public var color: Color
  public var width: Double
  /// Dash lengths in points, alternating on and off; empty for a solid line.
  public var dash: [Double]
  public var cap: Cap
  public var join: Join

  public init(color: Color, width: Double = 1, dash: [Double] = [], cap: Cap = .butt, join: Join = .miter) {
    self.color = color
    self.width = width
    self.dash = dash
    self.cap = cap
    self.join = join
  }
}

/// The weight of a font face.
public enum FontWeight: Int, Sendable, CaseIterable {
  case light = 300
  case regular = 400
  case medium = 500
  case semibold = 600
  case bold = 700
}

/// A font request: the renderer's text engine resolves it, with fallback for
/// scripts the first family lacks.
public struct Font: Equatable, Hashable, Sendable {
  /// Family names in order of preference, for example `["Inter", "NanumGothic"]`.
  public var families: [String]
  public var size: Double
  public var weight: FontWeight
  public var italic: Bool

  public init(families: [String], size: Double, weight: FontWeight = .regular, italic: Bool = false) {
    self.families = families
    self.size = size
    self.weight = weight
    self.italic = italic
  }

  public func with(size: Double? = nil, weight: FontWeight? = nil, italic: Bool? = nil) -> Font {
    Font(families: families, size: size ?? self.size, weight: weight ?? self.weight, italic: italic ?? self.italic)
  }
}

/// Horizontal alignment of lines within a wrapped text block.
public enum TextAlignment: String, Sendable {
  case left, center, right
  /// Flush left and right by stretching spaces; a block's last line stays left unless `justifyLastLine`.
  case justify
}

/// How a text block is drawn.
public struct TextStyle: Equatable, Hashable, Sendable {
  public var font: Font
  public var color: Color
  public var alignment: TextAlignment
  /// Line height as a multiple of the font's natural line height.
  public var lineSpacing: Double
  /// Whether digits take one width each, so numbers in columns line up.
  public var tabularFigures: Bool
  /// With `.justify`, stretch the last line too (for a line cut out of a justified paragraph).
  public var justifyLastLine: Bool = false

  public init(
    font: Font, color: Color, alignment: TextAlignment = .left, lineSpacing: Double = 1,
    tabularFigures: Bool = false
  ) {
    self.font = font
    self.color = color
    self.alignment = alignment
    self.lineSpacing = lineSpacing
    self.tabularFigures = tabularFigures
  }
}
