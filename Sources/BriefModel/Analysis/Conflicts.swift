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
    // Only observations of the same measure, destination and sector can conflict: compare within
    // those groups, by index, so the work grows with the groups' sizes, not the dataset's square.
    struct Key: Hashable {
      var measure: Measure
      var destination: String?
      var sector: String?
    }
    let observations = dataset.observations
    var groups: [Key: [Int]] = [:]
    var order: [Key] = []
    for (i, o) in observations.enumerated() {
      let key = Key(measure: o.measure, destination: o.destination, sector: o.sector)
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(i)
    }
    var found: [(Int, Int, Conflict)] = []
    for key in order {
      guard let members = groups[key], members.count > 1 else { continue }
      let values = members.map { comparable(observations[$0], dataset) }
      for x in members.indices {
        guard let (ia, unit) = values[x] else { continue }
        for y in (x + 1)..<members.count {
          guard let (ib, unitB) = values[y], unit == unitB else { continue }
          let a = observations[members[x]], b = observations[members[y]]
          guard a.source != b.source, a.period.overlaps(b.period), !ia.overlaps(ib) else { continue }
          found.append(
            (members[x], members[y],
              Conflict(
                id: "conflict-\(a.id)-\(b.id)", measure: a.measure, destination: a.destination,
                observations: [a.id, b.id], sources: [a.source, b.source], intervals: [ia, ib], unit: unit,
                summary:
                  "\(a.source) reports \(original(a)) (\(a.period.displayText)) and \(b.source) reports \(original(b)) (\(b.period.displayText)) for \(a.measure.rawValue)\(a.destination.map { " in \($0)" } ?? "")."
              )))
        }
      }
    }
    // Dataset order, as the pairwise scan gave it.
    return found.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2)
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
