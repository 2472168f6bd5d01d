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

extension Analysis {
  /// Statistic 3b: bribes offered, not known to have been paid, in USD.
  ///
  /// An offer stated as an amount is restated in USD as `<observation id>-usd`. An
  /// offer stated as a length of expected pay (`months`) is turned into USD with the
  /// monthly wage the offer was based on, `<observation id>-usd-derived`: the wage
  /// reported for the same destination, preferring the same source, then the same
  /// job, then the nearest period. Offers are kept out of the bribe statistics and
  /// of the months needed to repay a bribe.
  static func bribeOffers(_ dataset: Dataset) -> [NamedEstimate] {
    var result: [NamedEstimate] = []
    let offerCaveat = "an offer, not a bribe known to have been paid"
    // The wages offers may be measured in, by destination, found once rather than per offer.
    let wagesByDestination = Dictionary(
      grouping: dataset.observations.indices.filter { [.wage, .wagePromised].contains(dataset.observations[$0].measure) },
      by: { dataset.observations[$0].destination })
    // The wage depends only on the offer's source, job, destination and period: offers that share
    // them (a figure repeated in several observations) look it up once.
    struct OfferKey: Hashable {
      var source: String
      var job: String?
      var destination: String?
      var period: EDTFDate
    }
    var wageFor: [OfferKey: Observation?] = [:]
    for offer in dataset.observations where offer.measure == .bribeOffered {
      var facets = facets(offer)
      facets["original"] = original(offer)
      let what = offer.job.map { "for \($0)" } ?? offer.origin.map { "in \($0)" } ?? ""
      switch offer.unit {
      case .money:
        guard let (interval, estimate, rate) = usd(offer, dataset) else { continue }
        var inputs = [offer.id]
        if let rate {
          inputs.append(rate.id)
          facets["rate"] = rate.id
        }
        result.append(
          NamedEstimate(
            id: "\(offer.id)-usd",
            label: "Bribe offered \(what), \(offer.period.displayText)".replacingOccurrences(of: "  ", with: " "),
            interval: interval, estimate: estimate, unit: "USD", inputs: inputs,
            method: rate == nil ? "As reported (an offer), in USD." : "Converted to USD at the nearest-dated rate.",
            caveats: [offerCaveat] + rateCaveat(rate, offer), facets: facets, kind: offer.value.kind))
      case .duration(let period):
        let key = OfferKey(source: offer.source, job: offer.job, destination: offer.destination, period: offer.period)
        let found = wageFor[key] ?? wageForOffer(offer, among: wagesByDestination[offer.destination] ?? [], dataset)
        wageFor[key] = found
        guard let wage = found, let (wageInterval, wageEstimate, rate) = usd(wage, dataset)
        else { continue }
        let months = offer.value.interval * (1 / period.perMonth)
        let interval = (months * wageInterval).clamped(to: Interval(low: 0, high: nil))
        let estimate: Double? = {
          guard let m = offer.value.estimate, let w = wageEstimate else { return nil }
          return m / period.perMonth * w
        }()
        var inputs = [offer.id, wage.id]
        if let rate { inputs.append(rate.id) }
        facets["wage"] = wage.id
        var caveats = ["derived: the article gives no amount", offerCaveat]
        caveats.append("uses the wage \(wage.id) (\(original(wage)))\(wage.measure == .wagePromised ? ", a promise" : "")")
        if wage.source != offer.source { caveats.append("offer and wage come from different sources") }
        if let job = offer.job, wage.job != job { caveats.append("the wage is not specific to \(job)") }
        if !wage.period.overlaps(offer.period) {
          caveats.append("the wage is from \(wage.period.displayText), the offer from \(offer.period.displayText)")
        }
        caveats += rateCaveat(rate, wage)
        result.append(
          NamedEstimate(
            id: "\(offer.id)-usd-derived",
            label: "Bribe offered \(what), \(offer.period.displayText) (derived)".replacingOccurrences(of: "  ", with: " "),
            interval: interval, estimate: estimate, unit: "USD", inputs: inputs,
            method: "The offer, \(original(offer)) of expected pay, times the monthly wage in USD, on intervals.",
            caveats: caveats, facets: facets, kind: offer.value.kind))
      default:
        continue
      }
    }
    return result
  }

  /// The wage an offer in months of pay is measured in: same destination; then the
  /// same source, the same job, the nearest period, the earliest written.
  /// `candidates` are the indices, in dataset order, of the wages reported for the offer's destination.
  static func wageForOffer(_ offer: Observation, among candidates: [Int], _ dataset: Dataset) -> Observation? {
    func key(_ i: Int) -> (Int, Int, Int, Int, Int) {
      let w = dataset.observations[i]
      return (
        w.source == offer.source ? 0 : 1, offer.job == nil || w.job == offer.job ? 0 : 1,
        w.measure == .wage ? 0 : 1, distance(w.period, offer.period), i
      )
    }
    return candidates.min { key($0) < key($1) }.map { dataset.observations[$0] }
  }
}
