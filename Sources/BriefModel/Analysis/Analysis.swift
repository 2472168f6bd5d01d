/// Computes the brief's statistics from a dataset.
///
/// Every statistic is a ``NamedEstimate`` (value interval, best estimate, unit,
/// inputs, method, caveats). The computations live one per file in this folder;
/// ``run(_:)`` collects them in a fixed order, so the output is deterministic.
///
/// ```swift
/// let result = Analysis.run(dataset)
/// result.estimate("cn-work-visas-2012-implied")?.interval
/// ```
public enum Analysis {
  /// Runs every statistic.
  public static func run(_ dataset: Dataset) -> AnalysisResult {
    var result = AnalysisResult()
    result.estimates += workVisas(dataset)
    let wages = self.wages(dataset)
    result.estimates += wages
    result.estimates += wageSummaries(wages, dataset)
    let bribes = self.bribes(dataset)
    result.estimates += bribes
    result.estimates += bribeOffers(dataset)
    result.estimates += wageShareKept(dataset)
    result.estimates += repayMonths(bribes: bribes, dataset: dataset, kept: keptWages(dataset))
    let headcounts = self.headcounts(dataset)
    result.series.append(contentsOf: headcounts.series)
    result.estimates += headcounts.estimates
    let durations = self.durations(dataset)
    result.series.append(contentsOf: durations.series)
    result.estimates += durations.estimates
    let terms = contractTerms(dataset)
    result.series.append(contentsOf: terms.series)
    result.estimates += terms.estimates
    (result.conflicts, result.agreements) = Comparisons.compare(dataset)
    return result
  }

  /// Short codes for destinations used in ids.
  static let countryCodes: [String: String] = [
    "China": "cn", "Russia": "ru", "Qatar": "qa", "Iran": "ir", "North Korea": "kp", "South Korea": "kr",
  ]

  /// `cn` for China, otherwise a lowercase slug.
  static func code(_ place: String?) -> String {
    guard let place else { return "all" }
    return countryCodes[place] ?? slug(place)
  }

  /// Lowercase letters and digits joined by "-".
  static func slug(_ text: String) -> String {
    var result = ""
    for character in text.lowercased() {
      if character.isASCII && (character.isLetter || character.isNumber) {
        result.append(character)
      } else if !result.hasSuffix("-") && !result.isEmpty {
        result.append("-")
      }
    }
    while result.hasSuffix("-") { result.removeLast() }
    return result
  }

  /// Distance in days between two dates' spans (0 if they overlap), open ends reaching forever.
  static func distance(_ a: EDTFDate, _ b: EDTFDate) -> Int {
    if a.overlaps(b) { return 0 }
    if let aLatest = a.latest, let bEarliest = b.earliest, aLatest < bEarliest {
      return aLatest.days(to: bEarliest)
    }
    if let bLatest = b.latest, let aEarliest = a.earliest, bLatest < aEarliest {
      return bLatest.days(to: aEarliest)
    }
    return 0
  }

  /// A USD conversion: multiply by `factor` (an interval), citing `rate` when not USD.
  struct Conversion {
    var factor: Interval
    var estimate: Double
    var rate: ExchangeRate?
  }

  /// How to turn an amount in `currency` on `date` into USD: the nearest-dated rate
  /// between `currency` and USD, used in either direction.
  static func toUSD(_ currency: Currency, on date: EDTFDate, _ dataset: Dataset) -> Conversion? {
    if currency == .usd { return Conversion(factor: .point(1), estimate: 1, rate: nil) }
    let candidates = dataset.rates.filter {
      ($0.base == .usd && $0.quote == currency) || ($0.base == currency && $0.quote == .usd)
    }
    let best = candidates.enumerated().min { a, b in
      (distance(a.element.date, date), a.offset) < (distance(b.element.date, date), b.offset)
    }?.element
    guard let rate = best, let value = rate.value, value > 0 else { return nil }
    if rate.base == .usd {
      return Conversion(factor: Interval.point(1) / rate.rate.interval, estimate: 1 / value, rate: rate)
    }
    return Conversion(factor: rate.rate.interval, estimate: value, rate: rate)
  }

  /// An observation's value in USD per month (wages, quotas) or USD (bribes), with
  /// the rate used; `nil` when no rate is available.
  static func usd(_ observation: Observation, _ dataset: Dataset) -> (Interval, Double?, ExchangeRate?)? {
    guard case .money(let currency, let period) = observation.unit,
      let conversion = toUSD(currency, on: observation.period, dataset)
    else { return nil }
    let perMonth = period?.perMonth ?? 1
    let interval = observation.value.interval * conversion.factor * perMonth
    let estimate = observation.value.estimate.map { $0 * conversion.estimate * perMonth }
    return (interval.clamped(to: Interval(low: 0, high: nil)), estimate, conversion.rate)
  }

  /// The reported value as text with its unit, e.g. "50,000 CNY/year".
  static func original(_ observation: Observation) -> String {
    observation.value.formatted(unit: observation.unit == .percent ? nil : observation.unit.description)
  }

  /// Caveat for a rate whose date lies outside the observation's period.
  static func rateCaveat(_ rate: ExchangeRate?, _ observation: Observation) -> [String] {
    guard let rate else { return [] }
    var caveats: [String] = []
    if !rate.date.overlaps(observation.period) {
      caveats.append(
        "converted at the \(rate.date.displayText) rate, outside the figure's period (\(observation.period.displayText))")
    }
    if rate.rate.kind != .exact {
      caveats.append("the exchange rate itself is approximate")
    }
    return caveats
  }
}

/// Everything ``Analysis/run(_:)`` computes.
public struct AnalysisResult: Hashable, Sendable {
  /// All estimates, in a fixed order.
  public var estimates: [NamedEstimate] = []
  /// Time series (headcounts and durations by destination).
  public var series: [Series] = []
  /// Disagreements between sources.
  public var conflicts: [Conflict] = []
  /// Figures from different sources for the same measure, place and time that can both be true.
  public var agreements: [Agreement] = []

  /// Creates an empty result.
  public init() {}

  /// The estimate with `id`.
  public func estimate(_ id: String) -> NamedEstimate? { estimates.first { $0.id == id } }
}
