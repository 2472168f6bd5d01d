import BriefModel
import BriefScene

/// One labelled bar of a bar chart.
public struct BarItem: Equatable, Sendable {
  public var label: String
  public var value: ReportedValue
  /// The text next to the bar; by default the value formatted for its kind.
  public var valueLabel: String?
  /// Draw the value's whole interval as an error bar around the bar's end
  /// (for derived estimates, whose interval is not a reported range).
  public var showsInterval: Bool
  /// The group the bar belongs to; consecutive bars of one group share a heading.
  public var group: String?

  public init(label: String, value: ReportedValue, valueLabel: String? = nil, showsInterval: Bool = false, group: String? = nil) {
    self.label = label
    self.value = value
    self.valueLabel = valueLabel
    self.showsInterval = showsInterval
    self.group = group
  }
}

/// Which way bars run.
public enum BarOrientation: String, Sendable, CaseIterable {
  case horizontal, vertical
}

/// How a reported range is drawn.
public enum RangeStyle: String, Sendable, CaseIterable {
  /// A bar to the low end and a whisker to the high end.
  case whisker
  /// A bar floating from the low end to the high end.
  case floating
}

/// A horizontal bar chart whose bars draw each kind of reported value honestly:
/// a range as a bar to its low end with a whisker to its high end, "at least"
/// as a bar with an arrowed open end, "up to" as an outlined bar, an
/// approximate value with a `~` label.
public struct BarChart: Equatable, Sendable {
  public var id: String
  public var frame: FrameText
  public var items: [BarItem]
  /// Appended to tick labels, e.g. "%"; units in words belong in the subtitle.
  public var tickSuffix: String
  public var orientation: BarOrientation
  public var rangeStyle: RangeStyle
  /// Which bars carry labels (horizontal charts).
  public var categoryLabels: CategoryLabels

  public init(
    id: String, frame: FrameText, items: [BarItem], tickSuffix: String = "", orientation: BarOrientation = .horizontal,
    rangeStyle: RangeStyle = .whisker, categoryLabels: CategoryLabels = .all
  ) {
    self.categoryLabels = categoryLabels
    self.id = id
    self.frame = frame
    self.items = items
    self.tickSuffix = tickSuffix
    self.orientation = orientation
    self.rangeStyle = rangeStyle
  }

  /// The geometry of one bar after normalisation, in data units.
  struct MarkValue: Equatable {
    var label: String
    var valueLabel: String
    var group: String?
    /// Where the solid (or outlined) bar starts: zero, or a range's low end for floating bars.
    var barStart: Double
    var barEnd: Double
    /// A whisker from `whiskerLow` to `whiskerHigh`; a nil high end runs open to the axis end with an arrow.
    var whiskerLow: Double?
    var whiskerHigh: Double?
    var hasWhisker: Bool
    var outlined: Bool
    /// An arrow past the bar's end: a lower bound.
    var arrow: Bool
    /// Computed rather than reported: drawn in a lighter fill.
    var derived = false
    /// A central estimate drawn as a dot, for a derived value whose bar shows only its certain lower part.
    var dot: Double?

    /// The lowest and highest of the values the scale must show.
    var span: (low: Double, high: Double) {
      var low = min(barStart, barEnd), high = max(barStart, barEnd)
      func include(_ v: Double?) {
        guard let v else { return }
        low = min(low, v)
        high = max(high, v)
      }
      if hasWhisker {
        include(whiskerLow)
        include(whiskerHigh)
      }
      include(dot)
      return (low, high)
    }
  }

  /// A row of the category axis: a group heading or a bar.
  enum Row: Equatable {
    case heading(String)
    case bar(Int)
  }

  /// Compiles the chart into a scene, phase by phase: select, normalise, scales, marks, guides, frame.
  public func scene(size: Size? = nil, style: ChartStyle = .standard, measurer: TextMeasurer) throws -> Scene {
    let size = size ?? style.size
    // select
    guard !items.isEmpty else { throw fail(.select, "there are no bars to draw") }
    // normalise
    let marks = try items.map { try normalise($0) }
    var rows: [Row] = []
    var currentGroup: String?
    for (i, m) in marks.enumerated() {
      if let g = m.group, g != currentGroup, orientation == .horizontal { rows.append(.heading(g)) }
      currentGroup = m.group
      rows.append(.bar(i))
    }
    // frame (first, for the plot area it leaves)
    // Explain the marks that appear: derived estimates draw as error bars, not as their nominal kind.
    var notes = frame.notes + Self.markNotes(for: items.filter { !$0.showsInterval }.map(\.value.kind), floating: rangeStyle == .floating)
    if marks.contains(where: \.derived) {
      var note = "Lighter bars are derived estimates (†)"
      if marks.contains(where: { $0.derived && $0.hasWhisker }) { note += "; lines across their ends show the range the figures allow" }
      if marks.contains(where: { $0.dot != nil }) {
        note += "; where there is no upper limit the bar stops at the lowest value the figures allow, an arrow goes on and a dot marks the central estimate"
      }
      notes.append(note + ".")
    }
    // A thinned chart says which bars are labelled; the note takes room, so the layout is redone with it.
    let (chartFrame, layout): (ChartFrame, [Primitive]) = try ThinnedLabels.settle(chart: id) { every in
      let chartFrame = try ChartError.inPhase(.frame, chart: id) {
        try ChartFrame(
          FrameText(
            title: frame.title, subtitle: frame.subtitle, notes: notes + ThinnedLabels.notes(every: every, count: marks.count, noun: "bars"),
            source: frame.source),
          size: size, style: style, measurer: measurer)
      }
      guard orientation == .horizontal else {
        return ((chartFrame, try verticalLayout(marks, area: chartFrame.plotArea, style: style, measurer: measurer)), every)
      }
      let (layout, found) = try horizontalLayout(marks, rows: rows, area: chartFrame.plotArea, style: style, measurer: measurer, announced: every)
      return ((chartFrame, layout), found)
    }
    var prims = layout
    prims.append(contentsOf: chartFrame.primitives)
    return Scene(
      size: size, background: style.background, primitives: prims,
      metadata: SceneMetadata(
        title: frame.title, keywords: ["BriefKit", id], altText: altText(marks), sourceLine: frame.source))
  }

  static let arrowLength = 16.0

  /// The domain covering zero and every mark, widened to round ticks.
  func valueScale(_ marks: [MarkValue], range: (Double, Double)) -> LinearScale {
    var low = 0.0, high = 0.0
    for m in marks {
      let span = m.span
      low = min(low, span.low)
      high = max(high, span.high)
    }
    return LinearScale(domain: (low, high), range: range).nice(count: 5)
  }

  /// Lays out the bars with labels on every `labelEvery`-th row. When that is not the `announced`
  /// stride (the one the notes name), nothing is drawn: the chart is laid out again with the right note.
  func horizontalLayout(
    _ marks: [MarkValue], rows: [Row], area: Rect, style: ChartStyle, measurer: TextMeasurer, announced: Int = 1
  ) throws -> (prims: [Primitive], labelEvery: Int) {
    // scales
    let labelStyle = style.text(size: style.labelSize, alignment: .right)
    let headingStyle = style.text(size: style.labelSize, weight: .semibold)
    let valueStyle = style.text(size: style.labelSize, weight: .medium, tabular: true)
    let tickStyle = style.text(size: style.tickSize, tabular: true)
    let tickHeight = try measurer.measure("0", style: tickStyle, maxWidth: nil).height + 4
    let plotBottom = area.maxY - tickHeight
    let lineHeight = max(
      try measurer.measure("0", style: labelStyle, maxWidth: nil).height, try measurer.measure("0", style: valueStyle, maxWidth: nil).height)
    // With thinned labels only every `every`-th bar is labelled (and only those are measured), and
    // no value labels are drawn once some bars go unlabelled. Each labelled row must hold its label,
    // wrapped to the label column, without touching the next label.
    let rowLabels = try ThinnedLabels.rowLabels(
      categoryLabels, chart: id, labels: marks.map(\.label), style: labelStyle, measurer: measurer, rows: rows.count,
      hasHeadings: rows.contains { if case .heading = $0 { true } else { false } },
      plotHeight: plotBottom - area.minY, lineHeight: lineHeight, minimum: announced, maxColumn: area.width * 0.32)
    let (every, labelColumn, tallest) = (rowLabels.every, rowLabels.column, rowLabels.tallest)
    var widestValue = 0.0
    for m in marks where every == 1 {
      widestValue = max(widestValue, try measurer.measure(style.localised(m.valueLabel), style: valueStyle, maxWidth: nil).width)
    }
    let arrowRoom = marks.contains(where: { $0.arrow || ($0.hasWhisker && $0.whiskerHigh == nil) }) ? Self.arrowLength : 0
    let plotLeft = area.minX + labelColumn + 10
    let plotRight = area.maxX - widestValue - arrowRoom - 8
    guard plotRight - plotLeft > 40, plotBottom - area.minY > 10 * Double(rows.count).squareRoot() else {
      throw fail(.scales, "the labels leave no room for the bars; widen the chart or shorten the labels")
    }
    let x = valueScale(marks, range: (plotLeft, plotRight))
    let band = BandScale(count: rows.count, range: (area.minY, plotBottom), padding: 0.35)
    // Thinned bars may be hairlines, but must still show as bars.
    let thinnest = categoryLabels == .thinned ? 0.5 : 3
    guard band.bandwidth >= thinnest else {
      throw fail(.scales, "\(marks.count) bars do not fit in \(Int(plotBottom - area.minY)) points; make the chart taller")
    }
    guard band.step * Double(every) >= tallest + 1 else {
      throw fail(.scales, "the labels need \(Int((tallest + 1) * Double(rows.count) + tickHeight)) points of height for \(rows.count) rows; make the chart taller or shorten the labels")
    }
    if every != announced { return ([], every) }

    // guides
    let axis = ValueAxis(scale: x, count: 5, suffix: tickSuffix, style: style)
    var prims = axis.primitives(top: area.minY, bottom: plotBottom, style: style)

    // marks
    let thickness = min(band.bandwidth, 2.8 * style.labelSize)
    var bars: [Primitive] = []
    var labelPrims: [Primitive] = []
    var valueLabels: [Primitive] = []
    for (r, row) in rows.enumerated() {
      let cy = band.center(r)
      switch row {
      case .heading(let text):
        labelPrims.append(
          .text(TextItem(text, at: Point(area.minX, cy), style: headingStyle, horizontal: .start, vertical: .middle, maxWidth: area.width)))
      case .bar(let i):
        let m = marks[i]
        let (parts, tip) = markPrimitives(m, scale: x, center: cy, thickness: thickness, axisEnd: plotRight, style: style) { v, b in Point(v, b) }
        bars.append(.group(role: "bar", parts))
        guard i % every == 0 else { continue }
        if every > 1 {
          labelPrims.append(ThinnedLabels.tick(plotLeft: plotLeft, y: cy, style: style))
        }
        labelPrims.append(
          .text(TextItem(m.label, at: Point(plotLeft - 10, cy), style: labelStyle, horizontal: .end, vertical: .middle, maxWidth: rowLabels.wrap)))
        if every == 1 {
          valueLabels.append(
            .text(TextItem(style.localised(m.valueLabel), at: Point(tip + 5, cy), style: valueStyle, horizontal: .start, vertical: .middle)))
        }
      }
    }
    prims.append(.group(role: "bars", bars))
    prims.append(.group(role: "category-labels", labelPrims))
    prims.append(.group(role: "value-labels", valueLabels))
    return (prims, every)
  }

  func verticalLayout(_ marks: [MarkValue], area: Rect, style: ChartStyle, measurer: TextMeasurer) throws -> [Primitive] {
    let labelStyle = style.text(size: style.labelSize, alignment: .center)
    let valueStyle = style.text(size: style.labelSize, weight: .medium, alignment: .center, tabular: true)
    let tickStyle = style.text(size: style.tickSize, alignment: .right, tabular: true)
    // Category labels wrap to their band; the tallest sets the room under the plot.
    let provisionalStep = area.width / Double(max(1, marks.count))
    let labelWidth = max(20, provisionalStep * 0.92)
    var labelHeight = 0.0
    for m in marks { labelHeight = max(labelHeight, try measurer.measure(m.label, style: labelStyle, maxWidth: labelWidth).height) }
    let valueHeight = try measurer.measure("0", style: valueStyle, maxWidth: nil).height
    let arrowRoom = marks.contains(where: { $0.arrow || ($0.hasWhisker && $0.whiskerHigh == nil) }) ? Self.arrowLength : 0
    let plotTop = area.minY + valueHeight + arrowRoom + 4
    let plotBottom = area.maxY - labelHeight - 6
    guard plotBottom - plotTop > 40 else {
      throw fail(.scales, "the labels leave no room for the bars; make the chart taller or shorten the labels")
    }
    let y = valueScale(marks, range: (plotBottom, plotTop))
    let axis = ValueAxis(scale: y, count: 5, suffix: tickSuffix, style: style)
    var tickWidth = 0.0
    for l in axis.labels { tickWidth = max(tickWidth, try measurer.measure(l, style: tickStyle, maxWidth: nil).width) }
    let plotLeft = area.minX + tickWidth + 6
    let band = BandScale(count: marks.count, range: (plotLeft, area.maxX), padding: 0.35)
    guard band.bandwidth >= 3 else {
      throw fail(.scales, "\(marks.count) bars do not fit in \(Int(area.width)) points; make the chart wider")
    }
    var prims = axis.horizontalPrimitives(left: plotLeft, right: area.maxX, style: style)
    let thickness = min(band.bandwidth, 9 * style.labelSize)
    var bars: [Primitive] = []
    var categoryLabels: [Primitive] = []
    var valueLabels: [Primitive] = []
    for (i, m) in marks.enumerated() {
      let cx = band.center(i)
      let (parts, tip) = markPrimitives(m, scale: y, center: cx, thickness: thickness, axisEnd: plotTop, style: style) { v, b in Point(b, v) }
      bars.append(.group(role: "bar", parts))
      categoryLabels.append(
        .text(TextItem(m.label, at: Point(cx, plotBottom + 6), style: labelStyle, horizontal: .middle, vertical: .top, maxWidth: min(labelWidth, band.step * 0.96))))
      valueLabels.append(
        .text(TextItem(style.localised(m.valueLabel), at: Point(cx, tip - 4), style: valueStyle, horizontal: .middle, vertical: .bottom)))
    }
    prims.append(.group(role: "bars", bars))
    prims.append(.group(role: "category-labels", categoryLabels))
    prims.append(.group(role: "value-labels", valueLabels))
    return prims
  }

  /// The primitives of one bar and the position its value label follows.
  ///
  /// `point(value, band)` turns a value position and a band position into a
  /// point, so one routine draws horizontal and vertical bars.
  func markPrimitives(
    _ m: MarkValue, scale: LinearScale, center c: Double, thickness t: Double, axisEnd: Double, style: ChartStyle,
    point: (Double, Double) -> Point
  ) -> ([Primitive], Double) {
    let color = style.palette.first ?? style.inkColor
    let ink = StrokeStyle(color: style.inkColor, width: style.whiskerWidth, cap: .butt)
    let v0 = scale.map(m.barStart), v1 = scale.map(m.barEnd)
    let direction: Double = scale.range.high >= scale.range.low ? 1 : -1
    func rect(_ a: Double, _ b: Double) -> Path {
      .polyline([point(a, c - t / 2), point(b, c - t / 2), point(b, c + t / 2), point(a, c + t / 2)], closed: true)
    }
    var parts: [Primitive] = []
    if m.outlined {
      parts.append(.fill(rect(v0, v1), color.withAlpha(0.14)))
      let inset = 0.6 * direction
      let outline = Path.polyline(
        [point(v0, c - t / 2 + 0.6), point(v1 - inset, c - t / 2 + 0.6), point(v1 - inset, c + t / 2 - 0.6), point(v0, c + t / 2 - 0.6)], closed: true)
      parts.append(.stroke(outline, StrokeStyle(color: color, width: 1.2, dash: [3, 2])))
    } else {
      parts.append(.fill(rect(v0, v1), m.derived ? color.withAlpha(0.5) : color))
    }
    var tip = direction > 0 ? max(v0, v1) : min(v0, v1)
    // Whiskers and arrows are drawn over a halo of the background, so they read on dark bars in greyscale.
    let halo = StrokeStyle(color: style.background, width: ink.width + 2, cap: .butt)
    func further(_ a: Double, _ b: Double) -> Double { direction > 0 ? max(a, b) : min(a, b) }
    if m.hasWhisker, let low = m.whiskerLow, abs((m.whiskerHigh.map(scale.map) ?? axisEnd) - scale.map(low)) >= 3 {
      let w0 = scale.map(low)
      let w1 = m.whiskerHigh.map(scale.map) ?? axisEnd
      let cap = t * 0.55
      parts.append(.stroke(.line(from: point(w0, c), to: point(w1, c)), halo))
      parts.append(.stroke(.line(from: point(w0, c), to: point(w1, c)), ink))
      parts.append(.stroke(.line(from: point(w0, c - cap / 2), to: point(w0, c + cap / 2)), ink))
      if m.whiskerHigh != nil {
        parts.append(.stroke(.line(from: point(w1, c - cap / 2), to: point(w1, c + cap / 2)), ink))
        tip = further(tip, w1)
      } else {
        parts.append(arrowHead(at: w1 + direction * Self.arrowLength, c: c, height: t * 0.42, direction: direction, style: style, point: point))
        parts.append(.stroke(.line(from: point(w1, c), to: point(w1 + direction * (Self.arrowLength - 2), c)), ink))
        tip = w1 + direction * Self.arrowLength
      }
    }
    if let d = m.dot {
      let dv = scale.map(d)
      parts.append(.stroke(.line(from: point(v1, c), to: point(dv, c)), StrokeStyle(color: color, width: 1.2, dash: [2, 2])))
      parts.append(.fill(.circle(center: point(dv, c), radius: min(4.5, t * 0.3)), style.inkColor))
      tip = further(tip, dv)
    }
    if m.arrow {
      let end = (m.dot.map(scale.map).map { further($0, v1) } ?? v1) + direction * Self.arrowLength
      let start = m.dot.map(scale.map).map { further($0, v1) } ?? v1
      parts.append(.stroke(.line(from: point(start, c), to: point(end - direction * 2, c)), ink))
      parts.append(arrowHead(at: end, c: c, height: t * 0.42, direction: direction, style: style, point: point))
      tip = further(tip, end)
    }
    return (parts, tip)
  }

  func arrowHead(at tipV: Double, c: Double, height h: Double, direction: Double, style: ChartStyle, point: (Double, Double) -> Point) -> Primitive {
    .fill(.polyline([point(tipV, c), point(tipV - direction * 6, c - h), point(tipV - direction * 6, c + h)], closed: true), style.inkColor)
  }

  /// Turns a reported value into bar geometry; one-sided bounds keep their bound as the bar's end.
  func normalise(_ item: BarItem) throws -> MarkValue {
    let v = item.value
    let label = item.valueLabel ?? v.formatted()
    var m = MarkValue(
      label: item.label, valueLabel: label, group: item.group, barStart: 0, barEnd: 0, whiskerLow: nil, whiskerHigh: nil,
      hasWhisker: false, outlined: false, arrow: false)
    func finite(_ x: Double?) -> Double? { x.flatMap { $0.isFinite ? $0 : nil } }
    switch v.kind {
    case .exact, .approximate:
      guard let e = finite(v.estimate) else { throw fail(.normalise, "\(item.label): the value has no estimate") }
      m.barEnd = e
      m.derived = item.showsInterval
      if item.showsInterval, let low = finite(v.interval.low), !(v.interval.isPoint) {
        if let high = finite(v.interval.high) {
          m.hasWhisker = true
          m.whiskerLow = low
          m.whiskerHigh = high
        } else {
          // No upper limit: the bar covers only what the figures guarantee, an arrow goes on, a dot marks the estimate.
          m.barEnd = low
          m.arrow = true
          m.dot = e
        }
      }
    case .range, .approximateRange:
      guard let lo = finite(v.stated.first ?? v.interval.low), let hi = finite(v.stated.dropFirst().first ?? v.interval.high) else {
        throw fail(.normalise, "\(item.label): the range has an open end")
      }
      if rangeStyle == .floating {
        m.barStart = min(lo, hi)
        m.barEnd = max(lo, hi)
      } else {
        m.barEnd = min(lo, hi)
        m.hasWhisker = true
        m.whiskerLow = min(lo, hi)
        m.whiskerHigh = max(lo, hi)
      }
    case .atLeast, .moreThan:
      guard let lo = finite(v.stated.first ?? v.interval.low) else { throw fail(.normalise, "\(item.label): the bound is not finite") }
      m.barEnd = lo
      m.arrow = true
    case .atMost, .lessThan:
      guard let hi = finite(v.stated.first ?? v.interval.high) else { throw fail(.normalise, "\(item.label): the bound is not finite") }
      m.barEnd = hi
      m.outlined = true
    }
    return m
  }

  /// One note per kind of mark that needs explaining, in a fixed order.
  static func markNotes(for kinds: [ReportedValue.Kind], floating: Bool = false) -> [String] {
    var notes: [String] = []
    if kinds.contains(where: { $0 == .range || $0 == .approximateRange }) {
      notes.append(
        floating
          ? "Reported ranges: the bar runs from the low figure to the high figure."
          : "Reported ranges: the bar ends at the low figure and the line runs to the high figure.")
    }
    if kinds.contains(where: { $0 == .atMost || $0 == .lessThan }) {
      notes.append("Outlined bars are upper bounds (“up to”): the true figure may be lower.")
    }
    if kinds.contains(where: { $0 == .atLeast || $0 == .moreThan }) {
      notes.append("Arrows mark lower bounds (“at least”): the true figure may be higher.")
    }
    if kinds.contains(where: { $0 == .approximate || $0 == .approximateRange }) {
      notes.append("~ marks a figure the source gave as approximate.")
    }
    return notes
  }

  func altText(_ marks: [MarkValue]) -> String {
    let parts = ThinnedLabels.altList(marks.lazy.map { "\($0.label): \($0.valueLabel)" })
    var s = "\(orientation == .horizontal ? "Horizontal" : "Vertical") bar chart. \(frame.title)."
    if !frame.subtitle.isEmpty { s += " \(frame.subtitle)." }
    s += " \(marks.count) bar\(marks.count == 1 ? "" : "s"): \(parts)."
    if !frame.source.isEmpty { s += " \(frame.source)" }
    return s
  }

  func fail(_ phase: ChartError.Phase, _ message: String) -> ChartError {
    .invalid(chart: id, phase: phase, message: message)
  }
}
