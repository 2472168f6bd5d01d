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
    // The largest figure size, up to 2.6 × the title size, that fits the width and the height left.
    var figureSize = style.titleSize * 2.6
    let room = size.height - 2 * pad - labelH - noteH - 10
    while figureSize > style.labelSize {
      let m = try measurer.measure(figureText, style: style.text(size: figureSize, weight: .bold, tabular: true), maxWidth: nil)
      if m.width <= width && m.height <= room { break }
      figureSize -= 1
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
