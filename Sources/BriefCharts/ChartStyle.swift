import BriefScene

/// The look of a chart: fonts, colours, sizes and spacing.
///
/// Every chart draws from one style, so a brief's charts match. The style files
/// in `styles/` set these values; a chart spec may override them.
public struct ChartStyle: Equatable, Sendable {
  public var size: Size
  public var background: Color
  /// Font families in order of preference; the later ones cover scripts the first lacks (Hangul).
  public var fontFamilies: [String]

  public var titleSize: Double
  public var subtitleSize: Double
  public var labelSize: Double
  public var tickSize: Double
  public var noteSize: Double

  public var textColor: Color
  public var mutedTextColor: Color
  public var gridColor: Color
  public var axisColor: Color
  /// Colours of data marks, in order; the first is the main series.
  public var palette: [Color]
  /// The colour of whiskers, arrows and outlines drawn over marks.
  public var inkColor: Color

  /// Space between the canvas edge and the chart, in points.
  public var margin: Double
  public var gridWidth: Double
  public var whiskerWidth: Double
  /// How numbers are written: the thousands separator and the decimal mark.
  public var thousandsSeparator: String = ","
  public var decimalMark: String = "."
  /// Month names on date axes: "Jan" or "January".
  public var longMonthNames: Bool = false

  public init(
    size: Size, background: Color, fontFamilies: [String], titleSize: Double, subtitleSize: Double,
    labelSize: Double, tickSize: Double, noteSize: Double, textColor: Color, mutedTextColor: Color,
    gridColor: Color, axisColor: Color, palette: [Color], inkColor: Color, margin: Double,
    gridWidth: Double, whiskerWidth: Double
  ) {
    self.size = size
    self.background = background
    self.fontFamilies = fontFamilies
    self.titleSize = titleSize
    self.subtitleSize = subtitleSize
    self.labelSize = labelSize
    self.tickSize = tickSize
    self.noteSize = noteSize
    self.textColor = textColor
    self.mutedTextColor = mutedTextColor
    self.gridColor = gridColor
    self.axisColor = axisColor
    self.palette = palette
    self.inkColor = inkColor
    self.margin = margin
    self.gridWidth = gridWidth
    self.whiskerWidth = whiskerWidth
  }

  /// The on-screen default: Inter with Nanum Gothic for Hangul, a colour-blind-safe palette.
  public static let standard = ChartStyle(
    size: Size(width: 640, height: 400),
    background: .white,
    fontFamilies: ["Inter", "NanumGothic"],
    titleSize: 15, subtitleSize: 10.5, labelSize: 9.5, tickSize: 8.5, noteSize: 7.5,
    textColor: rgb(0x1A, 0x1A, 0x1A), mutedTextColor: rgb(0x5C, 0x5C, 0x5C),
    gridColor: rgb(0xE1, 0xE1, 0xE1), axisColor: rgb(0x8C, 0x8C, 0x8C),
    // Okabe–Ito: blue, vermillion, bluish green, orange, reddish purple, sky blue, yellow.
    palette: [
      rgb(0x00, 0x72, 0xB2), rgb(0xD5, 0x5E, 0x00), rgb(0x00, 0x9E, 0x73), rgb(0xE6, 0x9F, 0x00),
      rgb(0xCC, 0x79, 0xA7), rgb(0x56, 0xB4, 0xE9), rgb(0xF0, 0xE4, 0x42),
    ],
    inkColor: rgb(0x1A, 0x1A, 0x1A),
    margin: 20, gridWidth: 0.6, whiskerWidth: 1.4)

  /// A number text made by `NumberFormat` ("1,300.5"), with this style's separators.
  public func localised(_ number: String) -> String {
    if thousandsSeparator == "," && decimalMark == "." { return number }
    var out = ""
    for ch in number {
      switch ch {
      case ",": out += thousandsSeparator
      case ".": out += decimalMark
      default: out.append(ch)
      }
    }
    return out
  }

  /// A text style in this chart style's fonts.
  public func text(
    size: Double, weight: FontWeight = .regular, color: Color? = nil, alignment: TextAlignment = .left,
    tabular: Bool = false
  ) -> TextStyle {
    TextStyle(
      font: Font(families: fontFamilies, size: size, weight: weight), color: color ?? textColor,
      alignment: alignment, lineSpacing: 1, tabularFigures: tabular)
  }
}

private func rgb(_ r: Int, _ g: Int, _ b: Int) -> Color {
  Color(red: Double(r) / 255, green: Double(g) / 255, blue: Double(b) / 255)
}
