/// The caveats a derived estimate gets without anyone writing them: from its inputs'
/// provenance (sources, years, kinds, promises) and from what happened while computing it
/// (a divisor that may be zero, a conversion at a rate outside the figure's period).
enum Caveats {
  static func of(_ q: Quantity, restated: Bool, dataset: Dataset) -> [String] {
    var caveats = q.provenance.caveats
    func add(_ c: String) { if !caveats.contains(c) { caveats.append(c) } }
    let p = q.provenance
    if restated {
      if q.estimate == nil { add("a bound, not a figure: no best estimate") }
      for id in p.openPeriods {
        if let o = dataset.observation(id) { add("refers to an open-ended period (\(o.period.displayText))") }
      }
    } else {
      if q.estimate == nil { add("rests on a bound (\(p.bounds.joined(separator: ", "))): a bound, not a figure, with no best estimate") }
      if p.sources.count > 1 { add("cross-source: combines figures from different sources (\(p.sources.joined(separator: ", ")))") }
      if p.years.count > 1 {
        add("combines figures from different years (\(p.years.sorted().map(String.init).joined(separator: ", ")))")
      }
      if !p.approximate.isEmpty { add("uses approximate figures (\(p.approximate.joined(separator: ", "))), so it is an interval") }
      if !p.openPeriods.isEmpty { add("uses figures for open-ended periods (\(p.openPeriods.joined(separator: ", ")))") }
    }
    if !p.promises.isEmpty {
      add("uses a promised or offered figure (\(p.promises.joined(separator: ", "))), not one known to have been paid")
    }
    return caveats
  }
}
