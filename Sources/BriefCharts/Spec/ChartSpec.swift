import BriefModel
import BriefScene
import Yams

/// A chart as written in a spec file: what to draw, from which data, how.
///
/// ```yaml
/// - id: bribes-for-selection
///   kind: bars                 # bars, dot-range, line, timeline, stacked, tile
///   title: Places on teams bound for Russia are bought
///   subtitle: Bribes paid for selection, early 2021, USD per worker
///   data:                      # estimates or observations by id, in order
///     - {estimate: bribe-construction-2021-usd, label: Construction job, group: By job sought}
///     - {observation: bribe-sinuiju-2021, label: Sinuiju, group: By city}
///   sort: descending           # none (default), ascending, descending
///   orientation: horizontal    # bars only
///   ranges: whisker            # whisker or floating
///   labels: all                # all (default) or thinned: every k-th row when rows are too close
///   style: {fonts: {title: 18}}   # overrides of the style, same keys as a style file
/// ```
///
/// Instead of `data`, `select` picks observations by field (`measure`,
/// `destination`, `origin`, `job`, `sector`); `series` names analysis series (line
/// charts); `events` picks events (timelines: `all`, a list of ids, or
/// `{from: 2010, to: 2025, categories: [...]}`); inline `bars` give labelled values
/// directly, without the dataset.
public struct ChartSpec: Sendable {
  /// The kinds of chart.
  public enum Kind: String, CaseIterable, Sendable {
    case bars
    case dotRange = "dot-range"
    case line
    case timeline
    case stacked
    case tile
  }

  /// Ascending or descending order by value, or the order written.
  public enum Sort: String, CaseIterable, Sendable {
    case none, ascending, descending
  }

  /// One entry of `data`: an estimate, an observation, or an inline value.
  public struct DataRef: Sendable {
    public enum Target: Sendable {
      case estimate(String)
      case observation(String)
      case inline(ReportedValue)
    }
    public var target: Target
    public var label: String?
    public var group: String?
    public var location: SourceLocation
  }

  /// Observations picked by field values; every given field must match.
  public struct Selection: Sendable {
    public var fields: [(String, [String])]
    public var location: SourceLocation
  }

  /// Events for a timeline.
  public struct EventFilter: Sendable {
    public var ids: [String]?
    public var from: Int?
    public var to: Int?
    public var categories: [String]?
    public var location: SourceLocation
  }

  public var id: String
  public var kind: Kind
  public var title: String
  public var subtitle: String
  public var notes: [String]
  /// The chart's size in the default style; other styles scale it by their type size.
  public var size: Size?
  /// The date written into PDF metadata, `YYYY-MM-DD`; defaults to the newest source's date.
  public var date: Day?
  public var data: [DataRef]
  public var select: Selection?
  public var series: [(id: String, label: String?)]
  public var events: EventFilter?
  public var sort: Sort
  public var orientation: BarOrientation
  public var ranges: RangeStyle
  /// Horizontal bars and dot-range charts: label every row, or only as many as have room.
  public var labels: CategoryLabels = .all
  /// A label for the unit, appended to ticks when it is short ("%").
  public var tickSuffix: String
  /// Stacked charts: the labels of the two parts of each bar.
  public var parts: (String, String)
  /// A source line written by hand, for charts of inline values; dataset charts build theirs from the data.
  public var source: String?
  /// Style overrides as written, applied over the chosen style when the chart is drawn.
  var styleOverrides: [(String, YAMLTree)]
  var overridesReader: YAMLReader?
  /// Where the chart is written.
  public var location: SourceLocation

  /// The style for this chart: `base` with the spec's overrides applied.
  public func style(over base: ChartStyle) throws -> ChartStyle {
    var style = base
    if let reader = overridesReader, !styleOverrides.isEmpty {
      try StyleFile.apply(styleOverrides.map { ($0, $1.node) }, to: &style, reader: reader, field: "style")
    }
    // A spec's size is its size in the default style; other styles scale it with their type,
    // so a chart tuned to fit its labels still fits them in larger or smaller type.
    if let size {
      let factor = base.labelSize / ChartStyle.standard.labelSize
      style.size = Size(width: (size.width * factor).rounded(), height: (size.height * factor).rounded())
    }
    return style
  }
}
