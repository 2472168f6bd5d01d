import BriefModel

/// One plotted value after selection: what it is, its value, and where it came from.
public struct ChartDatum: Equatable, Sendable {
  /// The estimate's or observation's id, or `inline-N`.
  public var id: String
  public var label: String
  public var group: String?
  public var value: ReportedValue
  /// The value as text, with "†" when derived.
  public var valueLabel: String
  public var unit: String
  public var period: EDTFDate?
  /// Ids of the sources behind the value.
  public var sources: [String]
  /// Computed from reported figures rather than reported as such.
  public var derived: Bool

  public init(
    id: String, label: String, group: String?, value: ReportedValue, valueLabel: String, unit: String, period: EDTFDate?,
    sources: [String], derived: Bool
  ) {
    self.id = id
    self.label = label
    self.group = group
    self.value = value
    self.valueLabel = valueLabel
    self.unit = unit
    self.period = period
    self.sources = sources
    self.derived = derived
  }

  /// The value the chart sorts by and plots as a point: the estimate, else the bound.
  public var sortKey: Double {
    value.estimate ?? value.stated.first ?? value.interval.low ?? value.interval.high ?? 0
  }
}

/// The dataset and its statistics, which charts select from.
public struct ChartContext: Sendable {
  public var dataset: Dataset
  public var analysis: AnalysisResult

  public init(dataset: Dataset, analysis: AnalysisResult) {
    self.dataset = dataset
    self.analysis = analysis
  }

  /// Runs the analysis over `dataset`.
  public init(dataset: Dataset) {
    self.init(dataset: dataset, analysis: Analysis.run(dataset))
  }

  /// The source ids behind an estimate, following its inputs to observations and rates.
  public func sources(of estimate: NamedEstimate) -> [String] {
    var out: [String] = []
    for input in estimate.inputs {
      let s = dataset.observation(input)?.source ?? dataset.rates.first { $0.id == input }?.source
      if let s, !out.contains(s) { out.append(s) }
    }
    return out
  }

  /// A short citation for a source: "Daily NK, Feb 2021".
  public func citation(_ id: String) -> String {
    guard let s = dataset.source(id) else { return id }
    return s.citation
  }
}

extension ReportedValue {
  /// The value a chart draws for a computed estimate: its kind when it restates
  /// one observation, else exact, approximate (an estimate inside an interval),
  /// a range, or a one-sided bound.
  static func from(_ e: NamedEstimate) -> ReportedValue {
    let percent = e.unit == "%"
    let iv = e.interval
    if let kind = e.kind {
      let stated: [Double]
      switch kind {
      case .range, .approximateRange: stated = [iv.low, iv.high].compactMap { $0 }
      case .atLeast, .moreThan: stated = [iv.low ?? e.estimate ?? 0]
      case .atMost, .lessThan: stated = [iv.high ?? e.estimate ?? 0]
      case .exact, .approximate: stated = [e.estimate ?? iv.midpoint ?? 0]
      }
      return ReportedValue(kind: kind, interval: iv, estimate: e.estimate, isPercent: percent, stated: stated)
    }
    if let x = e.estimate {
      if iv.isPoint { return ReportedValue(kind: .exact, interval: iv, estimate: x, isPercent: percent, stated: [x]) }
      return ReportedValue(kind: .approximate, interval: iv, estimate: x, isPercent: percent, stated: [x])
    }
    switch (iv.low, iv.high) {
    case (let lo?, let hi?): return ReportedValue(kind: .range, interval: iv, estimate: (lo + hi) / 2, isPercent: percent, stated: [lo, hi])
    case (let lo?, nil): return ReportedValue(kind: .atLeast, interval: iv, estimate: nil, isPercent: percent, stated: [lo])
    case (nil, let hi?): return ReportedValue(kind: .atMost, interval: iv, estimate: nil, isPercent: percent, stated: [hi])
    case (nil, nil): return ReportedValue(kind: .atLeast, interval: iv, estimate: nil, isPercent: percent, stated: [0])
    }
  }
}

/// Decimals that suit a number's size: none from 100 up, one from 10, two below.
public func sensibleDecimals(_ x: Double?) -> Int {
  guard let x, x.isFinite else { return 0 }
  let a = abs(x)
  return a >= 100 ? 0 : a >= 10 ? 1 : 2
}
