extension Analysis {
  /// Statistic 8: sources that disagree.
  ///
  /// Two observations conflict when they have the same measure, destination and
  /// sector, overlapping periods, different sources, and intervals (in a common
  /// unit) that do not overlap. Like is compared with like through the measure: a
  /// `contract-term` (one contract) is never set against a `dispatch-duration`
  /// (the whole stay, renewals included), a `wage-promised` never against a `wage`,
  /// a `bribe-offered` never against a `bribe`.
  static func conflicts(_ dataset: Dataset) -> [Conflict] {
    var result: [Conflict] = []
    let observations = dataset.observations
    for (i, a) in observations.enumerated() {
      for b in observations[(i + 1)...] {
        guard a.measure == b.measure, a.destination == b.destination, a.sector == b.sector,
          a.source != b.source, a.period.overlaps(b.period),
          let (ia, unit) = comparable(a, dataset), let (ib, unitB) = comparable(b, dataset), unit == unitB,
          !ia.overlaps(ib)
        else { continue }
        result.append(
          Conflict(
            id: "conflict-\(a.id)-\(b.id)", measure: a.measure, destination: a.destination,
            observations: [a.id, b.id], sources: [a.source, b.source], intervals: [ia, ib], unit: unit,
            summary:
              "\(a.source) reports \(original(a)) (\(a.period.displayText)) and \(b.source) reports \(original(b)) (\(b.period.displayText)) for \(a.measure.rawValue)\(a.destination.map { " in \($0)" } ?? "")."
          ))
      }
    }
    return result
  }

  /// An observation's interval in a unit shared by comparable observations.
  static func comparable(_ observation: Observation, _ dataset: Dataset) -> (Interval, String)? {
    switch observation.unit {
    case .duration(let period):
      return (observation.value.interval * (1 / period.perMonth), "months")
    case .money(_, let period):
      guard let (interval, _, _) = usd(observation, dataset) else { return nil }
      return (interval, period == nil ? "USD" : "USD/month")
    case .count:
      return (observation.value.interval, "count")
    default:
      return (observation.value.interval, observation.unit.description)
    }
  }
}
