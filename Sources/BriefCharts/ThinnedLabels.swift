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

  /// Lays a chart out until the stride its note announces is the stride its layout uses: the note
  /// takes room, which can make rows closer. `layout(every)` lays out with the note for `every`
  /// and returns its result and the stride it found.
  static func settle<T>(chart: String, _ layout: (_ every: Int) throws -> (T, Int)) throws -> T {
    var every = 1
    for _ in 0..<4 {
      let (result, found) = try layout(every)
      if found == every { return result }
      every = found
    }
    throw ChartError.invalid(chart: chart, phase: .scales, message: "the rows are too close for their labels to settle; make the chart taller")
  }

  /// The alt text's list of rows: at most 100, then how many more.
  static func altList(_ items: [String]) -> String {
    var text = items.prefix(100).joined(separator: "; ")
    if items.count > 100 { text += "; and \(NumberFormat.grouped(Double(items.count - 100))) more" }
    return text
  }
}
