import BriefScene

/// The page layout of a brief: paper size, margins and body text.
public struct PageStyle: Equatable, Sendable {
  public var size: Size
  /// The same margin on every side, in points.
  public var margin: Double
  public var bodySize: Double
  /// Line height as a multiple of the font's.
  public var lineSpacing: Double
  /// Paragraphs justified (true) or ragged right.
  public var justify: Bool
  /// Headings numbered 1, 1.1, 1.2, 2 …
  public var numberHeadings: Bool

  public init(size: Size, margin: Double, bodySize: Double, lineSpacing: Double = 1.3, justify: Bool = false, numberHeadings: Bool = true) {
    self.size = size
    self.margin = margin
    self.bodySize = bodySize
    self.lineSpacing = lineSpacing
    self.justify = justify
    self.numberHeadings = numberHeadings
  }

  /// The width between the margins.
  public var textWidth: Double { size.width - 2 * margin }

  /// The narrowest a column of body text may be: four ems of its type, half a dozen characters
  /// a line. Narrower, words break every few letters; at nothing, Pango cannot lay text out at all.
  /// A page's text must be this wide, and lists and quotes may not indent text narrower.
  public var narrowestText: Double { bodySize * 4 }

  /// A4 with 56 pt margins and 10 pt body text.
  public static let a4 = PageStyle(size: Size(width: 595.28, height: 841.89), margin: 56, bodySize: 10)
}
