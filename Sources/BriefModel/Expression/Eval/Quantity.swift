/// A value as the engine computes it: an interval and a separate best estimate, in the
/// canonical scale of its ``Dimension``, with its reported kind and its provenance.
public struct Quantity: Hashable, Sendable {
  /// The values the inputs allow (canonical scale).
  public var interval: Interval
  /// The best single value; `nil` when the inputs give only a bound.
  public var estimate: Double?
  /// The dimension.
  public var dimension: Dimension
  /// The kind of statement the value amounts to (see ``Kinds``).
  public var kind: ReportedValue.Kind
  /// What the value was computed from.
  public var provenance: Provenance
  /// The value in words, for the method text ("93,300 visas divided by one plus 17%").
  public var words: String

  /// A plain number written in a formula.
  static func number(_ x: Double, percent: Bool) -> Quantity {
    Quantity(
      interval: .point(x), estimate: x, dimension: .none, kind: .exact, provenance: Provenance(),
      words: percent ? NumberFormat.plain(x * 100, maxDecimals: 4) + "%" : NumberFormat.plain(x, maxDecimals: 4))
  }

  /// Applies one interval operation to the intervals and to the estimates (as points), so the
  /// formula is written once: the estimate is the operation on the estimates, `nil` when one is
  /// missing or the operation has no single value (a division by zero).
  static func apply(_ values: [Quantity], dimension: Dimension, words: String, _ op: ([Interval]) -> Interval) -> Quantity {
    let interval = op(values.map(\.interval))
    var estimate: Double?
    let points = values.compactMap { $0.estimate.map(Interval.point) }
    if points.count == values.count {
      let result = op(points)
      if result.isPoint { estimate = result.low }
    }
    let provenance = values.reduce(Provenance()) { $0.merged($1.provenance) }
    return Quantity(
      interval: interval, estimate: estimate, dimension: dimension,
      kind: Kinds.combine(values.map(\.kind), interval: interval, estimate: estimate), provenance: provenance,
      words: words)
  }
}

/// Where a value came from: the observations, rates and derived estimates used, their
/// sources and years, and what about them deserves a caveat.
public struct Provenance: Hashable, Sendable {
  /// Observation ids, in first use order.
  public var observations: [String] = []
  /// Exchange-rate ids.
  public var rates: [String] = []
  /// Derived estimate ids.
  public var estimates: [String] = []
  /// Source ids.
  public var sources: [String] = []
  /// Reference years of the observations.
  public var years: [Int] = []
  /// Observations whose period has no start ("until 2017").
  public var openPeriods: [String] = []
  /// Approximate inputs (ids).
  public var approximate: [String] = []
  /// One-sided inputs (ids).
  public var bounds: [String] = []
  /// Caveats carried from derived inputs and conversions.
  public var caveats: [String] = []
  /// Every input id: observations, estimates and rates, in first use order.
  public var inputs: [String] = []
  /// The periods of the inputs, in first use order (the first dates a conversion).
  public var periods: [EDTFDate] = []

  /// Both provenances, without repeats, in first use order.
  func merged(_ other: Provenance) -> Provenance {
    func union<T: Equatable>(_ a: [T], _ b: [T]) -> [T] { b.reduce(into: a) { if !$0.contains($1) { $0.append($1) } } }
    return Provenance(
      observations: union(observations, other.observations), rates: union(rates, other.rates),
      estimates: union(estimates, other.estimates), sources: union(sources, other.sources),
      years: union(years, other.years), openPeriods: union(openPeriods, other.openPeriods),
      approximate: union(approximate, other.approximate), bounds: union(bounds, other.bounds),
      caveats: union(caveats, other.caveats),
      inputs: union(inputs, other.inputs), periods: union(periods, other.periods))
  }
}

/// How reported kinds combine.
///
/// - A result without a best estimate (an input was a one-sided bound) is a bound: an upper
///   bound when it has an upper end (`lessThan` if an input was a strict bound, else `atMost`),
///   otherwise a lower bound (`moreThan` or `atLeast`).
/// - Otherwise: exact inputs giving a single value are `exact`; any range makes a `range`
///   (an `approximateRange` if an input was also approximate); any approximate input makes
///   the result `approximate`; exact inputs giving an interval (an approximate rate) a `range`.
public enum Kinds {
  /// The kind of a value computed from values of `kinds`.
  public static func combine(_ kinds: [ReportedValue.Kind], interval: Interval, estimate: Double?) -> ReportedValue.Kind {
    if estimate == nil {
      if interval.high != nil {
        return kinds.contains(.lessThan) ? .lessThan : .atMost
      }
      return kinds.contains(.moreThan) ? .moreThan : .atLeast
    }
    let approximate = kinds.contains(.approximate) || kinds.contains(.approximateRange)
    let range = kinds.contains(.range) || kinds.contains(.approximateRange)
    if range { return approximate ? .approximateRange : .range }
    if approximate { return .approximate }
    return interval.isPoint ? .exact : (kinds.allSatisfy { $0 == .exact } ? .range : .approximate)
  }
}
