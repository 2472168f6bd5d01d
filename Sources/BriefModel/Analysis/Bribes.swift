import Foundation

extension Analysis {
  /// Statistic 3: bribes in USD by job and by place, and levels implied by ratios.
  ///
  /// Each bribe is `<observation id>-usd` (facets `job`, `origin`). A `bribe-ratio`
  /// "bribes in A are r times those in B" with a bribe reported for A gives
  /// `bribe-<b>-implied` = bribe(A) / r.
  static func bribes(_ dataset: Dataset) -> [NamedEstimate] {
    var result: [NamedEstimate] = []
    for bribe in dataset.observations where bribe.measure == .bribe {
      guard let (interval, estimate, rate) = usd(bribe, dataset) else { continue }
      var inputs = [bribe.id]
      var facets = facets(bribe)
      facets["original"] = original(bribe)
      if let rate {
        inputs.append(rate.id)
        facets["rate"] = rate.id
      }
      let what = bribe.job.map { "for \($0)" } ?? bribe.origin.map { "in \($0)" } ?? ""
      result.append(
        NamedEstimate(
          id: "\(bribe.id)-usd", label: "Bribe \(what), \(bribe.period.displayText)".replacingOccurrences(of: "  ", with: " "),
          interval: interval, estimate: estimate, unit: "USD", inputs: inputs,
          method: rate == nil ? "As reported, in USD." : "Converted to USD at the nearest-dated rate.",
          caveats: rateCaveat(rate, bribe), facets: facets, kind: bribe.value.kind))
    }
    for ratio in dataset.observations where ratio.measure == .bribeRatio {
      guard let origin = ratio.origin, let other = ratio.relativeTo,
        let base = dataset.observations.first(where: {
          $0.measure == .bribe && $0.origin == origin && $0.period.overlaps(ratio.period)
        }),
        let (interval, estimate, rate) = usd(base, dataset)
      else { continue }
      let implied = interval / ratio.value.interval
      let impliedEstimate: Double? = {
        guard let e = estimate, let r = ratio.value.estimate, r != 0 else { return nil }
        return e / r
      }()
      var caveats = ["derived from a comparison, not a reported amount"]
      if ratio.value.kind == .exact {
        caveats.append("takes the ratio (\(ratio.value.formatted()) times) literally")
      }
      if base.source != ratio.source { caveats.append("amount and ratio come from different sources") }
      var inputs = [base.id, ratio.id]
      if let rate { inputs.append(rate.id) }
      result.append(
        NamedEstimate(
          id: "bribe-\(slug(other))-implied", label: "Bribe in \(other), \(base.period.displayText) (implied)",
          interval: implied, estimate: impliedEstimate, unit: "USD", inputs: inputs,
          method: "The bribe reported for \(origin) divided by the reported ratio of \(origin) to \(other) bribes.",
          caveats: caveats,
          facets: ["origin": other, "destination": base.destination ?? "", "period": base.period.description]
            .filter { !$0.value.isEmpty }))
    }
    return result
  }
}
