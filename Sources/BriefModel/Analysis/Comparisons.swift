/// Figures from different sources that speak of the same thing: they agree or they conflict.
///
/// Two observations are compared only when they measure the same thing in the same place:
/// - the same measure, sector and job, and the same places (origins, destination and place within
///   it): a city is a place of its own, so a figure for Vladivostok never contradicts one for Russia,
///   and 37 people leaving Hyesan are not compared with entries to Russia;
/// - at times that can be the same: a stock (a headcount, a wage: a level at a time) where the
///   reference times can coincide (``EDTFDate/mayCoincide(with:)``: an approximate or uncertain date
///   widened by a unit of its span), and an open start is about its end ("until 2017" says what held
///   in 2017, not in 2015); a flow (visas issued in a year: a total over a span) only over the same span;
/// - from different sources, in a common unit (money in USD at the nearest dated rate, durations in
///   months).
/// They conflict when their intervals do not overlap and agree when they do. Each verdict says why
/// in one sentence.
public enum Comparisons {
  /// The conflicts and agreements of the dataset, in dataset order.
  public static func compare(_ dataset: Dataset) -> (conflicts: [Conflict], agreements: [Agreement]) {
    struct Key: Hashable {
      var measure: Measure
      var origins: [String]
      var destination: String?
      var destinationPlace: String?
      var sector: String?
      var job: String?
    }
    let observations = dataset.observations
    var groups: [Key: [Int]] = [:]
    var order: [Key] = []
    for (i, o) in observations.enumerated() {
      let key = Key(
        measure: o.measure, origins: o.origins, destination: o.destination, destinationPlace: o.destinationPlace, sector: o.sector,
        job: o.job)
      if groups[key] == nil { order.append(key) }
      groups[key, default: []].append(i)
    }
    // Observations that repeat one report (same source, figure and period) are compared once: a
    // verdict names its first pair of observations and counts the other pairs that repeat it.
    struct Report: Hashable {
      var source: String
      var interval: Interval
      var unit: String
      var period: EDTFDate
    }
    var conflicts: [(Int, Int, Conflict)] = []
    var agreements: [(Int, Int, Agreement)] = []
    for key in order {
      guard let members = groups[key], members.count > 1 else { continue }
      let nature = dataset.vocabulary.definition(of: key.measure)?.nature ?? .stock
      var reports: [(report: Report, members: [Int])] = []
      var index: [Report: Int] = [:]
      for m in members {
        guard let (interval, unit) = Analysis.comparable(observations[m], dataset) else { continue }
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
          guard ra.unit == rb.unit, ra.source != rb.source, let when = sameTime(ra.period, rb.period, nature) else { continue }
          let (i, j) = (reports[x].members[0], reports[y].members[0])
          let (a, b) = (observations[i], observations[j])
          let repeats = reports[x].members.count * reports[y].members.count - 1
          let what = dataset.vocabulary.definition(of: a.measure)?.label(place: place(a)).lowercasedFirst ?? a.measure.rawValue
          let both = "\(a.source) reports \(Analysis.original(a)) (\(a.period.displayText)) and \(b.source) \(Analysis.original(b)) (\(b.period.displayText))"
          let again = repeats > 0 ? " The same two figures appear in \(repeats) more pair\(repeats == 1 ? "" : "s") of observations." : ""
          if ra.interval.overlaps(rb.interval) {
            let summary = "\(both) for \(what), \(when), and the figures can both be true." + again
            agreements.append((i, j, Agreement(id: "agreement-\(a.id)-\(b.id)", measure: a.measure, observations: [a.id, b.id], sources: [a.source, b.source], summary: summary)))
          } else {
            let summary = "\(both) for \(what), \(when), and the figures cannot both be true." + again
            conflicts.append(
              (i, j,
                Conflict(
                  id: "conflict-\(a.id)-\(b.id)", measure: a.measure, destination: a.destination, observations: [a.id, b.id],
                  sources: [a.source, b.source], intervals: [ra.interval, rb.interval], unit: ra.unit, summary: summary, repeats: repeats)))
          }
        }
      }
    }
    return (conflicts.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2), agreements.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.2))
  }

  /// The most specific place an observation names.
  static func place(_ o: Observation) -> String? { o.destinationPlace ?? o.destination ?? o.origin }

  /// Why two periods can be compared, in words; nil when they cannot. A stock's open start is
  /// about its end; a flow compares only over one span.
  static func sameTime(_ a: EDTFDate, _ b: EDTFDate, _ nature: MeasureDefinition.Nature) -> String? {
    switch nature {
    case .flow:
      guard let start = a.earliest, let end = a.latest, start == b.earliest, end == b.latest else { return nil }
      return "both totals over \(a.displayText)"
    case .stock:
      let (ra, rb) = (reference(a), reference(b))
      guard ra.mayCoincide(with: rb) else { return nil }
      return "both levels at times that can coincide"
    }
  }

  /// The time a stock figure is about: an open start ("until 2017") is about its end.
  static func reference(_ date: EDTFDate) -> EDTFDate {
    if case .interval(.open, .date(let end)) = date.form { return EDTFDate(.single(end)) }
    return date
  }
}

/// Two observations from different sources whose figures for the same measure, place and time can
/// both be true.
public struct Agreement: Hashable, Sendable {
  /// Stable id, `agreement-A-B` with the observation ids in dataset order.
  public var id: String
  /// The measure both report.
  public var measure: Measure
  /// The two observation ids.
  public var observations: [String]
  /// Their sources.
  public var sources: [String]
  /// One sentence saying what was compared and why they agree.
  public var summary: String
}

extension String {
  /// The text with its first letter in lower case ("Workers in Russia" → "workers in Russia").
  var lowercasedFirst: String {
    guard let first else { return self }
    return first.lowercased() + dropFirst()
  }
}
