extension Analysis {
  /// Statistic 2a: every wage in USD per month, keeping the original value and the rate used.
  ///
  /// Id: `<observation id>-usd-month`. Promised wages (`wage-promised`) are
  /// converted the same way but labelled and caveated as promises; the summaries
  /// (statistic 2b) leave them out.
  static func wages(_ dataset: Dataset) -> [NamedEstimate] {
    var result: [NamedEstimate] = []
    for wage in dataset.observations where wage.measure == .wage || wage.measure == .wagePromised {
      let promised = wage.measure == .wagePromised
      guard let (interval, estimate, rate) = usd(wage, dataset) else { continue }
      var inputs = [wage.id]
      var facets = facets(wage)
      facets["original"] = original(wage)
      var method = "As reported, in USD per month."
      if let rate {
        inputs.append(rate.id)
        facets["rate"] = rate.id
        method =
          "Converted to USD per month at \(NumberFormat.plain(rate.value ?? 0, maxDecimals: 4)) \(rate.quote.rawValue) per \(rate.base.rawValue) (\(rate.date.displayText))."
      } else if case .money(_, let period?) = wage.unit, period != .month {
        method = "Converted to a monthly amount (\(period.rawValue) ÷ \(NumberFormat.plain(1 / period.perMonth, maxDecimals: 4)))."
      }
      var caveats: [String] = []
      if promised {
        caveats.append("a promised wage, not a wage known to have been paid; left out of the wage summaries")
      }
      caveats += rateCaveat(rate, wage)
      result.append(
        NamedEstimate(
          id: "\(wage.id)-usd-month",
          label: "\(promised ? "Promised wage" : "Wage"), \(wage.destination ?? "abroad"), \(wage.period.displayText)",
          interval: interval, estimate: estimate, unit: "USD/month", inputs: inputs, method: method,
          caveats: caveats, facets: facets, kind: wage.value.kind))
    }
    return result
  }

  /// Statistic 2b: minimum, median and maximum wage by destination.
  ///
  /// Ids: `wage-usd-month-<cc>-min`, `-median`, `-max`. Order statistics are
  /// monotone, so the interval of the median is the median of the lows to the
  /// median of the highs; wages without a point estimate are left out, and so are
  /// promised wages: a destination with only promises has no summary.
  static func wageSummaries(_ allWages: [NamedEstimate], _ dataset: Dataset) -> [NamedEstimate] {
    let wages = allWages.filter { $0.facets["measure"] == Measure.wage.rawValue }
    var destinations: [String] = []
    for wage in wages {
      if let destination = wage.facets["destination"], !destinations.contains(destination) {
        destinations.append(destination)
      }
    }
    var result: [NamedEstimate] = []
    for destination in destinations {
      let group = wages.filter { $0.facets["destination"] == destination && $0.estimate != nil }
      guard !group.isEmpty else { continue }
      let estimates = group.compactMap(\.estimate).sorted()
      let lows = group.map { $0.interval.low ?? 0 }.sorted()
      let highs = group.map { $0.interval.high ?? .infinity }.sorted()
      var caveats: [String] = []
      let years = Set(group.compactMap { $0.facets["period"].flatMap { try? EDTFDate.parse($0) }?.referenceYear })
      if years.count > 1 {
        caveats.append("combines wages from different years (\(years.sorted().map(String.init).joined(separator: ", ")))")
      }
      if Set(group.compactMap { $0.facets["source"] }).count > 1 {
        caveats.append("combines different sources")
      }
      let promises = allWages.filter {
        $0.facets["measure"] == Measure.wagePromised.rawValue && $0.facets["destination"] == destination
      }
      if !promises.isEmpty {
        caveats.append(
          "leaves out promised wages (\(promises.map { $0.inputs.first ?? $0.id }.joined(separator: ", ")))")
      }
      let inputs = group.flatMap(\.inputs).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
      for (name, pick) in [("min", 0), ("median", -1), ("max", 1)] {
        let value: Double
        let low: Double
        let high: Double
        switch pick {
        case 0: (value, low, high) = (estimates[0], lows[0], highs[0])
        case 1:
          (value, low, high) = (estimates[estimates.count - 1], lows[lows.count - 1], highs[highs.count - 1])
        default: (value, low, high) = (median(estimates), median(lows), median(highs))
        }
        result.append(
          NamedEstimate(
            id: "wage-usd-month-\(code(destination))-\(name)",
            label: "\(name.capitalized) wage, \(destination) (\(group.count) figure\(group.count == 1 ? "" : "s"))",
            interval: Interval(low: low, high: high), estimate: value, unit: "USD/month", inputs: inputs,
            method: "The \(name) of the wages reported for \(destination) (promised wages left out), each in USD per month.",
            caveats: caveats, facets: ["destination": destination]))
      }
    }
    return result
  }

  /// The median of sorted values (mean of the middle two for an even count).
  static func median(_ sorted: [Double]) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    if sorted.count % 2 == 1 { return sorted[middle] }
    let a = sorted[middle - 1]
    let b = sorted[middle]
    if a.isInfinite || b.isInfinite { return a.isInfinite ? a : b }
    return (a + b) / 2
  }
}
