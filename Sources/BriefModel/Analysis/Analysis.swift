/// Computes the brief's statistics from a dataset.
///
/// Every statistic is declared in `derived.yaml` and computed by the expression ``Engine``;
/// ``run(_:)`` adds the conflicts between sources. The output is deterministic: derivations
/// in file order, each template's estimates in the order of its inputs.
///
/// ```swift
/// let result = Analysis.run(dataset)
/// result.estimate("cn-work-visas-2012-implied")?.interval
/// ```
public enum Analysis {
  /// Runs every derivation, then finds conflicts.
  public static func run(_ dataset: Dataset) -> AnalysisResult {
    let derived = Engine.run(dataset)
    var result = AnalysisResult()
    result.estimates = distinguished(derived.estimates, dataset)
    result.series = derived.series
    (result.conflicts, result.agreements) = Comparisons.compare(dataset)
    return result
  }

  /// Estimates that would share a label (two sources' figures for one measure, place and period)
  /// are both kept, each label naming its source's outlet: "Work visas issued by China, 2013 (Radio
  /// Free Asia)". Comparisons say whether the two agree.
  static func distinguished(_ estimates: [NamedEstimate], _ dataset: Dataset) -> [NamedEstimate] {
    var count: [String: Int] = [:]
    for e in estimates { count[e.label, default: 0] += 1 }
    return estimates.map { e in
      guard count[e.label, default: 0] > 1,
        let source = e.inputs.lazy.compactMap({ dataset.observation($0)?.source }).first
      else { return e }
      var named = e
      named.label += " (\(dataset.source(source)?.outlet ?? source))"
      return named
    }
  }

  /// An observation's value in USD per month (amounts per period) or USD (one-off amounts),
  /// with the rate used; `nil` when it is not money or no rate is available. The conversion is
  /// the engine's `usd()`.
  static func usd(_ observation: Observation, _ dataset: Dataset) -> (Interval, Double?, ExchangeRate?)? {
    let evaluator = Evaluator(dataset: dataset, produced: [:], producedInOrder: [])
    guard let q = try? evaluator.usd(Item.observation(observation).quantity, at: TextPosition(line: 1, column: 1)) else {
      return nil
    }
    let rate = q.provenance.rates.first.flatMap { id in dataset.rates.first { $0.id == id } }
    return (q.interval.clamped(to: Interval(low: 0, high: nil)), q.estimate, rate)
  }

  /// The reported value as text with its unit, e.g. "50,000 CNY/year".
  static func original(_ observation: Observation) -> String {
    observation.value.formatted(unit: observation.unit == .percent ? nil : observation.unit.description)
  }
}

/// Everything ``Analysis/run(_:)`` computes.
public struct AnalysisResult: Hashable, Sendable {
  /// All estimates, in a fixed order.
  public var estimates: [NamedEstimate] = []
  /// Time series (headcounts and durations by destination).
  public var series: [Series] = []
  /// Disagreements between sources.
  public var conflicts: [Conflict] = []
  /// Figures from different sources for the same measure, place and time that can both be true.
  public var agreements: [Agreement] = []

  /// Creates an empty result.
  public init() {}

  /// The estimate with `id`.
  public func estimate(_ id: String) -> NamedEstimate? { estimates.first { $0.id == id } }
}
