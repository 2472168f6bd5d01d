extension Analysis {
  /// Statistic 5: months of kept wages needed to repay each bribe.
  ///
  /// Each bribe in USD (reported or implied) divided by the derived kept wage per
  /// month for its destination, on intervals. A kept wage that may be zero makes
  /// the upper end unbounded. Id: `repay-months-<bribe estimate id without -usd>`.
  static func repayMonths(bribes: [NamedEstimate], dataset: Dataset, kept: [String: NamedEstimate])
    -> [NamedEstimate]
  {
    var result: [NamedEstimate] = []
    for bribe in bribes {
      guard let destination = bribe.facets["destination"], let keptWage = kept[destination] else { continue }
      let months = bribe.interval / keptWage.interval
      let estimate: Double? = {
        guard let b = bribe.estimate, let k = keptWage.estimate, k > 0 else { return nil }
        return b / k
      }()
      let name = bribe.id.hasSuffix("-usd") ? String(bribe.id.dropLast(4)) : bribe.id
      var caveats = keptWage.caveats
      if keptWage.interval.low == 0 {
        caveats.insert("the kept wage may be zero, so no upper bound", at: 0)
      }
      if let period = bribe.facets["period"], let year = (try? EDTFDate.parse(period))?.referenceYear {
        caveats.append("the bribe is from \(year); the kept wage from other years")
      }
      let where_ = bribe.facets["job"].map { "for \($0)" } ?? bribe.facets["origin"].map { "in \($0)" } ?? ""
      result.append(
        NamedEstimate(
          id: "repay-months-\(name)", label: "Months of kept wages to repay the bribe \(where_)",
          interval: months, estimate: estimate, unit: "months",
          inputs: bribe.inputs + keptWage.inputs.filter { !bribe.inputs.contains($0) },
          method: "The bribe in USD divided by the derived monthly kept wage in USD, on intervals.",
          caveats: caveats, facets: bribe.facets.filter { ["job", "origin", "destination"].contains($0.key) }))
    }
    return result
  }
}
