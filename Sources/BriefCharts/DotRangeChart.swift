import BriefModel
import BriefScene

/// A distribution chart: one row per value, a dot at its estimate and a line
/// across its interval, rows grouped under headings, each group's median marked.
///
/// An open end (a one-sided bound) runs to the axis edge with an arrow; a value
/// with no estimate (a bound) has no dot, only its line from the bound.
public struct DotRangeChart {
  public var id: String
  public var frame: FrameText
  public var data: [ChartDatum]
  public var tickSuffix: String

  public init(id: String, frame: FrameText, data: [ChartDatum], tickSuffix: String = "") {
    self.id = id
    self.frame = frame
    self.data = data
    self.tickSuffix = tickSuffix
  }

  enum Row { case heading(String), item(Int) }

  public func scene(size: Size? = nil, style: ChartStyle = .standard, measurer: TextMeasurer) throws -> Scene {
    let size = size ?? style.size
    guard !data.isEmpty else { throw ChartError.invalid(chart: id, phase: .select, message: "there are no values to draw") }
    // normalise: rows, with a heading before each new group.
    var rows: [Row] = []
    var groups: [(name: String?, members: [Int])] = []
    for (i, d) in data.enumerated() {
      if groups.last?.name != d.group || groups.isEmpty {
        groups.append((d.group, []))
        if let g = d.group { rows.append(.heading(g)) }
      }
      groups[groups.count - 1].members.append(i)
      rows.append(.item(i))
    }
    func low(_ d: ChartDatum) -> Double? { d.value.interval.low.flatMap { $0.isFinite ? $0 : nil } }
    func high(_ d: ChartDatum) -> Double? { d.value.interval.high.flatMap { $0.isFinite ? $0 : nil } }
    let finite = data.flatMap { [low($0), high($0), $0.value.estimate] }.compactMap { $0 }.filter(\.isFinite)
    guard !finite.isEmpty else { throw ChartError.invalid(chart: id, phase: .normalise, message: "no value has a finite bound") }

    var notes = frame.notes
    let hasMedian = Dictionary(grouping: data.filter { $0.value.estimate != nil }, by: \.group).values.contains { $0.count >= 3 }
    notes.append("Dots mark best estimates; lines span the values each report allows" + (hasMedian ? "; ▲ marks each group's median." : "."))
    if data.contains(where: { $0.value.interval.high == nil || $0.value.interval.low == nil }) {
      notes.append("An arrow means the report gives no limit on that side.")
    }
    let chartFrame: ChartFrame = try ChartError.inPhase(.frame, chart: id) {
      try ChartFrame(FrameText(title: frame.title, subtitle: frame.subtitle, notes: notes, source: frame.source), size: size, style: style, measurer: measurer)
    }
    let area = chartFrame.plotArea

    // scales
    let labelStyle = style.text(size: style.labelSize, alignment: .right)
    let headingStyle = style.text(size: style.labelSize, weight: .semibold)
    let valueStyle = style.text(size: style.tickSize, color: style.mutedTextColor, tabular: true)
    let tickHeight = try measurer.measure("0", style: style.text(size: style.tickSize), maxWidth: nil).height + 4
    var widest = 0.0
    for d in data { widest = max(widest, try measurer.measure(d.label, style: labelStyle, maxWidth: nil).width) }
    let labelColumn = min(widest, area.width * 0.3)
    var valueColumn = 0.0
    for d in data { valueColumn = max(valueColumn, try measurer.measure(style.localised(d.valueLabel), style: valueStyle, maxWidth: nil).width) }
    let plotLeft = area.minX + labelColumn + 10
    let plotRight = area.maxX - valueColumn - 12
    let plotBottom = area.maxY - tickHeight
    guard plotRight - plotLeft > 60 else {
      throw ChartError.invalid(chart: id, phase: .scales, message: "the labels leave no room for the values; widen the chart or shorten the labels")
    }
    let x = LinearScale(domain: (min(0, finite.min() ?? 0), max(0, finite.max() ?? 0)), range: (plotLeft, plotRight)).nice(count: 5)
    // Rows keep a comfortable height and sit at the top; a few rows do not spread over the whole plot.
    let rowStep = min((plotBottom - area.minY) / Double(rows.count), 3.6 * style.labelSize)
    let band = BandScale(count: rows.count, range: (area.minY, area.minY + rowStep * Double(rows.count)), padding: 0)
    var tallest = 0.0
    for d in data { tallest = max(tallest, try measurer.measure(d.label, style: labelStyle, maxWidth: labelColumn).height) }
    guard band.step >= max(6, tallest + 1) else {
      throw ChartError.invalid(chart: id, phase: .scales, message: "\(data.count) rows do not fit in \(Int(plotBottom - area.minY)) points; make the chart taller")
    }
    let axisBottom = band.end + 6
    var prims = ValueAxis(scale: x, count: 5, suffix: tickSuffix, style: style).primitives(top: area.minY, bottom: axisBottom, style: style)

    // marks
    let ink = style.palette.first ?? style.inkColor
    let line = StrokeStyle(color: ink, width: max(1.5, style.whiskerWidth), cap: .round)
    let r = min(4.5, band.step * 0.3)
    var marks: [Primitive] = []
    var labels: [Primitive] = []
    var centers: [Int: Double] = [:]
    for (ri, row) in rows.enumerated() {
      let cy = band.center(ri)
      switch row {
      case .heading(let g):
        labels.append(.text(TextItem(g, at: Point(area.minX, cy), style: headingStyle, horizontal: .start, vertical: .middle)))
      case .item(let i):
        centers[i] = cy
        let d = data[i]
        var parts: [Primitive] = []
        let x0 = low(d).map(x.map) ?? plotLeft
        let x1 = high(d).map(x.map) ?? plotRight
        parts.append(.line(from: Point(x0, cy), to: Point(x1, cy), line))
        if high(d) == nil { parts.append(arrow(at: plotRight + 6, cy: cy, dir: 1, color: ink)) }
        if low(d) == nil, d.value.interval.low == nil { parts.append(arrow(at: plotLeft - 6, cy: cy, dir: -1, color: ink)) }
        if let e = d.value.estimate, e.isFinite {
          parts.append(.fill(.circle(center: Point(x.map(e), cy), radius: r), ink))
          parts.append(.stroke(.circle(center: Point(x.map(e), cy), radius: r), StrokeStyle(color: style.background, width: 1)))
        } else {
          // A bound: a short bar across the line at the bound.
          let b = d.value.interval.low != nil ? x0 : x1
          parts.append(.line(from: Point(b, cy - r), to: Point(b, cy + r), StrokeStyle(color: ink, width: 2)))
        }
        marks.append(.group(role: "row", parts))
        labels.append(.text(TextItem(d.label, at: Point(plotLeft - 10, cy), style: labelStyle, horizontal: .end, vertical: .middle, maxWidth: labelColumn)))
        labels.append(.text(TextItem(style.localised(d.valueLabel), at: Point(area.maxX, cy), style: valueStyle, horizontal: .end, vertical: .middle)))
      }
    }
    // guides: each group's median of estimates, a triangle under its rows.
    var medians: [Primitive] = []
    for g in groups {
      let estimates = g.members.compactMap { data[$0].value.estimate }.filter(\.isFinite).sorted()
      // A median of two values says nothing the two dots do not; it is marked from three values up.
      guard estimates.count >= 3, let top = g.members.compactMap({ centers[$0] }).min(), let bottom = g.members.compactMap({ centers[$0] }).max() else { continue }
      let n = estimates.count
      let median = n % 2 == 1 ? estimates[n / 2] : (estimates[n / 2 - 1] + estimates[n / 2]) / 2
      let mx = x.map(median)
      medians.append(.line(from: Point(mx, top - band.step / 2 + 2), to: Point(mx, bottom + band.step / 2 - 2), StrokeStyle(color: style.mutedTextColor, width: 1, dash: [2, 2])))
      medians.append(.fill(.polyline([Point(mx, bottom + band.step / 2 - 1), Point(mx - 4, bottom + band.step / 2 + 5), Point(mx + 4, bottom + band.step / 2 + 5)], closed: true), style.mutedTextColor))
    }
    prims.append(.group(role: "medians", medians))
    prims.append(.group(role: "rows", marks))
    prims.append(.group(role: "labels", labels))
    prims.append(contentsOf: chartFrame.primitives)
    let alt = "Dot-and-range chart. \(frame.title). " + data.map { "\($0.label): \($0.valueLabel)" }.joined(separator: "; ") + ". " + frame.source
    return Scene(size: size, background: style.background, primitives: prims, metadata: SceneMetadata(title: frame.title, keywords: ["BriefKit", id], altText: alt, sourceLine: frame.source))
  }

  func arrow(at tip: Double, cy: Double, dir: Double, color: Color) -> Primitive {
    .fill(.polyline([Point(tip, cy), Point(tip - dir * 6, cy - 3.5), Point(tip - dir * 6, cy + 3.5)], closed: true), color)
  }
}
