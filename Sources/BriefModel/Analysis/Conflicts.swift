extension Analysis {
  /// Statistic 8: sources that disagree.
  ///
  /// Two observations conflict when they have the same measure, destination and
  /// sector, periods that may coincide (``EDTFDate/mayCoincide(with:)``: an approximate
  /// or uncertain date widened by a unit of its span), different sources, and intervals (in a common
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
    // Observations that repeat one report (same source, figure and period) are compared once: a
    // conflict names its first pair of observations and counts the other pairs that repeat it, so a
    // figure copied into many observations gives one conflict, not one per pair of copies.
    struct Report: Hashable {
      var source: String
      var interval: Interval
      var unit: String
      var period: EDTFDate
    }
    var found: [(Int, Int, Conflict)] = []
    for key in order {
      guard let members = groups[key], members.count > 1 else { continue }
      var reports: [(report: Report, members: [Int])] = []
      var index: [Report: Int] = [:]
      for m in members {
        guard let (interval, unit) = comparable(observations[m], dataset) else { continue }
        let report = Report(source: observations[m].source, interval: interval, unit: unit, period: observations[m].period)
        if let at = index[report] {
          reports[at].members.append(m)
        } else {
          index[report] = reports.count
          reports.append((report, [m]))
        }
      }
      for x in reports.indices {
        let ra = reports[x].report
        for y in (x + 1)..<reports.count {
          let rb = reports[y].report
          guard ra.unit == rb.unit, ra.source != rb.source, ra.period.mayCoincide(with: rb.period), !ra.interval.overlaps(rb.interval) else { continue }
          // Reports are in order of first appearance, so their first observations are in dataset order.
          let (i, j) = (reports[x].members[0], reports[y].members[0])
          let (a, b) = (observations[i], observations[j])
          let repeats = reports[x].members.count * reports[y].members.count - 1
          var summary =
            "\(a.source) reports \(original(a)) (\(a.period.displayText)) and \(b.source) reports \(original(b)) (\(b.period.displayText)) for \(a.measure.rawValue)\(a.destination.map { " in \($0)" } ?? "")."
          if repeats > 0 { summary += " The same two figures appear in \(repeats) more pair\(repeats == 1 ? "" : "s") of observations." }
          found.append(
            (i, j,
              Conflict(
                id: "conflict-\(a.id)-\(b.id)", measure: a.measure, destination: a.destination,
                observations: [a.id, b.id], sources: [a.source, b.source], intervals: [ra.interval, rb.interval], unit: ra.unit,
                summary: summary, repeats: repeats)))
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
