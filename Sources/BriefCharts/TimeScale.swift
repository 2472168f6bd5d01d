import BriefModel
import BriefScene

/// Maps calendar days linearly onto a range of positions.
///
/// A day is a stretch of time, not an instant: ``x(_:)`` is where the day
/// starts and ``xEnd(_:)`` where it ends, so a span from `start` to `end`
/// covers `x(start)...xEnd(end)` and a month covers exactly its days.
///
/// ```swift
/// guard let jan = Day(year: 2021, month: 1, day: 1), let dec = Day(year: 2021, month: 12, day: 31) else { return }
/// let t = TimeScale(domain: jan...dec, range: 0...365)
/// t.x(jan)       // 0
/// t.xEnd(dec)    // 365
/// t.dayWidth     // 1
/// ```
public struct TimeScale: Equatable, Sendable {
  /// The first and last whole days shown.
  public var domain: (start: Day, end: Day)
  /// Where the first day starts and where the last day ends.
  public var range: (low: Double, high: Double)

  public init(domain: ClosedRange<Day>, range: ClosedRange<Double>) {
    self.domain = (domain.lowerBound, domain.upperBound)
    self.range = (range.lowerBound, range.upperBound)
  }

  public init(domain: (Day, Day), range: (Double, Double)) {
    self.domain = (Swift.min(domain.0, domain.1), Swift.max(domain.0, domain.1))
    self.range = range
  }

  public static func == (a: TimeScale, b: TimeScale) -> Bool {
    a.domain == b.domain && a.range == b.range
  }

  /// The number of days shown, the last one included.
  public var dayCount: Int { domain.start.days(to: domain.end) + 1 }

  /// The width of one day in points.
  public var dayWidth: Double { (range.high - range.low) / Double(dayCount) }

  /// The position where `day` starts; days outside the domain extrapolate.
  public func x(_ day: Day) -> Double {
    position(ordinal: day.ordinal)
  }

  /// The position where `day` ends (where the next day starts).
  public func xEnd(_ day: Day) -> Double {
    position(ordinal: day.ordinal + 1)
  }

  /// The start and end positions of the span of days from `start` to `end`, both included.
  public func span(from start: Day, to end: Day) -> (start: Double, end: Double) {
    (x(Swift.min(start, end)), xEnd(Swift.max(start, end)))
  }

  func position(ordinal: Int) -> Double {
    range.low + Double(ordinal - domain.start.ordinal) * dayWidth
  }

  /// The scale with its domain widened to whole units (years or months).
  public func nice(_ unit: TimeTickInterval.Unit) -> TimeScale {
    let s = domain.start, e = domain.end
    switch unit {
    case .year:
      let start = Day(year: s.year, month: 1, day: 1) ?? s
      let end = Day(year: e.year, month: 12, day: 31) ?? e
      return TimeScale(domain: (start, end), range: range)
    case .month:
      let start = Day(year: s.year, month: s.month, day: 1) ?? s
      let end = Day(year: e.year, month: e.month, day: Day.daysIn(month: e.month, year: e.year)) ?? e
      return TimeScale(domain: (start, end), range: range)
    }
  }

  /// The ticks of `interval` within the domain, its closing boundary included.
  ///
  /// Year ticks fall on 1 January of years divisible by the step and read "2021".
  /// Month ticks fall on the first of months counted from January in steps and read
  /// "Jan 2021" for the first tick and every January, "Feb" for the rest.
  public func ticks(_ interval: TimeTickInterval) -> [TimeTick] {
    let step = Swift.max(1, interval.step)
    let first = domain.start.ordinal, last = domain.end.ordinal + 1
    var ticks: [TimeTick] = []
    switch interval.unit {
    case .year:
      var year = (domain.start.year + step - 1) / step * step
      while year <= domain.end.year + 1, let day = Day(year: year, month: 1, day: 1) {
        if day.ordinal >= first, day.ordinal <= last {
          ticks.append(TimeTick(day: day, x: x(day), label: String(year)))
        }
        year += step
      }
    case .month:
      var year = domain.start.year, month = domain.start.month
      while let day = Day(year: year, month: month, day: 1), day.ordinal <= last {
        if (month - 1) % step == 0, day.ordinal >= first {
          let name = TimeScale.monthNames[month - 1]
          let label = ticks.isEmpty || month == 1 ? "\(name) \(year)" : name
          ticks.append(TimeTick(day: day, x: x(day), label: label))
        }
        month += 1
        if month > 12 {
          month = 1
          year += 1
        }
      }
    }
    return ticks
  }

  static let monthNames = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]
}

/// The calendar unit and step between date-axis ticks.
public struct TimeTickInterval: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// The calendar unit ticks fall on.
  public enum Unit: String, Sendable {
    case year, month
  }

  public var unit: Unit
  /// How many units apart ticks are: 1, 2, 5, 10… years or 1, 2, 3, 6 months.
  public var step: Int

  public init(_ unit: Unit, step: Int = 1) {
    self.unit = unit
    self.step = Swift.max(1, step)
  }

  public var description: String { "\(step) \(unit.rawValue)\(step == 1 ? "" : "s")" }

  static let monthSteps = [1, 2, 3, 6].map { TimeTickInterval(.month, step: $0) }
  static let yearSteps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].map { TimeTickInterval(.year, step: $0) }
}

/// One tick of a date axis.
public struct TimeTick: Equatable, Sendable {
  /// The day the tick marks the start of.
  public var day: Day
  /// Where that day starts.
  public var x: Double
  public var label: String

  public init(day: Day, x: Double, label: String) {
    self.day = day
    self.x = x
    self.label = label
  }
}

/// A horizontal date axis: a time scale, its ticks and their labels, chosen so
/// that labels are round and never crowd each other.
public struct TimeAxis: Equatable, Sendable {
  public var scale: TimeScale
  public var interval: TimeTickInterval
  public var ticks: [TimeTick]

  /// The style tick labels are drawn in.
  public static func labelStyle(_ style: ChartStyle) -> TextStyle {
    style.text(size: style.tickSize, color: style.mutedTextColor, tabular: true)
  }

  /// Picks the finest round interval whose labels fit between `left` and `right`.
  ///
  /// Spans up to about two years try months (1, 2, 3, 6) before years; longer
  /// spans use years (1, 2, 5, 10…). The domain widens to whole months or years,
  /// and the range is inset by half the widest label so end labels stay inside
  /// `left...right`. Adjacent labels keep at least `minGap` points, and three
  /// quarters of a label's width, between them.
  ///
  /// Throws ``ChartError/layout(_:)`` when not even the coarsest interval fits.
  public init(
    covering first: Day, _ last: Day, left: Double, right: Double, style: ChartStyle,
    measurer: TextMeasurer, minGap: Double = 10
  ) throws {
    let lo = Swift.min(first, last), hi = Swift.max(first, last)
    let short = lo.days(to: hi) <= 2 * 366
    let candidates = (short ? TimeTickInterval.monthSteps : []) + TimeTickInterval.yearSteps
    let labelStyle = TimeAxis.labelStyle(style)
    for interval in candidates {
      let nominal = TimeScale(domain: (lo, hi), range: (left, right)).nice(interval.unit)
      let labels = nominal.ticks(interval).map(\.label)
      // Month axes need two labels to be read; a year axis can make do with one.
      guard labels.count >= (interval.unit == .month ? 2 : 1) else { continue }
      var widths: [Double] = []
      for label in labels { widths.append(try measurer.measure(label, style: labelStyle, maxWidth: nil).width) }
      let inset = (widths.max() ?? 0) / 2
      guard right - left - 2 * inset > 20 else { continue }
      let scale = TimeScale(domain: nominal.domain, range: (left + inset, right - inset))
      let ticks = scale.ticks(interval)
      var fits = true
      for i in ticks.indices.dropFirst() {
        let gap = (ticks[i].x - widths[i] / 2) - (ticks[i - 1].x + widths[i - 1] / 2)
        if gap < Swift.max(minGap, 0.75 * Swift.max(widths[i], widths[i - 1])) {
          fits = false
          break
        }
      }
      if fits {
        self.scale = scale
        self.interval = interval
        self.ticks = ticks
        return
      }
    }
    throw ChartError.layout(
      "the dates from \(lo) to \(hi) leave no room for a readable date axis in \(Self.points(right - left)) points; widen the chart")
  }

  /// Tick marks hanging below `y` and labels under them, plus light gridlines
  /// from `gridTop` to `y` when given.
  public func primitives(axisY y: Double, labelY: Double, gridTop: Double?, gridBottom: Double? = nil, style: ChartStyle) -> [Primitive] {
    var grid: [Primitive] = []
    var marks: [Primitive] = []
    var labels: [Primitive] = []
    let gridStroke = StrokeStyle(color: style.gridColor, width: style.gridWidth)
    let tickStroke = StrokeStyle(color: style.axisColor, width: 1)
    let labelStyle = TimeAxis.labelStyle(style)
    for tick in ticks {
      if let gridTop {
        grid.append(.line(from: Point(tick.x, gridTop), to: Point(tick.x, gridBottom ?? y), gridStroke))
      }
      marks.append(.line(from: Point(tick.x, y), to: Point(tick.x, y + 4), tickStroke))
      labels.append(.text(TextItem(tick.label, at: Point(tick.x, labelY), style: labelStyle, horizontal: .middle, vertical: .top)))
    }
    let line = Primitive.line(from: Point(scale.range.low, y), to: Point(scale.range.high, y), tickStroke)
    return [.group(role: "grid", grid), .group(role: "axis", [line] + marks), .group(role: "ticks", labels)]
  }

  static func points(_ v: Double) -> String {
    guard v.isFinite, abs(v) < 1e9 else { return "too few" }
    return String(Int(v.rounded()))
  }
}
