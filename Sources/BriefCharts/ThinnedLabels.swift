import BriefModel
import BriefScene

/// Which rows of a bar or dot-and-range chart carry their labels.
public enum CategoryLabels: String, Sendable, CaseIterable {
  /// Every row; a chart whose rows are too close for their labels is an error.
  case all
  /// Every row when there is room; otherwise every k-th row, the fewest that leaves no
  /// two labels touching, with no value labels (values are read off the axis) and a note
  /// saying so. For long series: thousands of rows in one chart.
  case thinned
}

/// The shared rules of thinned row labels.
enum ThinnedLabels {
  /// How often rows are labelled when `rows` rows share `plotHeight` points: 1 for every row,
  /// or with `.thinned` labels every k-th row once rows are closer than a label's height.
  static func stride(_ mode: CategoryLabels, rows: Int, plotHeight: Double, labelHeight: Double) -> Int {
    guard mode == .thinned, rows > 0 else { return 1 }
    let step = plotHeight / Double(rows)
    guard step > 0, step < labelHeight + 1 else { return 1 }
    return Int(min(Double(rows), ((labelHeight + 1) / step).rounded(.up)))
  }

  /// The note of a chart whose labels name every `every`-th of `count` rows, or none.
  static func notes(every: Int, count: Int, noun: String) -> [String] {
    guard every > 1 else { return [] }
    return ["Labels name every \(NumberFormat.ordinal(every)) of the \(NumberFormat.grouped(Double(count))) \(noun), from the first; values are read off the axis."]
  }

  /// The stride, label column, wrap width and tallest label of a chart's row labels. Starting from
  /// at least `minimum`, every `every`-th label is measured on one line. When all fit in
  /// `maxColumn`, the column is the widest of them and nothing wraps (`wrap` is nil, so each label
  /// is shaped once, for its measure and its drawing alike); otherwise the column is `maxColumn`
  /// and the labels are measured again wrapped to it. While the labels measured need a wider
  /// stride, the stride widens and the new set is measured, so the labels drawn are always the
  /// labels measured. Group headings need a line each, so thinning rows that have headings is an error.
  static func rowLabels(
    _ mode: CategoryLabels, chart: String, labels: [String], style: TextStyle, measurer: TextMeasurer, rows: Int, hasHeadings: Bool,
    plotHeight: Double, lineHeight: Double, minimum: Int, maxColumn: Double
  ) throws -> RowLabels {
    var every = max(1, minimum, stride(mode, rows: rows, plotHeight: plotHeight, labelHeight: lineHeight))
    while true {
      var widest = 0.0
      var tallest = lineHeight
      for i in Swift.stride(from: 0, to: labels.count, by: every) {
        let m = try measurer.measure(labels[i], style: style, maxWidth: nil)
        widest = max(widest, m.width)
        tallest = max(tallest, m.height)
      }
      let wrap: Double? = widest > maxColumn ? maxColumn : nil
      if let wrap {
        tallest = lineHeight
        for i in Swift.stride(from: 0, to: labels.count, by: every) {
          tallest = max(tallest, try measurer.measure(labels[i], style: style, maxWidth: wrap).height)
        }
      }
      let next = mode == .thinned ? max(every, stride(mode, rows: rows, plotHeight: plotHeight, labelHeight: tallest)) : every
      if next == every {
        if every > 1 && hasHeadings {
          throw ChartError.invalid(
            chart: chart, phase: .scales,
            message: "group headings need a line each, but the rows are so close that only every \(NumberFormat.ordinal(every)) is labelled; drop the groups or make the chart taller")
        }
        return RowLabels(every: every, column: wrap ?? widest, wrap: wrap, tallest: tallest)
      }
      every = next
    }
  }

  /// Which row labels are drawn, and how.
  struct RowLabels {
    /// Every `every`-th row is labelled, from the first.
    var every: Int
    /// The width of the label column, right of which the plot begins.
    var column: Double
    /// The width labels wrap to, or nil when every label fits the column on its lines as written.
    var wrap: Double?
    /// The tallest label's height.
    var tallest: Double
  }

  /// Lays a chart out until the stride its note announces is the stride its layout uses: the note
  /// takes room, which can make rows closer. `layout(every)` lays out with the note for `every`,
  /// labelling no more often than that, and returns its result and the stride it found, which only
  /// ever grows, so this ends.
  static func settle<T>(chart: String, _ layout: (_ every: Int) throws -> (T, Int)) throws -> T {
    var every = 1
    for _ in 0..<8 {
      let (result, found) = try layout(every)
      if found <= every { return result }
      every = found
    }
    throw ChartError.invalid(chart: chart, phase: .scales, message: "the rows are too close for their labels to settle; make the chart taller")
  }

  /// The short tick that ties a label to its own row among unlabelled neighbours, left of `plotLeft`.
  static func tick(plotLeft: Double, y: Double, style: ChartStyle) -> Primitive {
    .line(from: Point(plotLeft - 7, y), to: Point(plotLeft - 2, y), StrokeStyle(color: style.axisColor, width: 0.75))
  }

  /// The alt text's list of rows: at most 100, then how many more.
  static func altList<Items: Collection<String>>(_ items: Items) -> String {
    var text = items.prefix(100).joined(separator: "; ")
    if items.count > 100 { text += "; and \(NumberFormat.grouped(Double(items.count - 100))) more" }
    return text
  }
}
