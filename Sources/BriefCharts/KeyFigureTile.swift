import BriefModel
import BriefScene

/// One figure in large type with its label and source: the top of a brief.
public struct KeyFigureTile {
  public var id: String
  public var frame: FrameText
  public var datum: ChartDatum

  public init(id: String, frame: FrameText, datum: ChartDatum) {
    self.id = id
    self.frame = frame
    self.datum = datum
  }

  /// The default tile size, in points, in the default style.
  public static let defaultSize = Size(width: 220, height: 130)

  /// The default size scaled to a style's type size.
  public static func defaultSize(for style: ChartStyle) -> Size {
    let f = style.labelSize / ChartStyle.standard.labelSize
    return Size(width: (defaultSize.width * f).rounded(), height: (defaultSize.height * f).rounded())
  }

  public func scene(size: Size? = nil, style: ChartStyle = .standard, measurer: TextMeasurer) throws -> Scene {
    let size = size ?? Self.defaultSize(for: style)
    let pad = min(14, style.margin)
    let width = size.width - 2 * pad
    guard width > 40, size.height > 60 else {
      throw ChartError.invalid(chart: id, phase: .frame, message: "a tile of \(Int(size.width))×\(Int(size.height)) points is too small")
    }
    let accent = style.palette.first ?? style.inkColor
    let figureText = style.localised(datum.valueLabel) + (datum.unit.isEmpty || datum.unit == "%" ? "" : " " + datum.unit)
    let labelStyle = style.text(size: style.labelSize, color: style.textColor)
    let noteStyle = style.text(size: style.noteSize, color: style.mutedTextColor)
    let title = frame.title.isEmpty ? datum.label : frame.title
    let labelH = try measurer.measure(title, style: labelStyle, maxWidth: width).height
    let noteH = frame.source.isEmpty ? 0 : try measurer.measure(frame.source, style: noteStyle, maxWidth: width).height
    // The largest figure size, up to 2.6 × the title size in steps of 1 pt, that fits the width and the height left.
    // Unhinted text grows in proportion to its size, so one measurement predicts the answer and one or two
    // more confirm it: every size tried is a new font to look up, which is what costs.
    let largest = style.titleSize * 2.6
    let room = size.height - 2 * pad - labelH - noteH - 10
    func fits(_ s: Double) throws -> (Bool, TextMetrics) {
      let m = try measurer.measure(figureText, style: style.text(size: s, weight: .bold, tabular: true), maxWidth: nil)
      return (m.width <= width && m.height <= room, m)
    }
    var figureSize = largest
    let (fitsLargest, m0) = try fits(largest)
    if !fitsLargest {
      let ratio = min(m0.width > 0 ? width / m0.width : 1, m0.height > 0 ? room / m0.height : 1)
      let steps = ratio.isFinite ? max(1, min(largest, (largest * (1 - max(0, ratio))).rounded(.up))) : largest
      figureSize = largest - steps
      if figureSize > style.labelSize, try fits(figureSize).0 {
        // The prediction fits: a size one step larger might too.
        while figureSize + 1 < largest, try fits(figureSize + 1).0 { figureSize += 1 }
      } else {
        while figureSize > style.labelSize, try !fits(figureSize).0 { figureSize -= 1 }
      }
    }
    guard figureSize > style.labelSize else {
      throw ChartError.invalid(chart: id, phase: .marks, message: "the figure \(figureText) does not fit a \(Int(size.width))×\(Int(size.height)) tile")
    }
    let figureStyle = style.text(size: figureSize, weight: .bold, color: accent, tabular: true)
    let figureH = try measurer.measure(figureText, style: figureStyle, maxWidth: nil).height
    var prims: [Primitive] = [
      .rect(Rect(x: 0, y: 0, width: 4, height: size.height), accent),
      .text(TextItem(figureText, at: Point(pad, pad), style: figureStyle, vertical: .top)),
      .text(TextItem(title, at: Point(pad, pad + figureH + 4), style: labelStyle, vertical: .top, maxWidth: width)),
    ]
    if !frame.source.isEmpty {
      prims.append(.text(TextItem(frame.source, at: Point(pad, size.height - pad), style: noteStyle, vertical: .bottom, maxWidth: width)))
    }
    let alt = "Key figure. \(title): \(figureText). \(frame.source)"
    return Scene(
      size: size, background: style.background, primitives: [.group(role: "tile", prims)],
      metadata: SceneMetadata(title: title, keywords: ["BriefKit", id], altText: alt, sourceLine: frame.source))
  }
}
