import BriefScene

/// The texts around a chart's plot: title, subtitle, notes and source line.
public struct FrameText: Equatable, Sendable {
  public var title: String
  public var subtitle: String
  public var notes: [String]
  public var source: String

  public init(title: String, subtitle: String = "", notes: [String] = [], source: String = "") {
    self.title = title
    self.subtitle = subtitle
    self.notes = notes
    self.source = source
  }
}

/// Lays out the frame of a chart and hands back the area left for the plot.
///
/// Title and subtitle go at the top, notes and the source line at the foot,
/// each wrapped to the chart's width and measured by the backend's measurer.
public struct ChartFrame {
  /// The frame's texts, as primitives.
  public var primitives: [Primitive]
  /// The area between the header and the footer.
  public var plotArea: Rect

  public init(_ text: FrameText, size: Size, style: ChartStyle, measurer: TextMeasurer) throws {
    let m = style.margin
    let width = size.width - 2 * m
    guard width > 40, size.height - 2 * m > 40 else {
      throw ChartError.layout("the chart is too small (\(Int(size.width))×\(Int(size.height)) points) for its frame")
    }
    var prims: [Primitive] = []
    var y = m
    func place(_ s: String, _ ts: TextStyle, gapAfter: Double) throws {
      guard !s.isEmpty else { return }
      let item = TextItem(s, at: Point(m, y), style: ts, horizontal: .start, vertical: .top, maxWidth: width)
      let metrics = try measurer.measure(s, style: ts, maxWidth: width)
      prims.append(.text(item))
      y += metrics.height + gapAfter
    }
    try place(text.title, style.text(size: style.titleSize, weight: .semibold), gapAfter: 3)
    try place(text.subtitle, style.text(size: style.subtitleSize, color: style.mutedTextColor), gapAfter: 0)
    let top = y + style.labelSize * 1.2

    // Footer, bottom up: source line last.
    var bottom = size.height - m
    var footer: [Primitive] = []
    let noteStyle = style.text(size: style.noteSize, color: style.mutedTextColor)
    for s in ([text.source] + text.notes.reversed()) where !s.isEmpty {
      let metrics = try measurer.measure(s, style: noteStyle, maxWidth: width)
      bottom -= metrics.height
      footer.append(.text(TextItem(s, at: Point(m, bottom), style: noteStyle, horizontal: .start, vertical: .top, maxWidth: width)))
      bottom -= 2
    }
    if !footer.isEmpty { bottom -= style.noteSize }
    prims.append(.group(role: "header", Array(prims)))
    prims = [prims.removeLast()]
    if !footer.isEmpty { prims.append(.group(role: "footer", footer.reversed())) }

    guard bottom - top > 30 else {
      throw ChartError.layout("the title, notes and source leave no room for the plot; enlarge the chart or shorten them")
    }
    primitives = prims
    plotArea = Rect(x: m, y: top, width: width, height: bottom - top)
  }
}
