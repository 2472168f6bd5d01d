extension Analysis {
  /// Statistic 1: work visas, their reported growth, and the implied prior-year count.
  ///
  /// For each `work-visas` count with a `work-visa-growth` for the same destination
  /// and period, the prior year's count is `count / (1 + g)`, computed on intervals
  /// (g from the growth's rounding interval); the estimate uses the stated growth.
  static func workVisas(_ dataset: Dataset) -> [NamedEstimate] {
    var result: [NamedEstimate] = []
    for visas in dataset.observations where visas.measure == .workVisas {
      let destination = visas.destination ?? "all destinations"
      let year = visas.period.referenceYear
      result.append(
        NamedEstimate(
          id: visas.id, label: "Work visas issued by \(destination), \(visas.period.displayText)",
          interval: visas.value.interval, estimate: visas.value.estimate, unit: visas.unit.description,
          inputs: [visas.id], method: "As reported.", facets: facets(visas), kind: visas.value.kind))
      guard
        let growth = dataset.observations.first(where: {
          $0.measure == .workVisaGrowth && $0.destination == visas.destination && $0.period == visas.period
        })
      else { continue }
      result.append(
        NamedEstimate(
          id: growth.id, label: "Growth of work visas over the previous year, \(growth.period.displayText)",
          interval: growth.value.interval, estimate: growth.value.estimate, unit: "%", inputs: [growth.id],
          method: "As reported; an approximate percentage spans its rounding interval.",
          facets: facets(growth), kind: growth.value.kind))
      let factor = Interval.point(1) + growth.value.interval / 100
      let prior = visas.value.interval / factor
      let estimate: Double? = {
        guard let count = visas.value.estimate, let g = growth.value.estimate else { return nil }
        return count / (1 + g / 100)
      }()
      var caveats: [String] = []
      if growth.value.kind != .exact {
        caveats.append("the growth is approximate, so the prior count is an interval")
      }
      if growth.source != visas.source { caveats.append("count and growth come from different sources") }
      let priorYear = year.map { String($0 - 1) } ?? "prior"
      result.append(
        NamedEstimate(
          id: "\(code(visas.destination))-work-visas-\(priorYear)-implied",
          label: "Work visas issued by \(destination), \(priorYear) (implied)",
          interval: prior, estimate: estimate, unit: visas.unit.description, inputs: [visas.id, growth.id],
          method: "The \(visas.period.displayText) count divided by one plus the reported growth, on intervals.",
          caveats: caveats, facets: ["destination": destination, "period": priorYear]))
    }
    return result
  }

  /// Facets shared by estimates that restate one observation.
  static func facets(_ observation: Observation) -> [String: String] {
    var facets: [String: String] = [
      "period": observation.period.description, "source": observation.source,
      "measure": observation.measure.rawValue,
    ]
    facets["destination"] = observation.destination
    facets["origin"] = observation.origin
    facets["sector"] = observation.sector
    facets["job"] = observation.job
    facets["place"] = observation.destinationPlace
    return facets
  }
}
