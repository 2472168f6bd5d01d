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
  /// Which rows carry labels.
  public var categoryLabels: CategoryLabels

  public init(id: String, frame: FrameText, data: [ChartDatum], tickSuffix: String = "", categoryLabels: CategoryLabels = .all) {
    self.categoryLabels = categoryLabels
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
    // A thinned chart says which rows are labelled; the note takes room, so the layout is redone with it.
    let (chartFrame, placed) = try ThinnedLabels.settle(chart: id) { every -> ((ChartFrame, RowLayout), Int) in
      let chartFrame = try ChartError.inPhase(.frame, chart: id) {
        try ChartFrame(
          FrameText(title: frame.title, subtitle: frame.subtitle, notes: notes + ThinnedLabels.notes(every: every, count: data.count, noun: "rows"), source: frame.source),
          size: size, style: style, measurer: measurer)
      }
      let layout = try layoutRows(rows, finite: finite, area: chartFrame.plotArea, style: style, measurer: measurer, announced: every)
      return ((chartFrame, layout), layout.every)
    }
    let area = chartFrame.plotArea
    let (x, band, every, plotLeft, plotRight) = (placed.x, placed.band, placed.every, placed.plotLeft, placed.plotRight)
    let labelStyle = style.text(size: style.labelSize, alignment: .right)
    let headingStyle = style.text(size: style.labelSize, weight: .semibold)
    let valueStyle = style.text(size: style.tickSize, color: style.mutedTextColor, tabular: true)
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
          // A white ring sets the dot off its line; on rows too thin for it, a thinner ring, or the ring would hide the dot.
          parts.append(.stroke(.circle(center: Point(x.map(e), cy), radius: r), StrokeStyle(color: style.background, width: min(1, r / 2))))
        } else {
          // A bound: a short bar across the line at the bound.
          let b = d.value.interval.low != nil ? x0 : x1
          parts.append(.line(from: Point(b, cy - r), to: Point(b, cy + r), StrokeStyle(color: ink, width: 2)))
        }
        marks.append(.group(role: "row", parts))
        guard i % every == 0 else { continue }
        if every > 1 {
          labels.append(ThinnedLabels.tick(plotLeft: plotLeft, y: cy, style: style))
        }
        labels.append(.text(TextItem(d.label, at: Point(plotLeft - 10, cy), style: labelStyle, horizontal: .end, vertical: .middle, maxWidth: placed.labelWrap)))
        if every == 1 {
          labels.append(.text(TextItem(style.localised(d.valueLabel), at: Point(area.maxX, cy), style: valueStyle, horizontal: .end, vertical: .middle)))
        }
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
    let alt = "Dot-and-range chart. \(frame.title). " + ThinnedLabels.altList(data.lazy.map { "\($0.label): \($0.valueLabel)" }) + ". " + frame.source
    return Scene(size: size, background: style.background, primitives: prims, metadata: SceneMetadata(title: frame.title, keywords: ["BriefKit", id], altText: alt, sourceLine: frame.source))
  }

  /// Where rows, labels and the value scale go in a plot area.
  struct RowLayout {
    var x: LinearScale
    var band: BandScale
    /// Every `every`-th row is labelled.
    var every: Int
    var plotLeft: Double
    var plotRight: Double
    /// The width row labels wrap to, or nil when they all fit on their lines.
    var labelWrap: Double?
  }

  /// Labels no more often than every `announced`-th row (the stride the notes name).
  func layoutRows(_ rows: [Row], finite: [Double], area: Rect, style: ChartStyle, measurer: TextMeasurer, announced: Int = 1) throws -> RowLayout {
    let labelStyle = style.text(size: style.labelSize, alignment: .right)
    let valueStyle = style.text(size: style.tickSize, color: style.mutedTextColor, tabular: true)
    let tickHeight = try measurer.measure("0", style: style.text(size: style.tickSize), maxWidth: nil).height + 4
    let plotBottom = area.maxY - tickHeight
    let lineHeight = try measurer.measure("0", style: labelStyle, maxWidth: nil).height
    // Rows keep a comfortable height and sit at the top; a few rows do not spread over the whole plot.
    let rowStep = min((plotBottom - area.minY) / Double(rows.count), 3.6 * style.labelSize)
    // With thinned labels only every `every`-th row is labelled (and measured), and no values are written.
    let rowLabels = try ThinnedLabels.rowLabels(
      categoryLabels, chart: id, labels: data.map(\.label), style: labelStyle, measurer: measurer, rows: rows.count,
      hasHeadings: rows.contains { if case .heading = $0 { true } else { false } },
      plotHeight: rowStep * Double(rows.count), lineHeight: lineHeight, minimum: announced, maxColumn: area.width * 0.3)
    let (every, labelColumn, tallest) = (rowLabels.every, rowLabels.column, rowLabels.tallest)
    var valueColumn = 0.0
    for d in data where every == 1 { valueColumn = max(valueColumn, try measurer.measure(style.localised(d.valueLabel), style: valueStyle, maxWidth: nil).width) }
    let plotLeft = area.minX + labelColumn + 10
    let plotRight = area.maxX - valueColumn - 12
    guard plotRight - plotLeft > 60 else {
      throw ChartError.invalid(chart: id, phase: .scales, message: "the labels leave no room for the values; widen the chart or shorten the labels")
    }
    let x = LinearScale(domain: (min(0, finite.min() ?? 0), max(0, finite.max() ?? 0)), range: (plotLeft, plotRight)).nice(count: 5)
    let band = BandScale(count: rows.count, range: (area.minY, area.minY + rowStep * Double(rows.count)), padding: 0)
    guard band.step >= (categoryLabels == .thinned ? 1 : 6), band.step * Double(every) >= tallest + 1 else {
      throw ChartError.invalid(chart: id, phase: .scales, message: "\(data.count) rows do not fit in \(Int(plotBottom - area.minY)) points; make the chart taller")
    }
    return RowLayout(x: x, band: band, every: every, plotLeft: plotLeft, plotRight: plotRight, labelWrap: rowLabels.wrap)
  }

  func arrow(at tip: Double, cy: Double, dir: Double, color: Color) -> Primitive {
    .fill(.polyline([Point(tip, cy), Point(tip - dir * 6, cy - 3.5), Point(tip - dir * 6, cy + 3.5)], closed: true), color)
  }
}
