import BriefModel
import BriefScene

/// One event on a timeline: a label and the days its date covers.
///
/// A date that names a single day is a point; a month, a season, a year or an
/// interval covers every day from `start` to `end`.
///
/// ```swift
/// let congress = try TimelineEvent(label: "Eighth Party Congress", date: EDTFDate.parse("2021-01"))
/// congress.start     // 2021-01-01
/// congress.end       // 2021-01-31
/// congress.dateText  // "Jan 2021"
/// ```
public struct TimelineEvent: Equatable, Sendable {
  public var label: String
  /// The first day the date covers.
  public var start: Day
  /// The last day the date covers; equal to `start` for a single day.
  public var end: Day
  /// The source gives the date as approximate (`~`).
  public var isApproximate: Bool
  /// The source is not sure of the date (`?`).
  public var isUncertain: Bool
  /// The date in words, shown under the label: "c. Jan 2021", "2017–2019".
  public var dateText: String
  /// The date is open before `start` ("until Apr 2021").
  public var openStart: Bool
  /// The date is open after `end` ("since 2024").
  public var openEnd: Bool
  /// An open end is one the source does not give (`1985/`, "end unknown"), not one
  /// that goes on (`1985/..`); both are drawn as dashed arrows, the words differ.
  public var endsUnknown: Bool = false

  public init(
    label: String, start: Day, end: Day? = nil, isApproximate: Bool = false, isUncertain: Bool = false,
    dateText: String, openStart: Bool = false, openEnd: Bool = false
  ) {
    let end = end ?? start
    self.label = label
    self.start = Swift.min(start, end)
    self.end = Swift.max(start, end)
    self.isApproximate = isApproximate
    self.isUncertain = isUncertain
    self.dateText = dateText
    self.openStart = openStart
    self.openEnd = openEnd
  }

  /// An event dated by an EDTF date, with the date's own words as its date text.
  ///
  /// A half-open interval (`../2021-04`, `2024/..`) keeps the days of its known end
  /// and marks the other end open. Returns `nil` for a date open at both ends.
  public init?(label: String, date: EDTFDate) {
    let points = date.points
    let approximate = points.contains(where: \.isApproximate)
    let uncertain = points.contains(where: \.isUncertain)
    let start: Day, end: Day, openStart: Bool, openEnd: Bool
    switch date.form {
    case .single(let p):
      (start, end, openStart, openEnd) = (p.earliest, p.latest, false, false)
    case .interval(.date(let s), .date(let e)):
      (start, end, openStart, openEnd) = (s.earliest, e.latest, false, false)
    case .interval(_, .date(let e)):
      // An unknown start is drawn as an open one; the date text says which it is.
      (start, end, openStart, openEnd) = (e.earliest, e.latest, true, false)
    case .interval(.date(let s), _):
      (start, end, openStart, openEnd) = (s.earliest, s.latest, false, true)
    case .interval:
      return nil
    }
    self.init(
      label: label, start: start, end: end, isApproximate: approximate, isUncertain: uncertain,
      dateText: date.displayText, openStart: openStart, openEnd: openEnd)
    if case .interval(let s, let e) = date.form { endsUnknown = s == .unknown || e == .unknown }
  }

  /// Whether the date covers more than one day.
  public var isSpan: Bool { start != end }

  /// Whether the date is approximate or uncertain.
  public var isQualified: Bool { isApproximate || isUncertain }
}

/// A horizontal timeline: events on a date axis, each labelled in a stacked
/// lane above or below the axis with a leader line to its mark.
///
/// Marks: a filled dot is a single day; a solid bar covers every day of a
/// month, season, year or interval; a hollow dot or a pale dashed bar is a date
/// the source gives as approximate or uncertain; a dashed arrow marks an open end.
/// Labels never overlap: when they cannot all be placed the chart throws
/// rather than drawing them on top of each other.
///
/// ```swift
/// let events = try ["2017-12-22", "2021-01", "2024-23"].compactMap {
///   TimelineEvent(label: "…", date: try EDTFDate.parse($0))
/// }
/// let chart = Timeline(id: "dispatch", frame: FrameText(title: "Sending workers to Russia"), events: events)
/// let scene = try chart.scene(measurer: measurer)
/// ```
public struct Timeline: Equatable, Sendable {
  public var id: String
  public var frame: FrameText
  public var events: [TimelineEvent]

  public init(id: String, frame: FrameText, events: [TimelineEvent]) {
    self.id = id
    self.frame = frame
    self.events = events
  }

  /// Geometry constants, in points.
  enum Metric {
    static let dotRadius = 3.5
    static let barHeight = 6.0
    /// Half the height of the tallest glyph in a mark row.
    static let rowHalf = 4.0
    static let rowPitch = 10.0
    /// The shortest drawn bar, so a one-week span is still a bar.
    static let minBarWidth = 2.0
    static let openArrow = 12.0
    /// Between a leader line and its label's text.
    static let poleGap = 3.0
    /// Between two labels in a lane.
    static let labelGap = 6.0
    /// Room kept on each side of a leader passing through a lane.
    static let polePad = 2.0
    static let leaderMin = 10.0
    static let laneGapMin = 3.0
    static let maxLabelWidth = 150.0
  }

  /// A measured label before it is placed.
  struct LabelBox {
    var event: Int
    /// The x of the leader line.
    var anchor: Double
    /// Left edge and width of the box, fixed before the lane is chosen.
    var minX: Double
    var width: Double
    var height: Double
    var titleHeight: Double
    /// The title wraps to this width, when set.
    var wrap: Double?
    /// The label sits left of its leader, text aligned right.
    var flipped: Bool
    var maxX: Double { minX + width }
  }

  /// One lane of labels on one side of the axis, filled from right to left.
  struct Lane {
    /// The left edge of the leftmost label in the lane.
    var leftEdge = Double.infinity
    /// The right edge of that label.
    var leftBoxMaxX = -Double.infinity
    /// `leftEdge`, or less where a leader to an outer lane passes through.
    var reserve = Double.infinity

    func covers(_ x: Double) -> Bool {
      leftEdge - Metric.polePad < x && x < leftBoxMaxX + Metric.polePad
    }
  }

  /// The glyph of an event on the axis, in points.
  struct Mark {
    var x0: Double
    var x1: Double
    var isSpan: Bool
    var row = 0
    /// The extent the glyph and its open-end arrows take on the row.
    var extent: (Double, Double) {
      (x0 - (openStart ? Metric.openArrow : 0) - (isSpan ? 0 : Metric.dotRadius),
       x1 + (openEnd ? Metric.openArrow : 0) + (isSpan ? 0 : Metric.dotRadius))
    }
    var openStart: Bool
    var openEnd: Bool
    /// Where the leader line meets the mark.
    var anchor: Double { isSpan ? x0 : (x0 + x1) / 2 }
  }

  /// Compiles the timeline into a scene, phase by phase: select, scales, marks, guides, frame.
  public func scene(size: Size? = nil, style: ChartStyle = .standard, measurer: TextMeasurer) throws -> Scene {
    let size = size ?? style.size
    // select
    guard !events.isEmpty else { throw fail(.select, "there are no events to draw") }
    for e in events where e.label.isEmpty && e.dateText.isEmpty {
      throw fail(.select, "an event from \(e.start) has neither a label nor a date text")
    }

    // frame (first, for the plot area it leaves)
    let chartFrame: ChartFrame = try ChartError.inPhase(.frame, chart: id) {
      try ChartFrame(
        FrameText(title: frame.title, subtitle: frame.subtitle, notes: frame.notes + notes, source: frame.source),
        size: size, style: style, measurer: measurer)
    }
    let area = chartFrame.plotArea

    // scales
    let first = events.map(\.start).min() ?? events[0].start
    let last = events.map(\.end).max() ?? events[0].end
    let axis: TimeAxis = try ChartError.inPhase(.scales, chart: id) {
      try TimeAxis(covering: first, last, left: area.minX, right: area.maxX, style: style, measurer: measurer)
    }
    let scale = axis.scale

    // marks: glyph rows, then label lanes
    var marks = events.map { e -> Mark in
      var (x0, x1) = e.isSpan ? scale.span(from: e.start, to: e.end) : (scale.x(e.start), scale.xEnd(e.start))
      if e.isSpan, x1 - x0 < Metric.minBarWidth {
        let mid = (x0 + x1) / 2
        (x0, x1) = (mid - Metric.minBarWidth / 2, mid + Metric.minBarWidth / 2)
      }
      return Mark(x0: x0, x1: x1, isSpan: e.isSpan, openStart: e.openStart, openEnd: e.openEnd)
    }
    let rowCount = Self.assignRows(&marks, events: events)
    let tickStyle = TimeAxis.labelStyle(style)
    let tickHeight = try measurer.measure("2021", style: tickStyle, maxWidth: nil).height
    let tickBand = tickHeight + 8
    let available = area.height - tickBand
    let markBand = Double(rowCount - 1) * Metric.rowPitch + 2 * Metric.rowHalf
    let fixed = markBand + 2 * Metric.leaderMin
    let laneRoom = available - fixed

    // Narrow labels first; when they do not fit, wider ones wrap onto fewer lines
    // and so make shorter lanes, which is what a dense cluster needs.
    var widths = [Swift.min(Metric.maxLabelWidth, Swift.max(60, area.width / 4))]
    for w in [210.0, 280.0] where w > (widths.last ?? 0) && w <= area.width / 2.5 { widths.append(w) }
    var layout: (labels: [LabelBox], laneHeight: Double, maxLanes: Int, placement: Placement)?
    var failure: ChartError?
    for maxWidth in widths {
      let labels = try measureLabels(marks: marks, area: area, maxWidth: maxWidth, style: style, measurer: measurer)
      let laneHeight = labels.map(\.height).max() ?? 0
      let maxLanes = laneRoom > 0 ? Self.int((laneRoom + Metric.laneGapMin) / (laneHeight + Metric.laneGapMin)) : 0
      guard maxLanes >= 1 else {
        failure = fail(
          .marks,
          "\(Self.int(area.height)) points of plot height leave no room for one lane of labels (\(Self.int(laneHeight + fixed + tickBand)) needed); make the chart taller")
        continue
      }
      var placement = Self.assignLanes(labels, maxLanes: maxLanes, eager: true)
      if placement.unplaced > 0 { placement = Self.assignLanes(labels, maxLanes: maxLanes, eager: false) }
      if placement.unplaced == 0 {
        layout = (labels, laneHeight, maxLanes, placement)
        break
      }
      // The fewest lanes that would do, for the message: a binary search, as each try is O(labels × lanes).
      var (lo, hi) = (maxLanes, labels.count)
      while lo + 1 < hi {
        let m = (lo + hi) / 2
        if Self.assignLanes(labels, maxLanes: m, eager: false).unplaced == 0 { hi = m } else { lo = m }
      }
      let height = size.height + Double(hi - maxLanes) * (laneHeight + Metric.laneGapMin)
      failure = fail(
        .marks,
        "\(placement.unplaced) of \(events.count) event labels do not fit in \(maxLanes) lanes without overlapping; they need \(hi) lanes, about \(Self.int(height.rounded(.up))) points of chart height at this width; make the chart taller or wider, or shorten the labels")
    }
    guard let (labels, laneHeight, _, placement) = layout else {
      throw failure ?? fail(.marks, "the event labels do not fit")
    }

    // Vertical layout: lanes above, the mark rows, lanes below, centred in the room left.
    let used = placement.lanesAbove + placement.lanesBelow
    let extra = (laneRoom - Double(used) * laneHeight) / Double(Swift.max(1, used))
    let laneGap = Swift.min(Swift.max(extra, Metric.laneGapMin), laneHeight * 0.9 + 4)
    let pitch = laneHeight + laneGap
    let content = fixed + Double(used) * pitch - laneGap
    let contentTop = area.minY + Swift.max(0, (available - content) / 2)
    let markTop = contentTop + Double(placement.lanesAbove) * pitch - (placement.lanesAbove > 0 ? laneGap : 0) + Metric.leaderMin
    let axisY = markTop + markBand - Metric.rowHalf
    let markBottom = axisY + Metric.rowHalf

    // guides
    let gridTop = placement.lanesAbove > 0 ? contentTop : markTop
    var prims = axis.primitives(axisY: axisY, labelY: area.maxY - tickHeight, gridTop: gridTop, gridBottom: area.maxY - tickBand + 2, style: style)
    let tickPrims = prims.removeLast()

    // marks
    let color = style.palette.first ?? style.inkColor
    var leaders: [Primitive] = []
    var labelPrims: [Primitive] = []
    let titleStyle = style.text(size: style.labelSize)
    let dateStyle = style.text(size: style.tickSize, color: style.mutedTextColor)
    let leaderStroke = StrokeStyle(color: style.axisColor, width: 0.75)
    for (label, slot) in zip(labels, placement.slots) {
      guard let slot else { continue }
      let mark = marks[label.event]
      let rowY = axisY - Double(mark.row) * Metric.rowPitch
      let top: Double
      if slot.above {
        top = markTop - Metric.leaderMin - Double(slot.lane) * pitch - label.height
        leaders.append(.line(from: Point(label.anchor, rowY - Metric.rowHalf + 1), to: Point(label.anchor, top), leaderStroke))
      } else {
        top = markBottom + Metric.leaderMin + Double(slot.lane) * pitch
        leaders.append(.line(from: Point(label.anchor, rowY + Metric.rowHalf - 1), to: Point(label.anchor, top + label.height), leaderStroke))
      }
      let event = events[label.event]
      let box = Rect(x: label.minX, y: top, width: label.width, height: label.height)
      var parts: [Primitive] = [.rect(box.inset(top: -1, left: -1, bottom: -1, right: -1), style.background.withAlpha(0.85))]
      let x = label.flipped ? box.maxX : box.minX
      let anchor: HorizontalAnchor = label.flipped ? .end : .start
      if !event.label.isEmpty {
        var ts = titleStyle
        if label.flipped { ts.alignment = .right }
        parts.append(.text(TextItem(event.label, at: Point(x, top), style: ts, horizontal: anchor, vertical: .top, maxWidth: label.wrap)))
      }
      if !event.dateText.isEmpty {
        let y = top + label.titleHeight + (event.label.isEmpty ? 0 : 1)
        parts.append(.text(TextItem(event.dateText, at: Point(x, y), style: dateStyle, horizontal: anchor, vertical: .top)))
      }
      labelPrims.append(.group(role: "label", parts))
    }
    var glyphs: [Primitive] = []
    for (event, mark) in zip(events, marks) {
      glyphs.append(Self.glyph(event, mark, y: axisY - Double(mark.row) * Metric.rowPitch, color: color, style: style))
    }
    prims.append(.group(role: "leaders", leaders))
    prims.append(.group(role: "events", glyphs))
    prims.append(.group(role: "labels", labelPrims))
    prims.append(tickPrims)
    prims.append(contentsOf: chartFrame.primitives)

    return Scene(
      size: size, background: style.background, primitives: prims,
      metadata: SceneMetadata(title: frame.title, keywords: ["BriefKit", id], altText: altText, sourceLine: frame.source))
  }

  /// The notes explaining the kinds of marks that appear, in a fixed order.
  var notes: [String] {
    var notes: [String] = []
    let hasDays = events.contains { !$0.isSpan }
    if events.contains(where: \.isSpan) {
      notes.append(
        "Bars cover every day of the period a date names (a month, season, year or range)" + (hasDays ? "; dots mark single days." : "."))
    }
    if events.contains(where: \.isQualified) {
      let dots = events.contains { $0.isQualified && !$0.isSpan }
      notes.append((dots ? "Hollow dots and pale" : "Pale") + " dashed bars mark dates the source gives as approximate (~) or uncertain (?).")
    }
    if events.contains(where: { $0.openStart || $0.openEnd }) {
      notes.append(
        events.contains(where: \.endsUnknown)
          ? "Dashed arrows mark dates left open (“until”, “since”) or unknown at one end."
          : "Dashed arrows mark dates left open at one end (“until”, “since”).")
    }
    return notes
  }

  /// A description for readers who cannot see the chart, events in date order.
  public var altText: String {
    let sorted = events.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
    var s = "Timeline. \(frame.title)."
    if !frame.subtitle.isEmpty { s += " \(frame.subtitle)." }
    if let first = sorted.first, let last = sorted.max(by: { $0.end < $1.end }) {
      let n = sorted.count
      let from = first.dateText.isEmpty ? first.start.description : first.dateText
      let to = last.dateText.isEmpty ? last.end.description : last.dateText
      s += n == 1 ? " 1 event, \(from): " : " \(n) events from \(from) to \(to): "
      s += sorted.map { e in e.dateText.isEmpty ? e.label : "\(e.label) (\(e.dateText))" }.joined(separator: "; ") + "."
    }
    if !frame.source.isEmpty { s += " \(frame.source)" }
    return s
  }

  /// Puts each glyph on the lowest row where it overlaps no other glyph; events
  /// with the same dates share a row. Returns the number of rows.
  ///
  /// First fit over rows, keeping each row's rightmost x: O(events × rows).
  static func assignRows(_ marks: inout [Mark], events: [TimelineEvent]) -> Int {
    struct Key: Hashable { var start: Day, end: Day, qualified: Bool, open: Int }
    var rowOf: [Key: Int] = [:]
    var rightmost: [Double] = []
    let order = marks.indices.sorted { (marks[$0].extent.0, $0) < (marks[$1].extent.0, $1) }
    for i in order {
      let e = events[i]
      let key = Key(start: e.start, end: e.end, qualified: e.isQualified, open: (e.openStart ? 1 : 0) + (e.openEnd ? 2 : 0))
      if let row = rowOf[key] {
        marks[i].row = row
        rightmost[row] = Swift.max(rightmost[row], marks[i].extent.1)
        continue
      }
      let (lo, hi) = marks[i].extent
      let row = rightmost.firstIndex { $0 + 2 <= lo } ?? rightmost.count
      if row == rightmost.count { rightmost.append(hi) } else { rightmost[row] = hi }
      marks[i].row = row
      rowOf[key] = row
    }
    return Swift.max(1, rightmost.count)
  }

  /// Measures every label, titles wrapped at `maxWidth`, and fixes its horizontal place: right of its leader,
  /// or left of it when it would run past the plot's right edge.
  func measureLabels(marks: [Mark], area: Rect, maxWidth: Double, style: ChartStyle, measurer: TextMeasurer) throws -> [LabelBox] {
    let titleStyle = style.text(size: style.labelSize)
    let dateStyle = style.text(size: style.tickSize, color: style.mutedTextColor)
    var boxes: [LabelBox] = []
    boxes.reserveCapacity(events.count)
    for (i, e) in events.enumerated() {
      var titleWidth = 0.0, titleHeight = 0.0, wrap: Double?
      if !e.label.isEmpty {
        var m = try measurer.measure(e.label, style: titleStyle, maxWidth: nil)
        if m.width > maxWidth {
          wrap = maxWidth
          m = try measurer.measure(e.label, style: titleStyle, maxWidth: maxWidth)
        }
        (titleWidth, titleHeight) = (m.width, m.height)
      }
      var dateWidth = 0.0, dateHeight = 0.0
      if !e.dateText.isEmpty {
        let m = try measurer.measure(e.dateText, style: dateStyle, maxWidth: nil)
        (dateWidth, dateHeight) = (m.width, m.height + (e.label.isEmpty ? 0 : 1))
      }
      let anchor = marks[i].anchor
      var width = Swift.max(titleWidth, dateWidth)
      var minX = anchor + Metric.poleGap
      var flipped = false
      if minX + width > area.maxX {
        // Right-aligned, a wrapped title's box is as wide as its wrap width.
        let flippedWidth = Swift.max(wrap ?? titleWidth, dateWidth)
        if anchor - Metric.poleGap - flippedWidth >= area.minX {
          flipped = true
          width = flippedWidth
          minX = anchor - Metric.poleGap - width
        } else {
          minX = Swift.max(area.minX, area.maxX - width)
        }
      }
      guard width <= area.width else {
        throw fail(.marks, "the label “\(e.label)” is wider than the plot; widen the chart")
      }
      boxes.append(
        LabelBox(
          event: i, anchor: anchor, minX: minX, width: width, height: titleHeight + dateHeight,
          titleHeight: titleHeight, wrap: wrap, flipped: flipped))
    }
    return boxes
  }

  /// Where a label goes: above or below the axis, and in which lane (0 nearest).
  struct Slot: Equatable {
    var above: Bool
    var lane: Int
  }

  /// The lanes chosen for all labels.
  struct Placement {
    var slots: [Slot?]
    var lanesAbove: Int
    var lanesBelow: Int
    var unplaced: Int
  }

  /// Assigns labels to lanes above and below the axis so that no two boxes in
  /// a lane overlap, using at most `maxLanes` lanes in all.
  ///
  /// Labels go from right to left. Each lane keeps only its leftmost box (and
  /// how far leaders passing through it reach), so a label tries each lane in
  /// O(1): the whole pass is O(labels × lanes). Lanes are tried nearest first,
  /// alternating sides, starting opposite the previous label.
  ///
  /// A label first looks for a lane whose leader stays clear of other labels;
  /// failing that it accepts a leader passing behind a label's background.
  /// When `eager`, a clear leader in a new lane beats a crossing one in an
  /// open lane (the tidiest picture); otherwise open lanes are used first
  /// (the fewest lanes, for dense charts).
  static func assignLanes(_ labels: [LabelBox], maxLanes: Int, eager: Bool) -> Placement {
    var lanes: [[Lane]] = [[], []]  // [above, below]
    var slots = [Slot?](repeating: nil, count: labels.count)
    var unplaced = 0
    var preferAbove = true
    let order = labels.indices.sorted { (labels[$0].anchor, -$0) > (labels[$1].anchor, -$1) }
    // Each pass: (leaders must stay clear, new lanes may open).
    let passes = eager ? [(true, true), (false, true)] : [(true, false), (false, false), (false, true)]
    for i in order {
      let label = labels[i]
      let sides = preferAbove ? [0, 1] : [1, 0]
      var chosen: (side: Int, lane: Int)?
      for (strict, opening) in passes {
        var clear = [true, true]
        search: for k in 0..<maxLanes {
          for side in sides {
            if k < lanes[side].count {
              let lane = lanes[side][k]
              let limit = strict ? lane.reserve : lane.leftEdge
              if (!strict || clear[side]) && label.maxX + Metric.labelGap <= limit {
                chosen = (side, k)
                break search
              }
              if lane.covers(label.anchor) { clear[side] = false }
            } else if opening, k == lanes[side].count, lanes[0].count + lanes[1].count < maxLanes,
              !strict || clear[side]
            {
              chosen = (side, k)
              break search
            }
          }
        }
        if chosen != nil { break }
      }
      guard let (side, k) = chosen else {
        unplaced += 1
        continue
      }
      if k == lanes[side].count { lanes[side].append(Lane()) }
      lanes[side][k].leftEdge = label.minX
      lanes[side][k].leftBoxMaxX = label.maxX
      lanes[side][k].reserve = Swift.min(lanes[side][k].reserve, label.minX)
      for j in 0..<k {
        lanes[side][j].reserve = Swift.min(lanes[side][j].reserve, label.anchor - Metric.polePad)
      }
      slots[i] = Slot(above: side == 0, lane: k)
      preferAbove = side == 1
    }
    return Placement(slots: slots, lanesAbove: lanes[0].count, lanesBelow: lanes[1].count, unplaced: unplaced)
  }

  /// The glyph of one event, in a group whose role names its kind:
  /// "point", "point-approximate", "span" or "span-approximate".
  static func glyph(_ event: TimelineEvent, _ mark: Mark, y: Double, color: Color, style: ChartStyle) -> Primitive {
    var parts: [Primitive] = []
    let role: String
    if event.isSpan {
      let bar = Rect(x: mark.x0, y: y - Metric.barHeight / 2, width: mark.x1 - mark.x0, height: Metric.barHeight)
      if event.isQualified {
        role = "span-approximate"
        parts.append(.rect(bar, color.withAlpha(0.3)))
        parts.append(.stroke(.rect(bar), StrokeStyle(color: color, width: 1, dash: [2.5, 1.5])))
      } else {
        role = "span"
        parts.append(.rect(bar, color))
      }
    } else {
      let center = Point((mark.x0 + mark.x1) / 2, y)
      if event.isQualified {
        role = "point-approximate"
        parts.append(.fill(.circle(center: center, radius: Metric.dotRadius), style.background))
        parts.append(.stroke(.circle(center: center, radius: Metric.dotRadius - 0.7), StrokeStyle(color: color, width: 1.4)))
      } else {
        role = "point"
        parts.append(.fill(.circle(center: center, radius: Metric.dotRadius), color))
      }
    }
    let mid = (mark.x0 + mark.x1) / 2
    if event.openStart {
      parts += openArrow(from: event.isSpan ? mark.x0 : mid - Metric.dotRadius, direction: -1, y: y, color: color)
    }
    if event.openEnd {
      parts += openArrow(from: event.isSpan ? mark.x1 : mid + Metric.dotRadius, direction: 1, y: y, color: color)
    }
    return .group(role: role, parts)
  }

  /// A dashed line with a small arrowhead, pointing left (-1) or right (1) from `x`.
  static func openArrow(from x: Double, direction: Double, y: Double, color: Color) -> [Primitive] {
    let tip = x + direction * Metric.openArrow
    return [
      .line(from: Point(x, y), to: Point(tip - direction * 3, y), StrokeStyle(color: color, width: 1.2, dash: [2, 1.5])),
      .fill(.polyline([Point(tip, y), Point(tip - direction * 4, y - 3), Point(tip - direction * 4, y + 3)], closed: true), color),
    ]
  }

  /// A whole number of points for messages; never traps.
  static func int(_ v: Double) -> Int {
    guard v.isFinite, abs(v) < 1e9 else { return 0 }
    return Int(v.rounded(.down))
  }

  func fail(_ phase: ChartError.Phase, _ message: String) -> ChartError {
    .invalid(chart: id, phase: phase, message: message)
  }
}
