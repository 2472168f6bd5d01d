extension Analysis {
  /// Statistic 4: the share of wages a worker keeps.
  ///
  /// Reported shares are restated under their observation id. For each destination
  /// with a remittance quota and a wage (both money per period), the kept share is
  /// derived as `1 − quota / wage` on intervals (written this way so the wage's
  /// uncertainty is not counted twice), using the wage nearest in time to the
  /// quota: `<cc>-wage-share-kept-derived` (percent) and
  /// `<cc>-wage-kept-usd-month-derived` (wage − quota, USD per month).
  static func wageShareKept(_ dataset: Dataset) -> [NamedEstimate] {
    var result: [NamedEstimate] = []
    for share in dataset.observations where share.measure == .wageShareKept {
      var caveats: [String] = []
      if share.value.isBound { caveats.append("a bound, not a figure: no best estimate") }
      result.append(
        NamedEstimate(
          id: share.id,
          label: "Share of wages kept\(share.sector.map { ", \($0)" } ?? ""), \(share.period.displayText) (reported)",
          interval: share.value.interval, estimate: share.value.estimate, unit: "%", inputs: [share.id],
          method: "As reported.", caveats: caveats, facets: facets(share), kind: share.value.kind))
    }
    for pair in keptPairs(dataset) {
      let (wage, wageUSD, quota, quotaUSD) = pair
      let code = self.code(quota.destination)
      let ratio = quotaUSD.interval / wageUSD.interval
      let share = ((Interval.point(1) - ratio) * 100).clamped(to: Interval(low: 0, high: 100))
      let shareEstimate: Double? = {
        guard let w = wageUSD.estimate, let q = quotaUSD.estimate, w > 0 else { return nil }
        return Swift.min(Swift.max((1 - q / w) * 100, 0), 100)
      }()
      let caveats = keptCaveats(wage, quota)
      let inputs = [wage.id, quota.id] + [wageUSD.rate, quotaUSD.rate].compactMap { $0?.id }
      let destination = quota.destination ?? "abroad"
      result.append(
        NamedEstimate(
          id: "\(code)-wage-share-kept-derived", label: "Share of wages kept, \(destination) (derived)",
          interval: share, estimate: shareEstimate, unit: "%", inputs: inputs,
          method: "One minus the monthly remittance quota divided by the monthly wage, both in USD, on intervals.",
          caveats: caveats, facets: ["destination": destination]))
      let kept = (wageUSD.interval - quotaUSD.interval).clamped(to: Interval(low: 0, high: nil))
      let keptEstimate: Double? = {
        guard let w = wageUSD.estimate, let q = quotaUSD.estimate else { return nil }
        return Swift.max(w - q, 0)
      }()
      result.append(
        NamedEstimate(
          id: "\(code)-wage-kept-usd-month-derived", label: "Wage kept per month, \(destination) (derived)",
          interval: kept, estimate: keptEstimate, unit: "USD/month", inputs: inputs,
          method: "The monthly wage minus the monthly remittance quota, both in USD, on intervals (floored at 0).",
          caveats: caveats, facets: ["destination": destination]))
    }
    return result
  }

  /// A money value in USD (per month for wages and quotas).
  struct USDValue {
    var interval: Interval
    var estimate: Double?
    var rate: ExchangeRate?
  }

  /// For each destination with a quota: the latest quota and the wage nearest to it in time.
  static func keptPairs(_ dataset: Dataset) -> [(Observation, USDValue, Observation, USDValue)] {
    var result: [(Observation, USDValue, Observation, USDValue)] = []
    var seen: Set<String> = []
    let quotas = dataset.observations.filter { $0.measure == .remittanceQuota }
    for quota in quotas.reversed() {
      let key = quota.destination ?? ""
      guard !seen.contains(key), let (qi, qe, qr) = usd(quota, dataset) else { continue }
      let wages = dataset.observations.filter {
        $0.measure == .wage && $0.destination == quota.destination && $0.value.estimate != nil
      }
      guard
        let wage = wages.enumerated().min(by: {
          (distance($0.element.period, quota.period), $0.offset) < (distance($1.element.period, quota.period), $1.offset)
        })?.element,
        let (wi, we, wr) = usd(wage, dataset)
      else { continue }
      seen.insert(key)
      result.append((wage, USDValue(interval: wi, estimate: we, rate: wr), quota, USDValue(interval: qi, estimate: qe, rate: qr)))
    }
    return result.reversed()
  }

  static func keptCaveats(_ wage: Observation, _ quota: Observation) -> [String] {
    var caveats: [String] = []
    if wage.source != quota.source {
      caveats.append("cross-source: the wage (\(wage.source)) and the quota (\(quota.source)) come from different reports")
    }
    if !wage.period.overlaps(quota.period) {
      caveats.append(
        "combines sources from different years: wage \(wage.period.displayText), quota \(quota.period.displayText)")
    }
    caveats.append("assumes the quota is paid out of the worker's wage")
    return caveats
  }

  /// The derived kept wage (USD per month) per destination, for repayment times.
  static func keptWages(_ dataset: Dataset) -> [String: NamedEstimate] {
    var result: [String: NamedEstimate] = [:]
    for estimate in wageShareKept(dataset) where estimate.id.hasSuffix("-wage-kept-usd-month-derived") {
      if let destination = estimate.facets["destination"] { result[destination] = estimate }
    }
    return result
  }
}
