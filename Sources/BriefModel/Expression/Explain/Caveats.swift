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
        guard let o = dataset.observation(id) else { continue }
        if case .interval(.unknown, _) = o.period.form {
          add("refers to a period whose start is unknown (\(o.period.displayText))")
        } else {
          add("refers to an open-ended period (\(o.period.displayText))")
        }
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
    // What the vocabulary says of an input's measure ("a promised wage, not a wage known to have been paid").
    for id in p.observations {
      guard let o = dataset.observation(id), let caveat = dataset.vocabulary.definition(of: o.measure)?.caveat else { continue }
      add(restated ? caveat : "\(caveat) (\(id))")
    }
    return caveats
  }
}
