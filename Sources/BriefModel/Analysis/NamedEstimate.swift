/// A statistic the brief can cite: a value with its interval, unit, inputs, method and caveats.
///
/// Briefs refer to estimates by ``id`` (`{{cn-work-visas-2012-implied}}`); charts
/// take their source lines from the observations in ``inputs``.
public struct NamedEstimate: Hashable, Sendable {
  /// Stable id, e.g. `cn-work-visas-2012-implied`.
  public var id: String
  /// A short human label.
  public var label: String
  /// The values the inputs allow; `nil` ends are unbounded.
  public var interval: Interval
  /// The best single value, `nil` when the inputs give only a bound.
  public var estimate: Double?
  /// The unit, in dataset spelling (`USD/month`, `%`, `months`, `visas`).
  public var unit: String
  /// Ids of the observations and rates used.
  public var inputs: [String]
  /// How it was computed, in one sentence.
  public var method: String
  /// What to keep in mind when citing it.
  public var caveats: [String]
  /// Groupings for tables and charts: `destination`, `job`, `origin`, `original`, `rate`, `period`…
  public var facets: [String: String]
  /// The reported kind when the estimate restates one observation or is a bound (for chart marks).
  public var kind: ReportedValue.Kind?
  /// The formula it was computed by, as `derived.yaml` writes it (`let` names first).
  public var formula: String = ""

  /// Creates an estimate.
  public init(
    id: String, label: String, interval: Interval, estimate: Double?, unit: String, inputs: [String],
    method: String, caveats: [String] = [], facets: [String: String] = [:], kind: ReportedValue.Kind? = nil
  ) {
    self.id = id
    self.label = label
    self.interval = interval
    self.estimate = estimate
    self.unit = unit
    self.inputs = inputs
    self.method = method
    self.caveats = caveats
    self.facets = facets
    self.kind = kind
  }

  /// Text for a brief: "79,744 (79,404–80,086)", "≥6.5", ">36", "up to 2,000", "<600", "1,300".
  ///
  /// A `unit` of "%" is attached to the numbers; other units are left to the caller.
  public func formatted(maxDecimals: Int = 0) -> String {
    let percent = unit == "%" ? "%" : ""
    func f(_ x: Double) -> String { NumberFormat.plain(x, maxDecimals: maxDecimals) + percent }
    if estimate == nil, let high = interval.high {
      if kind == .atMost { return "up to " + f(high) }
      if kind == .lessThan { return "<" + f(high) }
    }
    if estimate == nil, interval.high == nil, let low = interval.low, kind == .moreThan {
      return ">" + f(low)
    }
    switch (interval.low, interval.high, estimate) {
    case (let low?, let high?, _) where low == high:
      return f(low)
    case (let low?, let high?, let estimate?):
      return "\(f(estimate)) (\(NumberFormat.plain(low, maxDecimals: maxDecimals))–\(f(high)))"
    case (let low?, let high?, nil):
      return "\(NumberFormat.plain(low, maxDecimals: maxDecimals))–\(f(high))"
    case (let low?, nil, let estimate?):
      return "\(f(estimate)) (≥\(f(low)))"
    case (let low?, nil, nil):
      return "≥" + f(low)
    case (nil, let high?, let estimate?):
      return "\(f(estimate)) (up to \(f(high)))"
    case (nil, let high?, nil):
      return "up to " + f(high)
    case (nil, nil, let estimate?):
      return f(estimate)
    case (nil, nil, nil):
      return "unknown"
    }
  }
}

/// Two observations that disagree: same measure, destination and sector, overlapping
/// periods, different sources, and intervals that do not overlap.
public struct Conflict: Hashable, Sendable {
  /// Stable id, `conflict-A-B` with the observation ids in dataset order.
  public var id: String
  /// The measure both report.
  public var measure: Measure
  /// The destination both concern, if any.
  public var destination: String?
  /// The two observation ids.
  public var observations: [String]
  /// Their sources.
  public var sources: [String]
  /// Their intervals, in a common unit.
  public var intervals: [Interval]
  /// The common unit.
  public var unit: String
  /// One sentence describing the disagreement.
  public var summary: String
  /// Other pairs of observations that repeat the same two figures (same sources, values and periods).
  public var repeats: Int = 0
}

/// One point of a time series (headcounts, durations), with its interval and source.
public struct SeriesPoint: Hashable, Sendable {
  /// The observation.
  public var observation: String
  /// The estimate id for the point.
  public var estimate: String
  /// The period the figure refers to.
  public var period: EDTFDate
  /// The values allowed.
  public var interval: Interval
  /// The best single value, if any.
  public var value: Double?
  /// The reported kind, for drawing (bars with arrows for bounds, whiskers for ranges).
  public var kind: ReportedValue.Kind
  /// The source id.
  public var source: String
}

/// A time series of one measure for one destination.
public struct Series: Hashable, Sendable {
  /// Series id, e.g. `headcount-russia`.
  public var id: String
  /// The destination.
  public var destination: String
  /// The unit of the points.
  public var unit: String
  /// Points ordered by the start of their period (open starts first), then by end.
  public var points: [SeriesPoint]
}
