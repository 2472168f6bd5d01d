import BriefModel
import BriefScene

/// 100% stacked bars: for each row, the share reported or derived (for example
/// what a worker keeps) against the rest (what is taken), on a 0–100% axis.
///
/// The share's uncertainty is drawn as a whisker across the boundary; an upper
/// bound ("<10%") is an outlined segment to the bound. Both parts are labelled
/// in words, so the meaning never rests on colour.
public struct StackedShareChart {
  public var id: String
  public var frame: FrameText
  public var data: [ChartDatum]
  public var parts: (String, String)

  public init(id: String, frame: FrameText, data: [ChartDatum], parts: (String, String)) {
    self.id = id
    self.frame = frame
    self.data = data
    self.parts = parts
  }

  public func scene(size: Size? = nil, style: ChartStyle = .standard, measurer: TextMeasurer) throws -> Scene {
    let size = size ?? style.size
    guard !data.isEmpty else { throw ChartError.invalid(chart: id, phase: .select, message: "there are no shares to draw") }
    for d in data where !(d.unit == "%" || d.value.isPercent) {
      throw ChartError.invalid(chart: id, phase: .normalise, message: "\(d.label): a stacked share needs a percentage, found unit \"\(d.unit)\"")
    }
    var notes = frame.notes
    if data.contains(where: { $0.value.kind == .lessThan || $0.value.kind == .atMost }) {
      notes.append("An outlined segment is an upper bound: the share is at most that large.")
    }
    if data.contains(where: { !$0.value.interval.isPoint && $0.value.estimate != nil }) {
      notes.append("Whiskers show the range of values the figures allow.")
    }
    let chartFrame: ChartFrame = try ChartError.inPhase(.frame, chart: id) {
      try ChartFrame(FrameText(title: frame.title, subtitle: frame.subtitle, notes: notes, source: frame.source), size: size, style: style, measurer: measurer)
    }
    let area = chartFrame.plotArea
    let labelStyle = style.text(size: style.labelSize, alignment: .right)
    let legendStyle = style.text(size: style.tickSize, color: style.mutedTextColor)
    var widest = 0.0
    for d in data { widest = max(widest, try measurer.measure(d.label, style: labelStyle, maxWidth: nil).width) }
    let labelColumn = min(widest, area.width * 0.3)
    let legendHeight = try measurer.measure(parts.0, style: legendStyle, maxWidth: nil).height + 8
    let tickHeight = try measurer.measure("0", style: style.text(size: style.tickSize), maxWidth: nil).height + 4
    let plotLeft = area.minX + labelColumn + 10, plotRight = area.maxX - 8
    let plotTop = area.minY + legendHeight, plotBottom = area.maxY - tickHeight
    guard plotRight - plotLeft > 60, plotBottom - plotTop > 20 else {
      throw ChartError.invalid(chart: id, phase: .scales, message: "the labels leave no room for the bars; enlarge the chart")
    }
    let x = LinearScale(domain: (0, 100), range: (plotLeft, plotRight))
    let band = BandScale(count: data.count, range: (plotTop, plotBottom), padding: 0.4)
    var prims = ValueAxis(scale: x, count: 5, suffix: "%", style: style).primitives(top: plotTop, bottom: plotBottom, style: style)
    let shown = style.palette.first ?? style.inkColor
    let rest = style.gridColor
    let t = min(band.bandwidth, 30)
    var bars: [Primitive] = []
    var labels: [Primitive] = []
    let inside = style.text(size: style.tickSize, weight: .semibold, color: style.textColor)
    for (i, d) in data.enumerated() {
      let cy = band.center(i), y0 = cy - t / 2
      let bound = d.value.estimate == nil
      let v = min(100, max(0, d.value.estimate ?? d.value.interval.high ?? d.value.interval.low ?? 0))
      let xv = x.map(v)
      var parts: [Primitive] = [.rect(Rect(x: xv, y: y0, width: plotRight - xv, height: t), rest)]
      if bound {
        parts.append(.rect(Rect(x: plotLeft, y: y0, width: xv - plotLeft, height: t), shown.withAlpha(0.14)))
        parts.append(.stroke(.rect(Rect(x: plotLeft + 0.6, y: y0 + 0.6, width: max(0, xv - plotLeft - 1.2), height: t - 1.2)), StrokeStyle(color: shown, width: 1.2, dash: [3, 2])))
      } else {
        parts.append(.rect(Rect(x: plotLeft, y: y0, width: xv - plotLeft, height: t), shown))
        if let lo = d.value.interval.low, let hi = d.value.interval.high, lo < hi {
          let a = x.map(max(0, lo)), b = x.map(min(100, hi))
          let ink = StrokeStyle(color: style.inkColor, width: style.whiskerWidth)
          parts.append(.line(from: Point(a, cy), to: Point(b, cy), ink))
          parts.append(.line(from: Point(a, cy - t * 0.25), to: Point(a, cy + t * 0.25), ink))
          parts.append(.line(from: Point(b, cy - t * 0.25), to: Point(b, cy + t * 0.25), ink))
        }
      }
      bars.append(.group(role: "bar", parts))
      labels.append(.text(TextItem(d.label, at: Point(plotLeft - 10, cy), style: labelStyle, horizontal: .end, vertical: .middle, maxWidth: labelColumn)))
      // The shown part's value, above the bar at its end; the rest's share inside the grey part.
      var restText = bound ? "\(parts_(1)) >\(style.localised(NumberFormat.plain(100 - v)))%" : "\(parts_(1)) \(style.localised(NumberFormat.plain(100 - v, maxDecimals: 1)))%"
      if !bound, let lo = d.value.interval.low, let hi = d.value.interval.high, lo < hi {
        // The rest's range mirrors the share's: 100 minus its high end to 100 minus its low end.
        let a = NumberFormat.significant(100 - min(100, hi), digits: 3, .down), b = NumberFormat.significant(100 - max(0, lo), digits: 3, .up)
        restText += " (\(style.localised(NumberFormat.plain(a, maxDecimals: 1)))–\(style.localised(NumberFormat.plain(b, maxDecimals: 1)))%)" + (d.derived ? "†" : "")
      }
      labels.append(.text(TextItem("\(parts_(0)) \(style.localised(d.valueLabel))", at: Point(plotLeft, y0 - 2), style: inside, horizontal: .start, vertical: .bottom)))
      labels.append(.text(TextItem(restText, at: Point(plotRight - 6, cy), style: inside, horizontal: .end, vertical: .middle)))
    }
    func legendSwatch(_ x0: Double, _ c: Color, _ text: String) throws -> (Primitive, Primitive, Double) {
      let w = try measurer.measure(text, style: legendStyle, maxWidth: nil).width
      return (.rect(Rect(x: x0, y: area.minY + 2, width: 10, height: 10), c), .text(TextItem(text, at: Point(x0 + 14, area.minY + 7), style: legendStyle, vertical: .middle)), x0 + 14 + w + 14)
    }
    let (s1, t1, next) = try legendSwatch(plotLeft, shown, parts.0)
    let (s2, t2, _) = try legendSwatch(next, rest, parts.1)
    prims.append(.group(role: "legend", [s1, t1, s2, t2]))
    prims.append(.group(role: "bars", bars))
    prims.append(.group(role: "labels", labels))
    prims.append(contentsOf: chartFrame.primitives)
    let alt = "100% stacked bar chart. \(frame.title). " + data.map { "\($0.label): \(parts.0.lowercased()) \($0.valueLabel)" }.joined(separator: "; ") + ". " + frame.source
    return Scene(size: size, background: style.background, primitives: prims, metadata: SceneMetadata(title: frame.title, keywords: ["BriefKit", id], altText: alt, sourceLine: frame.source))

    func parts_(_ i: Int) -> String { i == 0 ? parts.0 : parts.1 }
  }
}
