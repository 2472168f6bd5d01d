/// Something a selection can pick: an observation, or an estimate made earlier by a derivation.
public enum Item: Hashable, Sendable {
  /// An observation of the dataset.
  case observation(Observation)
  /// A derived estimate, with its family and value.
  case estimate(Produced)

  /// The id.
  public var id: String {
    switch self {
    case .observation(let o): return o.id
    case .estimate(let p): return p.estimate.id
    }
  }

  /// A field by its selection or pattern name (`destination`, `measure`, `period`…), `nil` when absent.
  public func field(_ name: String) -> String? {
    switch self {
    case .observation(let o):
      switch name {
      case "id": return o.id
      case "measure": return o.measure.rawValue
      case "destination": return o.destination
      case "origin": return o.origin
      case "sector": return o.sector
      case "job": return o.job
      case "place": return o.destinationPlace
      case "source": return o.source
      case "period": return o.period.description
      case "relative-to": return o.relativeTo
      case "unit": return o.unit.description
      default: return nil
      }
    case .estimate(let p):
      switch name {
      case "id": return p.estimate.id
      case "family": return p.family
      case "unit": return p.estimate.unit
      case "input": return p.quantity.provenance.observations.first
      default: return p.estimate.facets[name]
      }
    }
  }

  /// The period the figure refers to, for `nearest` and `usd`.
  public var period: EDTFDate? {
    switch self {
    case .observation(let o): return o.period
    case .estimate(let p): return p.period
    }
  }

  /// Whether it has a best estimate.
  var hasEstimate: Bool {
    switch self {
    case .observation(let o): return o.value.estimate != nil
    case .estimate(let p): return p.estimate.estimate != nil
    }
  }

  /// Its dimension class, for `unit: money` and the like.
  var unitClass: String {
    let unit: Unit?
    switch self {
    case .observation(let o): unit = o.unit
    case .estimate(let p): unit = Unit(spelled: p.estimate.unit)
    }
    switch unit {
    case .count?: return "count"
    case .money?: return "money"
    case .percent?: return "percent"
    case .ratio?: return "ratio"
    case .duration?: return "duration"
    case nil: return ""
    }
  }

  /// The item as a value in the canonical scale.
  var quantity: Quantity {
    switch self {
    case .estimate(let p):
      var q = p.quantity
      q.words = (p.estimate.formatted(maxDecimals: 2) + " " + (p.estimate.unit == "%" ? "" : p.estimate.unit))
        .trimmingWhitespace() + " (\(p.estimate.id))"
      var provenance = Provenance()
      provenance.estimates = [p.estimate.id]
      provenance.inputs = [p.estimate.id]
      provenance.periods = p.period.map { [$0] } ?? []
      q.provenance = provenance.merged(p.quantity.provenance)
      return q
    case .observation(let o):
      let (dimension, factor) = Dimension.of(o.unit)
      let scaled = o.value.interval * factor
      var provenance = Provenance()
      provenance.observations = [o.id]
      provenance.inputs = [o.id]
      provenance.sources = [o.source]
      provenance.periods = [o.period]
      provenance.years = o.period.referenceYear.map { [$0] } ?? []
      if o.period.earliest == nil { provenance.openPeriods = [o.id] }
      if o.value.kind == .approximate || o.value.kind == .approximateRange { provenance.approximate = [o.id] }
      if o.value.isBound { provenance.bounds = [o.id] }
      let unitText = o.unit == .percent ? nil : o.unit.description
      return Quantity(
        interval: scaled, estimate: o.value.estimate.map { $0 * factor }, dimension: dimension, kind: o.value.kind,
        provenance: provenance, words: o.value.formatted(unit: unitText) + " (\(o.id))")
    }
  }
}

/// An estimate a derivation made, with what later derivations need of it.
public struct Produced: Hashable, Sendable {
  /// The estimate as briefs and charts see it.
  public var estimate: NamedEstimate
  /// The family (the derivation's name).
  public var family: String
  /// Its value in the canonical scale, with provenance.
  public var quantity: Quantity
  /// The period it refers to: its item's, or that of its first observation.
  public var period: EDTFDate?
  /// The series it is a point of, if any.
  public var seriesId: String?
}

/// Distances in time and slugs, shared by selections, patterns and conversions.
public enum EngineTools {
  /// Distance in days between two dates' spans (0 if they overlap), open ends reaching forever.
  public static func distance(_ a: EDTFDate, _ b: EDTFDate) -> Int {
    if a.overlaps(b) { return 0 }
    if let aLatest = a.latest, let bEarliest = b.earliest, aLatest < bEarliest { return aLatest.days(to: bEarliest) }
    if let bLatest = b.latest, let aEarliest = a.earliest, bLatest < aEarliest { return bLatest.days(to: aEarliest) }
    return 0
  }

  /// Lowercase letters and digits joined by "-" (``Slug/make(_:)``).
  public static func slug(_ text: String) -> String { Slug.make(text) }
}
