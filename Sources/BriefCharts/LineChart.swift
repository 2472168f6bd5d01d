import BriefModel
import BriefScene

/// One reported figure of a series: the days it covers and its value interval.
///
/// `low` and `high` bound the figure (`nil` is open: "at least 10,000" has no
/// high); `estimate` is the best single value, when the report allows one.
public struct LinePoint: Equatable, Sendable {
  /// The first day the figure covers.
  public var start: Day
  /// The last day the figure covers; equal to `start` for a single day.
  public var end: Day
  public var low: Double?
  public var high: Double?
  public var estimate: Double?
  /// The figure as text, e.g. "≥10,000", "~4,000", "3,500–4,000".
  public var label: String
  /// The date in words for alt text; the ISO days when empty.
  public var dateText: String

  public init(
    start: Day, end: Day? = nil, low: Double? = nil, high: Double? = nil, estimate: Double? = nil, label: String,
    dateText: String = ""
  ) {
    let end = end ?? start
    self.start = Swift.min(start, end)
    self.end = Swift.max(start, end)
    self.low = low
    self.high = high
    self.estimate = estimate
    self.label = label
    self.dateText = dateText
  }

  /// A point for a reported value on an EDTF date; `nil` when the date is open at either end.
  public init?(date: EDTFDate, value: ReportedValue, unit: String? = nil) {
    guard let start = date.earliest, let end = date.latest else { return nil }
    self.init(
      start: start, end: end, low: value.interval.low, high: value.interval.high, estimate: value.estimate,
      label: value.formatted(unit: unit), dateText: date.displayText)
  }

  /// Whether the date covers more than one day.
  public var isSpan: Bool { start != end }

  /// The value the point's marker and label sit at: the estimate, else a bound.
  var anchorValue: Double? {
    estimate ?? low ?? high
  }

  var describedDate: String {
    if !dateText.isEmpty { return dateText }
    return isSpan ? "\(start)–\(end)" : start.description
  }
}

/// A named sequence of points, drawn as one line.
public struct LineSeries: Equatable, Sendable {
  public var name: String
  public var points: [LinePoint]

  public init(name: String, points: [LinePoint]) {
    self.name = name
    self.points = points
  }
}

/// A line chart over dates whose points keep their uncertainty: a line joins
/// best estimates, a translucent band covers each reported low–high range, a
/// figure bounded on one side only is an arrow pointing the open way, and a
/// figure for a period is a horizontal line across that period.
///
/// Each series is labelled by name at its end, so colour is never the only key.
///
/// ```swift
/// let chart = LineChart(id: "workers-russia", frame: FrameText(title: "North Korean workers in Russia"), series: [
///   LineSeries(name: "Russia", points: try [("2019", ">=10000"), ("2021-03", "~11000")].compactMap {
///     LinePoint(date: try EDTFDate.parse($0.0), value: try ReportedValue.parse($0.1))
///   }),
/// ])
/// let scene = try chart.scene(measurer: measurer)
/// ```
public struct LineChart: Equatable, Sendable {
  public var id: String
  public var frame: FrameText
  public var series: [LineSeries]
  /// Appended to value tick labels, e.g. "%".
  public var valueSuffix: String
  /// Whether the value axis must show zero (true for counts and amounts).
  public var includeZero: Bool

  public init(id: String, frame: FrameText, series: [LineSeries], valueSuffix: String = "", includeZero: Bool = true) {
    self.id = id
    self.frame = frame
    self.series = series
    self.valueSuffix = valueSuffix
    self.includeZero = includeZero
  }

  enum Metric {
    static let dotRadius = 3.0
    static let lineWidth = 2.0
    static let arrowLength = 14.0
    static let labelOffset = 6.0
    static let bandAlpha = 0.18
  }

  /// Compiles the chart into a scene, phase by phase: select, normalise, scales, marks, guides, frame.
  public func scene(size: Size? = nil, style: ChartStyle = .standard, measurer: TextMeasurer) throws -> Scene {
    let size = size ?? style.size
    // select
    guard !series.isEmpty else { throw fail(.select, "there are no series to draw") }
    for s in series where s.points.isEmpty {
      throw fail(.select, "the series “\(s.name)” has no points")
    }
    // normalise: date order, and every value finite and in order
    let ordered = series.map { s in
      LineSeries(name: s.name, points: s.points.enumerated().sorted { ($0.element.start, $0.element.end, $0.offset) < ($1.element.start, $1.element.end, $1.offset) }.map(\.element))
    }
    var values: [Double] = includeZero ? [0] : []
    for s in ordered {
      for p in s.points {
        let where_ = "\(s.name), \(p.describedDate)"
        for v in [p.low, p.high, p.estimate] {
          if let v, !v.isFinite { throw fail(.normalise, "\(where_): a value is not a finite number") }
        }
        guard p.anchorValue != nil else { throw fail(.normalise, "\(where_): the point has no value, bound or estimate") }
        if let lo = p.low, let hi = p.high, lo > hi {
          throw fail(.normalise, "\(where_): the low figure \(NumberFormat.plain(lo)) is above the high figure \(NumberFormat.plain(hi))")
        }
        values += [p.low, p.high, p.estimate].compactMap { $0 }
      }
    }
    let notes = frame.notes + markNotes(ordered)

    // frame
    let chartFrame: ChartFrame = try ChartError.inPhase(.frame, chart: id) {
      try ChartFrame(
        FrameText(title: frame.title, subtitle: frame.subtitle, notes: notes, source: frame.source),
        size: size, style: style, measurer: measurer)
    }
    let area = chartFrame.plotArea

    // scales
    let hasUpArrow = ordered.contains { $0.points.contains { $0.estimate == nil && $0.low != nil && $0.high == nil } }
    let plotTop = area.minY + (hasUpArrow ? Metric.arrowLength + 2 : 4)
    let tickStyle = TimeAxis.labelStyle(style)
    let tickHeight = try measurer.measure("0", style: tickStyle, maxWidth: nil).height
    let plotBottom = area.maxY - tickHeight - 8
    guard plotBottom - plotTop > 40 else {
      throw fail(.scales, "\(Timeline.int(area.height)) points of height leave no room for the plot; make the chart taller")
    }
    let lowValue = values.min() ?? 0, highValue = values.max() ?? 1
    let y = LinearScale(domain: (lowValue, highValue), range: (plotBottom, plotTop)).nice(count: 5)
    let valueAxis = ValueAxis(scale: y, count: 5, suffix: valueSuffix, style: style)
    var tickColumn = 0.0
    for label in valueAxis.labels { tickColumn = Swift.max(tickColumn, try measurer.measure(label, style: tickStyle, maxWidth: nil).width) }
    let nameStyle = style.text(size: style.labelSize, weight: .semibold)
    var nameColumn = 0.0
    for s in ordered { nameColumn = Swift.max(nameColumn, try measurer.measure(s.name, style: nameStyle, maxWidth: nil).width) }
    let plotLeft = area.minX + tickColumn + 8
    let plotRight = area.maxX - nameColumn - 8
    guard plotRight - plotLeft > 60 else {
      throw fail(.scales, "the value labels and series names leave no room for the plot; widen the chart or shorten the names")
    }
    let first = ordered.flatMap(\.points).map(\.start).min() ?? ordered[0].points[0].start
    let last = ordered.flatMap(\.points).map(\.end).max() ?? ordered[0].points[0].end
    let timeAxis: TimeAxis = try ChartError.inPhase(.scales, chart: id) {
      try TimeAxis(covering: first, last, left: plotLeft, right: plotRight, style: style, measurer: measurer)
    }
    let x = timeAxis.scale

    // guides
    var prims = valueAxis.horizontalPrimitives(left: plotLeft, right: plotRight, style: style, tickRole: "value-ticks")
    let dateGuides = timeAxis.primitives(axisY: plotBottom, labelY: plotBottom + 6, gridTop: nil, style: style)
    prims += dateGuides.filter { if case .group("grid", _) = $0 { return false } else { return true } }

    // marks
    var bands: [Primitive] = []
    var lines: [Primitive] = []
    var markers: [Primitive] = []
    var obstacles: [Rect] = []
    var segments: [(Point, Point)] = []
    var anchors: [(point: Point, color: Color, label: String, arrow: Double)] = []
    var ends: [(name: String, point: Point, color: Color)] = []
    for (index, s) in ordered.enumerated() {
      let color = style.palette.isEmpty ? style.inkColor : style.palette[index % style.palette.count]
      let mid = { (p: LinePoint) -> Double in (x.x(p.start) + x.xEnd(p.end)) / 2 }
      var seriesBands: [Primitive] = []
      var seriesLines: [Primitive] = []
      var seriesMarkers: [Primitive] = []

      // Bands over runs of points with both ends; a lone range is a whisker.
      for run in Self.runs(s.points, where: { $0.low != nil && $0.high != nil }) {
        if run.count >= 2 {
          let top = run.map { Point(mid($0), y.map($0.high ?? 0)) }
          let bottom = run.reversed().map { Point(mid($0), y.map($0.low ?? 0)) }
          seriesBands.append(.fill(.polyline(top + bottom, closed: true), color.withAlpha(Metric.bandAlpha)))
        } else if let p = run.first, let lo = p.low, let hi = p.high, lo != hi {
          let (x0, x1) = p.isSpan ? x.span(from: p.start, to: p.end) : (mid(p) - 3, mid(p) + 3)
          let rect = Rect(x: x0, y: y.map(hi), width: x1 - x0, height: y.map(lo) - y.map(hi))
          if p.isSpan { seriesBands.append(.rect(rect, color.withAlpha(Metric.bandAlpha))) }
          let whisker = StrokeStyle(color: color, width: 1.2)
          let cx = mid(p)
          seriesBands.append(.line(from: Point(cx, rect.minY), to: Point(cx, rect.maxY), whisker))
          seriesBands.append(.line(from: Point(cx - 3, rect.minY), to: Point(cx + 3, rect.minY), whisker))
          seriesBands.append(.line(from: Point(cx - 3, rect.maxY), to: Point(cx + 3, rect.maxY), whisker))
        }
      }
      // The line joins runs of estimates.
      let lineStroke = StrokeStyle(color: color, width: Metric.lineWidth, cap: .round, join: .round)
      for run in Self.runs(s.points, where: { $0.estimate != nil }) where run.count >= 2 {
        let vertices = run.map { Point(mid($0), y.map($0.estimate ?? 0)) }
        seriesLines.append(.stroke(.polyline(vertices), lineStroke))
        for (a, b) in zip(vertices, vertices.dropFirst()) { segments.append((a, b)) }
      }
      for p in s.points {
        guard let value = p.anchorValue else { continue }
        let c = Point(mid(p), y.map(value))
        var parts: [Primitive] = []
        var role = "estimate"
        var arrow = 0.0
        if p.isSpan {
          let (x0, x1) = x.span(from: p.start, to: p.end)
          if x1 - x0 > 2 * Metric.dotRadius {
            let spanStroke = StrokeStyle(color: color, width: 1.5)
            parts.append(.line(from: Point(x0, c.y), to: Point(x1, c.y), spanStroke))
            parts.append(.line(from: Point(x0, c.y - 3), to: Point(x0, c.y + 3), spanStroke))
            parts.append(.line(from: Point(x1, c.y - 3), to: Point(x1, c.y + 3), spanStroke))
            obstacles.append(Rect(x: x0, y: c.y - 3, width: x1 - x0, height: 6))
          }
        }
        if p.estimate != nil {
          parts.append(.fill(.circle(center: c, radius: Metric.dotRadius + 1), style.background))
          parts.append(.fill(.circle(center: c, radius: Metric.dotRadius), color))
          obstacles.append(Rect(x: c.x - 4, y: c.y - 4, width: 8, height: 8))
        } else if p.low != nil, p.high == nil {
          role = "lower-bound"
          arrow = -Metric.arrowLength
          parts += Self.boundMarker(at: c, direction: -1, length: Metric.arrowLength, color: color, style: style)
          obstacles.append(Rect(x: c.x - 5, y: c.y - Metric.arrowLength, width: 10, height: Metric.arrowLength + 2))
        } else if p.high != nil, p.low == nil {
          role = "upper-bound"
          // Down to the axis at most: a count cannot fall below it.
          arrow = Swift.min(Metric.arrowLength, Swift.max(8, plotBottom - c.y - 1))
          parts += Self.boundMarker(at: c, direction: 1, length: arrow, color: color, style: style)
          obstacles.append(Rect(x: c.x - 5, y: c.y - 2, width: 10, height: arrow + 2))
        } else {
          role = "range"
          obstacles.append(Rect(x: c.x - 4, y: y.map(p.high ?? value), width: 8, height: y.map(p.low ?? value) - y.map(p.high ?? value)))
        }
        seriesMarkers.append(.group(role: role, parts))
        anchors.append((c, color, p.label, arrow))
      }
      if let lastPoint = s.points.max(by: { ($0.end, $0.start) < ($1.end, $1.start) }), let v = lastPoint.anchorValue {
        let endX = lastPoint.isSpan ? x.xEnd(lastPoint.end) : mid(lastPoint) + Metric.dotRadius
        ends.append((s.name, Point(endX, y.map(v)), color))
      }
      bands.append(.group(role: "series-band", seriesBands))
      lines.append(.group(role: "series-line", seriesLines))
      markers.append(.group(role: "series-points", seriesMarkers))
    }

    // Direct labels at line ends, pushed apart vertically.
    let nameHeight = try measurer.measure("Xg", style: nameStyle, maxWidth: nil).height
    let endYs = Self.spread(ends.map(\.point.y), gap: nameHeight + 1, low: area.minY + nameHeight / 2, high: plotBottom - nameHeight / 2)
    var nameLabels: [Primitive] = []
    var placed: [Rect] = []
    for (end, ly) in zip(ends, endYs) {
      var ts = nameStyle
      ts.color = end.color
      let item = TextItem(end.name, at: Point(end.point.x + 6, ly), style: ts, horizontal: .start, vertical: .middle)
      nameLabels.append(.text(item))
      placed.append(try measurer.bounds(of: item))
    }

    // Value labels: the first free spot around each point, or none.
    let valueStyle = style.text(size: style.tickSize, weight: .medium, tabular: true)
    let bounds = Rect(x: area.minX, y: area.minY, width: area.width, height: plotBottom - area.minY)
    var valueLabels: [Primitive] = []
    for a in anchors where !a.label.isEmpty {
      let d = Metric.labelOffset
      let tip = a.point.y + a.arrow
      var candidates: [(Point, HorizontalAnchor, VerticalAnchor)] = []
      if a.arrow < 0 {
        candidates = [(Point(a.point.x + 7, tip + 2), .start, .top), (Point(a.point.x, a.point.y + d), .middle, .top), (Point(a.point.x - 7, tip + 2), .end, .top)]
      } else if a.arrow > 0 {
        candidates = [(Point(a.point.x + 7, tip - 2), .start, .bottom), (Point(a.point.x, a.point.y - d), .middle, .bottom), (Point(a.point.x - 7, tip - 2), .end, .bottom)]
      } else {
        // Above and below first, then beside, then the four diagonals, where a line passing through
        // the point in one direction leaves room on the other side.
        candidates = [
          (Point(a.point.x, a.point.y - d), .middle, .bottom), (Point(a.point.x, a.point.y + d), .middle, .top),
          (Point(a.point.x + d + 2, a.point.y), .start, .middle), (Point(a.point.x - d - 2, a.point.y), .end, .middle),
          (Point(a.point.x + d, a.point.y - d), .start, .bottom), (Point(a.point.x - d, a.point.y + d), .end, .top),
          (Point(a.point.x - d, a.point.y - d), .end, .bottom), (Point(a.point.x + d, a.point.y + d), .start, .top),
        ]
      }
      for (position, h, v) in candidates {
        let item = TextItem(a.label, at: position, style: valueStyle, horizontal: h, vertical: v)
        let box = try measurer.bounds(of: item)
        guard bounds.contains(box), !placed.contains(where: { $0.intersects(box) }),
          !obstacles.contains(where: { $0.intersects(box) }),
          !segments.contains(where: { Self.segment($0.0, $0.1, crosses: box.inset(top: -1, left: -1, bottom: -1, right: -1)) })
        else { continue }
        placed.append(box)
        valueLabels.append(.text(item))
        break
      }
    }

    prims.append(.group(role: "bands", bands))
    prims.append(.group(role: "lines", lines))
    prims.append(.group(role: "points", markers))
    prims.append(.group(role: "value-labels", valueLabels))
    prims.append(.group(role: "series-labels", nameLabels))
    prims.append(contentsOf: chartFrame.primitives)
    return Scene(
      size: size, background: style.background, primitives: prims,
      metadata: SceneMetadata(title: frame.title, keywords: ["BriefKit", id], altText: altText(ordered), sourceLine: frame.source))
  }

  /// An "at least" (direction -1, up) or "up to" (1, down) marker: a bar at the
  /// bound and an arrow pointing the way the figure is open.
  static func boundMarker(at c: Point, direction: Double, length: Double, color: Color, style: ChartStyle) -> [Primitive] {
    let tip = Point(c.x, c.y + direction * length)
    let ink = StrokeStyle(color: color, width: 1.6)
    return [
      .line(from: Point(c.x - 5, c.y), to: Point(c.x + 5, c.y), StrokeStyle(color: color, width: 2.2)),
      .line(from: c, to: Point(c.x, tip.y - direction * 4), ink),
      .fill(.polyline([tip, Point(c.x - 3.5, tip.y - direction * 6), Point(c.x + 3.5, tip.y - direction * 6)], closed: true), color),
    ]
  }

  /// Whether the segment from `a` to `b` passes through the rectangle's interior
  /// (Liang–Barsky clipping).
  static func segment(_ a: Point, _ b: Point, crosses r: Rect) -> Bool {
    var t0 = 0.0, t1 = 1.0
    let dx = b.x - a.x, dy = b.y - a.y
    for (p, q) in [(-dx, a.x - r.minX), (dx, r.maxX - a.x), (-dy, a.y - r.minY), (dy, r.maxY - a.y)] {
      if p == 0 {
        if q <= 0 { return false }
      } else {
        let t = q / p
        if p < 0 { t0 = Swift.max(t0, t) } else { t1 = Swift.min(t1, t) }
        if t0 >= t1 { return false }
      }
    }
    return true
  }

  /// Maximal runs of consecutive points that satisfy `test`.
  static func runs(_ points: [LinePoint], where test: (LinePoint) -> Bool) -> [[LinePoint]] {
    var runs: [[LinePoint]] = []
    var current: [LinePoint] = []
    for p in points {
      if test(p) {
        current.append(p)
      } else if !current.isEmpty {
        runs.append(current)
        current = []
      }
    }
    if !current.isEmpty { runs.append(current) }
    return runs
  }

  /// Moves positions apart so neighbours are at least `gap` apart, staying in
  /// `low...high` where there is room; keeps their order.
  static func spread(_ ys: [Double], gap: Double, low: Double, high: Double) -> [Double] {
    let order = ys.indices.sorted { (ys[$0], $0) < (ys[$1], $1) }
    var out = ys
    var previous = -Double.infinity
    for i in order {
      out[i] = Swift.max(Swift.max(ys[i], low), previous + gap)
      previous = out[i]
    }
    // Pull back up from the bottom if the stack ran past it.
    var next = Double.infinity
    for i in order.reversed() {
      out[i] = Swift.min(out[i], Swift.min(high, next - gap))
      next = out[i]
    }
    return out
  }

  /// The notes explaining the kinds of marks that appear, in a fixed order.
  func markNotes(_ series: [LineSeries]) -> [String] {
    let points = series.flatMap(\.points)
    var notes: [String] = []
    if points.contains(where: { $0.low != nil && $0.high != nil && $0.low != $0.high }) {
      notes.append("Shaded bands and whiskers run from the low to the high reported figure; the line joins best estimates.")
    }
    if points.contains(where: { $0.estimate == nil && ($0.low == nil) != ($0.high == nil) }) {
      notes.append("Arrows mark one-sided figures: up for “at least”, down for “up to”.")
    }
    if points.contains(where: \.isSpan) {
      notes.append("Horizontal lines span the period a figure covers.")
    }
    return notes
  }

  func altText(_ series: [LineSeries]) -> String {
    var s = "Line chart. \(frame.title)."
    if !frame.subtitle.isEmpty { s += " \(frame.subtitle)." }
    for one in series {
      s += " \(one.name): " + one.points.map { "\($0.label) (\($0.describedDate))" }.joined(separator: "; ") + "."
    }
    if !frame.source.isEmpty { s += " \(frame.source)" }
    return s
  }

  func fail(_ phase: ChartError.Phase, _ message: String) -> ChartError {
    .invalid(chart: id, phase: phase, message: message)
  }
}
