/// What the dataset's words mean: its measures, count units and places, declared in
/// `vocabulary.yaml` rather than in code, so a new month's figures need no Swift.
///
/// ```yaml
/// measures:
///   - {id: workers, label: "Workers in {place}", dimension: count, nature: stock}
/// units:
///   - {id: workers, singular: worker}
/// places:
///   - {id: Russia, kind: country, code: ru, aliases: [RU, Russian Federation]}
///   - {id: Vladivostok, kind: city, parent: Russia}
/// ```
public struct Vocabulary: Hashable, Sendable {
  /// Measures by declaration order.
  public var measures: [MeasureDefinition] = []
  /// Count units (workers, visas…) by declaration order.
  public var units: [CountUnit] = []
  /// Places by declaration order.
  public var places: [Place] = []

  public init(measures: [MeasureDefinition] = [], units: [CountUnit] = [], places: [Place] = []) {
    self.measures = measures
    self.units = units
    self.places = places
  }

  /// The measure with `id`.
  public func measure(_ id: String) -> MeasureDefinition? { measures.first { $0.id == id } }

  /// The measure of `measure`.
  public func definition(of measure: Measure) -> MeasureDefinition? { self.measure(measure.rawValue) }

  /// The count unit written `text`, in its plural (`worker` and `workers` are `workers`).
  public func countUnit(_ text: String) -> CountUnit? { units.first { $0.id == text || $0.singular == text } }

  /// The place named `text` or known by it as an alias (`RU` is Russia).
  public func place(_ text: String) -> Place? {
    places.first { $0.id == text } ?? places.first { $0.aliases.contains(text) }
  }

  /// Whether `place` is `ancestor` or lies inside it (Vladivostok is in Russia).
  public func place(_ place: String, isWithin ancestor: String) -> Bool {
    var current: String? = place
    var steps = 0
    while let name = current, steps <= places.count {
      if name == ancestor { return true }
      current = self.place(name)?.parent
      steps += 1
    }
    return false
  }

  /// The short code of a place for ids (`ru` for Russia), else a slug of its name.
  public func code(_ place: String?) -> String {
    guard let place else { return "all" }
    return self.place(place)?.code ?? Slug.make(place)
  }
}

/// A kind of quantity the dataset records, e.g. `workers` (a headcount) or `wage` (money per period).
public struct MeasureDefinition: Hashable, Sendable {
  /// How a measure's figures relate to time.
  public enum Nature: String, Hashable, Sendable, CaseIterable {
    /// A level at a time (a headcount, a wage): two figures can conflict only where their reference
    /// times can coincide.
    case stock
    /// A total over a span (visas issued in a year): two figures can conflict only over the same span.
    case flow
  }

  /// The kinds of unit a measure's figures take.
  public enum Dimension: String, Hashable, Sendable, CaseIterable {
    /// A count unit (`workers`, `visas`).
    case count
    /// A one-off amount of money (`USD`).
    case money
    /// Money per period (`USD/month`).
    case moneyPerPeriod = "money-per-period"
    /// A percentage.
    case percent
    /// A ratio (`times`).
    case ratio
    /// A length of time (`years`, `months`).
    case duration

    /// Whether `unit` is of this dimension.
    public func accepts(_ unit: Unit) -> Bool {
      switch (self, unit) {
      case (.count, .count), (.money, .money(_, per: nil)), (.moneyPerPeriod, .money(_, per: .some)), (.percent, .percent),
        (.ratio, .ratio), (.duration, .duration):
        return true
      default:
        return false
      }
    }

    /// How the dimension reads in messages.
    public var phrase: String {
      switch self {
      case .count: return "a count unit"
      case .money: return "a currency (a one-off amount such as USD)"
      case .moneyPerPeriod: return "money per period (such as USD/month)"
      case .percent: return "%"
      case .ratio: return "times"
      case .duration: return "a duration (years, months, weeks or days)"
      }
    }
  }

  /// The id observations use (`work-visas`).
  public var id: String
  /// A label for generated text, with `{place}` standing for the figure's place ("Workers in {place}").
  public var label: String
  /// The kinds of unit its figures may take, in order of preference.
  public var dimensions: [Dimension]
  /// The only count units it takes, when it restricts them (`work-visas` takes `visas`); empty: any.
  public var units: [String]
  /// Stock or flow.
  public var nature: Nature
  /// A caveat every figure of the measure carries ("a promised wage, not a wage known to have been paid").
  public var caveat: String?
  /// Where it is declared.
  public var location: SourceLocation

  public init(
    id: String, label: String, dimensions: [Dimension], units: [String] = [], nature: Nature, caveat: String? = nil,
    location: SourceLocation = SourceLocation(file: "", line: 1, column: 1)
  ) {
    self.id = id
    self.label = label
    self.dimensions = dimensions
    self.units = units
    self.nature = nature
    self.caveat = caveat
    self.location = location
  }

  /// The label for a figure about `place`: "Workers in Russia"; without a place, the label up to it ("Workers").
  public func label(place: String?) -> String {
    guard let range = label.range(of: "{place}") else { return label }
    if let place { return label.replacingCharacters(in: range, with: place) }
    var head = String(label[..<range.lowerBound])
    for word in [" in ", " from ", " to ", " for ", " at "] where head.hasSuffix(word) { head.removeLast(word.count) }
    return head.trimmingWhitespace()
  }

  /// Why `unit` does not suit the measure, as the "expected" part of an error; nil when it does.
  public func problem(with unit: Unit) -> String? {
    let accepted = dimensions.contains { $0.accepts(unit) }
    if accepted, case .count(let noun) = unit, !units.isEmpty, !units.contains(noun) {
      return "one of the units " + units.joined(separator: ", ") + " for \(id)"
    }
    if accepted { return nil }
    let phrases = dimensions.map { dimension -> String in
      dimension == .count && !units.isEmpty ? "a count unit (" + units.joined(separator: ", ") + ")" : dimension.phrase
    }
    return phrases.joined(separator: " or ") + " for \(id)"
  }
}

/// A noun that counts things: `workers`, with its singular `worker`.
public struct CountUnit: Hashable, Sendable {
  /// The plural, which observations write as their unit.
  public var id: String
  /// The singular, for "1 worker".
  public var singular: String

  public init(id: String, singular: String) {
    self.id = id
    self.singular = singular
  }
}

/// A country, province, city or region, with the other names it goes by and the place it lies in.
public struct Place: Hashable, Sendable {
  /// The name observations and charts use ("Russia").
  public var id: String
  /// country, province, city, county, region…
  public var kind: String
  /// Other spellings that mean it ("RU", "Russian Federation").
  public var aliases: [String]
  /// The place it lies in (Vladivostok in Russia).
  public var parent: String?
  /// A short code for generated ids (`ru`).
  public var code: String?

  public init(id: String, kind: String, aliases: [String] = [], parent: String? = nil, code: String? = nil) {
    self.id = id
    self.kind = kind
    self.aliases = aliases
    self.parent = parent
    self.code = code
  }
}

/// The id a measure has: any id `vocabulary.yaml` declares.
public struct Measure: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
  public var rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(_ id: String) { rawValue = id }
  public var description: String { rawValue }
}

/// Lowercase ASCII letters and digits joined by "-": ids made from names.
public enum Slug {
  public static func make(_ text: String) -> String {
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
}
