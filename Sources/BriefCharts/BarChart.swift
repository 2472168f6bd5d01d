import BriefModel
import BriefScene

/// One labelled bar of a bar chart.
public struct BarItem: Equatable, Sendable {
  public var label: String
  public var value: ReportedValue

  public init(label: String, value: ReportedValue) {
    self.label = label
    self.value = value
  }
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

  public init(id: String, frame: FrameText, items: [BarItem], tickSuffix: String = "") {
    self.id = id
    self.frame = frame
    self.items = items
    self.tickSuffix = tickSuffix
  }

  /// The geometry of one bar after normalisation: where its solid part ends
  /// and what it draws beyond.
  struct MarkValue: Equatable {
    var label: String
    var valueLabel: String
    /// The end of the bar (its start is zero).
    var barEnd: Double
    /// The high end of a range's whisker.
    var whiskerEnd: Double?
    var outlined: Bool
    var arrow: Bool
  }

  /// Compiles the chart into a scene, phase by phase: select, normalise, scales, marks, guides, frame.
  public func scene(size: Size? = nil, style: ChartStyle = .standard, measurer: TextMeasurer) throws -> Scene {
    let size = size ?? style.size
    // select
    guard !items.isEmpty else { throw fail(.select, "there are no bars to draw") }
    // normalise
    let marks = try items.map { try normalise($0) }
    // frame (first, for the plot area it leaves)
    let notes = frame.notes + Self.markNotes(for: items.map(\.value.kind))
    let chartFrame: ChartFrame
    do {
      chartFrame = try ChartFrame(
        FrameText(title: frame.title, subtitle: frame.subtitle, notes: notes, source: frame.source),
        size: size, style: style, measurer: measurer)
    } catch ChartError.layout(let message) {
      throw fail(.frame, message)
    }
    let area = chartFrame.plotArea

    // scales
    let labelStyle = style.text(size: style.labelSize)
    let valueStyle = style.text(size: style.labelSize, weight: .medium, tabular: true)
    let tickStyle = style.text(size: style.tickSize, tabular: true)
    let tickHeight = try measurer.measure("0", style: tickStyle, maxWidth: nil).height + 4
    var widest = 0.0
    for m in marks { widest = max(widest, try measurer.measure(m.label, style: labelStyle, maxWidth: nil).width) }
    let labelColumn = min(widest, area.width * 0.32)
    var widestValue = 0.0
    for m in marks { widestValue = max(widestValue, try measurer.measure(m.valueLabel, style: valueStyle, maxWidth: nil).width) }
    let arrowRoom = marks.contains(where: \.arrow) ? Self.arrowLength : 0
    let plotLeft = area.minX + labelColumn + 10
    let plotRight = area.maxX - widestValue - arrowRoom - 8
    let plotBottom = area.maxY - tickHeight
    guard plotRight - plotLeft > 40, plotBottom - area.minY > 10 * Double(marks.count).squareRoot() else {
      throw fail(.scales, "the labels leave no room for the bars; widen the chart or shorten the labels")
    }
    let ends = marks.flatMap { [$0.barEnd, $0.whiskerEnd ?? $0.barEnd] }
    let low = min(0, ends.min() ?? 0), high = max(0, ends.max() ?? 0)
    let x = LinearScale(domain: (low, high), range: (plotLeft, plotRight)).nice(count: 5)
    let band = BandScale(count: marks.count, range: (area.minY, plotBottom), padding: 0.35)
    guard band.bandwidth >= 3 else {
      throw fail(.scales, "\(marks.count) bars do not fit in \(Int(plotBottom - area.minY)) points; make the chart taller")
    }

    // guides
    let axis = ValueAxis(scale: x, count: 5, suffix: tickSuffix)
    var prims = axis.primitives(top: area.minY, bottom: plotBottom, style: style)

    // marks
    let color = style.palette.first ?? style.inkColor
    let ink = StrokeStyle(color: style.inkColor, width: style.whiskerWidth, cap: .butt)
    let thickness = min(band.bandwidth, 26)
    var bars: [Primitive] = []
    var categoryLabels: [Primitive] = []
    var valueLabels: [Primitive] = []
    for (i, m) in marks.enumerated() {
      let cy = band.center(i)
      let y0 = cy - thickness / 2
      let x0 = x.map(0), x1 = x.map(m.barEnd)
      let rect = Rect(x: min(x0, x1), y: y0, width: abs(x1 - x0), height: thickness)
      var parts: [Primitive] = []
      if m.outlined {
        parts.append(.rect(rect, color.withAlpha(0.14)))
        parts.append(.stroke(.rect(rect.inset(top: 0.6, left: 0.6, bottom: 0.6, right: 0.6)), StrokeStyle(color: color, width: 1.2, dash: [3, 2])))
      } else {
        parts.append(.rect(rect, color))
      }
      var labelX = max(x0, x1)
      if let w = m.whiskerEnd {
        let xw = x.map(w)
        let cap = thickness * 0.55
        parts.append(.line(from: Point(x1, cy), to: Point(xw, cy), ink))
        parts.append(.line(from: Point(xw, cy - cap / 2), to: Point(xw, cy + cap / 2), ink))
        parts.append(.line(from: Point(x1, cy - cap / 2), to: Point(x1, cy + cap / 2), ink))
        labelX = max(labelX, xw)
      }
      if m.arrow {
        let h = thickness * 0.42
        parts.append(.line(from: Point(x1, cy), to: Point(x1 + Self.arrowLength - 2, cy), ink))
        parts.append(
          .fill(
            .polyline(
              [Point(x1 + Self.arrowLength, cy), Point(x1 + Self.arrowLength - 6, cy - h), Point(x1 + Self.arrowLength - 6, cy + h)],
              closed: true), style.inkColor))
        labelX = x1 + Self.arrowLength
      }
      bars.append(.group(role: "bar", parts))
      categoryLabels.append(
        .text(TextItem(m.label, at: Point(plotLeft - 10, cy), style: style.text(size: style.labelSize, alignment: .right), horizontal: .end, vertical: .middle, maxWidth: labelColumn)))
      valueLabels.append(.text(TextItem(m.valueLabel, at: Point(labelX + 5, cy), style: valueStyle, horizontal: .start, vertical: .middle)))
    }
    prims.append(.group(role: "bars", bars))
    prims.append(.group(role: "category-labels", categoryLabels))
    prims.append(.group(role: "value-labels", valueLabels))
    prims.append(contentsOf: chartFrame.primitives)

    return Scene(
      size: size, background: style.background, primitives: prims,
      metadata: SceneMetadata(
        title: frame.title, keywords: ["BriefKit", id],
        altText: altText(marks), sourceLine: frame.source))
  }

  static let arrowLength = 16.0

  /// Turns a reported value into bar geometry; one-sided bounds keep their bound as the bar's end.
  func normalise(_ item: BarItem) throws -> MarkValue {
    let v = item.value
    let label = v.formatted()
    switch v.kind {
    case .exact, .approximate:
      guard let e = v.estimate, e.isFinite else { throw fail(.normalise, "\(item.label): the value has no estimate") }
      return MarkValue(label: item.label, valueLabel: label, barEnd: e, whiskerEnd: nil, outlined: false, arrow: false)
    case .range, .approximateRange:
      guard let lo = v.interval.low, let hi = v.interval.high, lo.isFinite, hi.isFinite else {
        throw fail(.normalise, "\(item.label): the range has an open end")
      }
      let (a, b) = (v.stated.first ?? lo, v.stated.dropFirst().first ?? hi)
      return MarkValue(label: item.label, valueLabel: label, barEnd: min(a, b), whiskerEnd: max(a, b), outlined: false, arrow: false)
    case .atLeast, .moreThan:
      guard let lo = v.stated.first ?? v.interval.low, lo.isFinite else { throw fail(.normalise, "\(item.label): the bound is not finite") }
      return MarkValue(label: item.label, valueLabel: label, barEnd: lo, whiskerEnd: nil, outlined: false, arrow: true)
    case .atMost, .lessThan:
      guard let hi = v.stated.first ?? v.interval.high, hi.isFinite else { throw fail(.normalise, "\(item.label): the bound is not finite") }
      return MarkValue(label: item.label, valueLabel: label, barEnd: hi, whiskerEnd: nil, outlined: true, arrow: false)
    }
  }

  /// One note per kind of mark that needs explaining, in a fixed order.
  static func markNotes(for kinds: [ReportedValue.Kind]) -> [String] {
    var notes: [String] = []
    if kinds.contains(where: { $0 == .range || $0 == .approximateRange }) {
      notes.append("Reported ranges: the bar ends at the low figure and the line runs to the high figure.")
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
    let parts = marks.map { "\($0.label): \($0.valueLabel)" }.joined(separator: "; ")
    var s = "Horizontal bar chart. \(frame.title)."
    if !frame.subtitle.isEmpty { s += " \(frame.subtitle)." }
    s += " \(marks.count) bar\(marks.count == 1 ? "" : "s"): \(parts)."
    if !frame.source.isEmpty { s += " \(frame.source)" }
    return s
  }

  func fail(_ phase: ChartError.Phase, _ message: String) -> ChartError {
    .invalid(chart: id, phase: phase, message: message)
  }
}
