extension Analysis {
  /// Statistic 6: headcounts of workers by destination over time.
  ///
  /// Each `workers` observation is a point `headcount-<observation id>`; series
  /// are `headcount-<destination slug>`.
  static func headcounts(_ dataset: Dataset) -> (series: [Series], estimates: [NamedEstimate]) {
    series(
      dataset, measure: .workers, prefix: "headcount", labelNoun: "Workers",
      convert: { ($0.value.interval, $0.value.estimate, $0.unit.description) })
  }

  /// Statistic 7: dispatch durations over time, in months.
  ///
  /// Each `dispatch-duration` (time spent or allowed abroad) is a point
  /// `duration-months-<observation id>`; series are `duration-months-<destination slug>`.
  static func durations(_ dataset: Dataset) -> (series: [Series], estimates: [NamedEstimate]) {
    series(
      dataset, measure: .dispatchDuration, prefix: "duration-months", labelNoun: "Dispatch length",
      convert: inMonths)
  }

  /// Statistic 7b: contract terms over time, in months, apart from total stays.
  ///
  /// Each `contract-term` is a point `contract-term-months-<observation id>`; series
  /// are `contract-term-months-<destination slug>`.
  static func contractTerms(_ dataset: Dataset) -> (series: [Series], estimates: [NamedEstimate]) {
    series(
      dataset, measure: .contractTerm, prefix: "contract-term-months", labelNoun: "Contract term",
      convert: inMonths)
  }

  /// A duration observation in months.
  static func inMonths(_ observation: Observation) -> (Interval, Double?, String)? {
    guard case .duration(let period) = observation.unit else { return nil }
    let factor = 1 / period.perMonth
    return (observation.value.interval * factor, observation.value.estimate.map { $0 * factor }, "months")
  }

  static func series(
    _ dataset: Dataset, measure: Measure, prefix: String, labelNoun: String,
    convert: (Observation) -> (Interval, Double?, String)?
  ) -> (series: [Series], estimates: [NamedEstimate]) {
    var estimates: [NamedEstimate] = []
    var byDestination: [(String, [SeriesPoint], String)] = []
    for observation in dataset.observations where observation.measure == measure {
      guard let (interval, value, unit) = convert(observation) else { continue }
      let destination = observation.destination ?? "unspecified"
      let id = "\(prefix)-\(observation.id)"
      var caveats: [String] = []
      if observation.value.isBound { caveats.append("a bound, not a figure") }
      if case .interval(.unknown, _) = observation.period.form {
        caveats.append("refers to a period whose start is unknown (\(observation.period.displayText))")
      } else if observation.period.earliest == nil {
        caveats.append("refers to an open-ended period (\(observation.period.displayText))")
      }
      if let sector = observation.sector { caveats.append("\(sector) only") }
      estimates.append(
        NamedEstimate(
          id: id, label: "\(labelNoun), \(destination), \(observation.period.displayText)", interval: interval,
          estimate: value, unit: unit, inputs: [observation.id],
          method: unit == observation.unit.description ? "As reported." : "As reported, in \(unit).",
          caveats: caveats, facets: facets(observation), kind: observation.value.kind))
      let point = SeriesPoint(
        observation: observation.id, estimate: id, period: observation.period, interval: interval, value: value,
        kind: observation.value.kind, source: observation.source)
      if let index = byDestination.firstIndex(where: { $0.0 == destination }) {
        byDestination[index].1.append(point)
      } else {
        byDestination.append((destination, [point], unit))
      }
    }
    let series = byDestination.map { destination, points, unit in
      Series(
        id: "\(prefix)-\(slug(destination))", destination: destination, unit: unit,
        points: points.sorted { a, b in
          let aStart = a.period.earliest?.ordinal ?? Int.min
          let bStart = b.period.earliest?.ordinal ?? Int.min
          if aStart != bStart { return aStart < bStart }
          return (a.period.latest?.ordinal ?? Int.max) < (b.period.latest?.ordinal ?? Int.max)
        })
    }
    return (series, estimates)
  }
}
