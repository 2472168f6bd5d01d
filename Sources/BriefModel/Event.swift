/// A dated event for timelines, with its source.
public struct Event: Hashable, Sendable {
  /// Stable id (e.g. `party-congress-8`).
  public var id: String
  /// When (EDTF; spans are drawn as spans).
  public var date: EDTFDate
  /// A short label in the dataset's own words.
  public var title: String
  /// A category for styling ("politics", "sanctions", "recruitment", "defection").
  public var category: String?
  /// Places involved.
  public var places: [String]
  /// The id of the source.
  public var source: String
  /// A note in the dataset's own words.
  public var note: String?
  /// Where the entry is written.
  public var location: SourceLocation
}

/// An exchange rate on a date: one unit of `base` costs `rate` units of `quote`.
public struct ExchangeRate: Hashable, Sendable {
  /// Stable id (e.g. `usd-cny-2024-07-24`).
  public var id: String
  /// The currency being priced (`USD`).
  public var base: Currency
  /// The currency the price is in (`CNY`).
  public var quote: Currency
  /// Units of `quote` per unit of `base`, as reported (may be approximate).
  public var rate: ReportedValue
  /// The day or period the rate applies to.
  public var date: EDTFDate
  /// The id of the source.
  public var source: String
  /// A note in the dataset's own words.
  public var note: String?
  /// Where the entry is written.
  public var location: SourceLocation

  /// The best single rate (the estimate, or the midpoint of the interval).
  public var value: Double? { rate.estimate ?? rate.interval.midpoint }
}

/// The whole dataset: its vocabulary, sources, observations, events, exchange rates and derivations.
public struct Dataset: Hashable, Sendable {
  /// Sources by declaration order.
  public var sources: [Source]
  /// Observations by declaration order.
  public var observations: [Observation]
  /// Events by declaration order.
  public var events: [Event]
  /// Exchange rates by declaration order.
  public var rates: [ExchangeRate]
  /// The measures, count units and places the entries use.
  public var vocabulary: Vocabulary
  /// Derived statistics (`derived.yaml`) by declaration order.
  public var derivations: [Derivation]
  /// Draft observations waiting for review in `inbox/*.yaml`: id to file. A brief never cites them.
  public var drafts: [String: String] = [:]

  /// Creates a dataset.
  public init(
    sources: [Source] = [], observations: [Observation] = [], events: [Event] = [],
    rates: [ExchangeRate] = [], vocabulary: Vocabulary = Vocabulary(), derivations: [Derivation] = []
  ) {
    self.vocabulary = vocabulary
    self.sources = sources
    self.observations = observations
    self.events = events
    self.rates = rates
    self.derivations = derivations
  }

  /// The source with `id`.
  public func source(_ id: String) -> Source? { sources.first { $0.id == id } }

  /// The observation with `id`.
  public func observation(_ id: String) -> Observation? { observations.first { $0.id == id } }
}
