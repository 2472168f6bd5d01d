/// A currency the dataset can quote amounts in (ISO 4217 codes).
public enum Currency: String, Sendable, CaseIterable, Codable, Hashable {
  /// US dollar.
  case usd = "USD"
  /// Chinese yuan (renminbi).
  case cny = "CNY"
  /// South Korean won.
  case krw = "KRW"
  /// North Korean won.
  case kpw = "KPW"
  /// Russian ruble.
  case rub = "RUB"
  /// Euro.
  case eur = "EUR"
  /// Japanese yen.
  case jpy = "JPY"
}

/// A calendar period that a rate (wage per month, per year) refers to.
public enum TimePeriod: String, Sendable, CaseIterable, Codable, Hashable {
  /// A day.
  case day
  /// A week.
  case week
  /// A month.
  case month
  /// A year.
  case year

  /// How many of these make a month (1/12 for a year, 30.4375/7 for weeks…).
  public var perMonth: Double {
    switch self {
    case .day: return 365.25 / 12
    case .week: return 365.25 / 12 / 7
    case .month: return 1
    case .year: return 1.0 / 12
    }
  }
}

/// The unit a figure is measured in.
///
/// Written in the dataset as `workers`, `people`, `visas`, `groups`, `%`,
/// `times` (a ratio), `years`, `months`, `days`, a currency code (`USD`, a
/// one-off amount) or a currency per period (`USD/month`, `CNY/year`).
public enum Unit: Hashable, Sendable, CustomStringConvertible {
  /// A count of things (`workers`, `people`, `visas`, `groups`).
  case count(String)
  /// An amount of money, once (`period == nil`) or per period.
  case money(Currency, per: TimePeriod?)
  /// A percentage.
  case percent
  /// A ratio between two quantities ("twice as high" is 2).
  case ratio
  /// A length of time.
  case duration(TimePeriod)

  /// Every accepted spelling, for error messages: the vocabulary's count units and the fixed ones.
  public static func knownUnitsDescription(countNouns: [CountUnit]) -> String {
    "a unit: " + countNouns.map(\.id).joined(separator: ", ")
      + (countNouns.isEmpty ? "" : ", ") + "%, times, years, months, days, a currency (" + Currency.allCases.map(\.rawValue).joined(separator: ", ")
      + ") or a currency per day/week/month/year such as USD/month"
  }

  /// Parses the dataset spelling with the vocabulary's count units (a singular means its plural);
  /// `nil` if unknown.
  public init?(_ text: String, countNouns: [CountUnit]) {
    if let noun = countNouns.first(where: { $0.id == text || $0.singular == text }) {
      self = .count(noun.id)
      return
    }
    self.init(fixed: text)
  }

  /// The unit of a derived estimate as it is spelled: a fixed unit, else a count noun (checked
  /// against the vocabulary when the derivation was read).
  public init(spelled text: String) {
    self = Unit(fixed: text) ?? .count(text)
  }

  /// Parses a unit that is not a count noun: %, times, a duration, a currency, a currency per period.
  public init?(fixed text: String) {
    switch text {
    case "%", "percent": self = .percent
    case "times", "ratio": self = .ratio
    case "years", "year": self = .duration(.year)
    case "months", "month": self = .duration(.month)
    case "weeks", "week": self = .duration(.week)
    case "days", "day": self = .duration(.day)
    default:
      let parts = text.split(separator: "/", omittingEmptySubsequences: false)
      guard (1...2).contains(parts.count), let currency = Currency(rawValue: String(parts[0])) else {
        return nil
      }
      if parts.count == 2 {
        guard let period = TimePeriod(rawValue: String(parts[1])) else { return nil }
        self = .money(currency, per: period)
      } else {
        self = .money(currency, per: nil)
      }
    }
  }

  /// Whether the text names a currency (possibly per period) that is not known,
  /// e.g. `XYZ/month`: lets errors say "unknown currency" rather than "unknown unit".
  public static func looksLikeCurrency(_ text: String) -> Bool {
    let head = text.split(separator: "/").first.map(String.init) ?? text
    return head.count == 3 && head.allSatisfy { $0.isASCII && $0.isUppercase }
  }

  /// The bounds no value in this unit can cross: 0 for counts, money and
  /// durations, 0…100 for percentages; none for ratios below 0 either.
  public var naturalLimits: Interval {
    switch self {
    case .percent: return Interval(low: 0, high: 100)
    case .count, .money, .duration, .ratio: return Interval(low: 0, high: nil)
    }
  }

  /// Whether the unit counts things (workers, visas): its figures are whole numbers.
  public var isCount: Bool {
    if case .count = self { return true }
    return false
  }

  /// Why `value` cannot be a figure in this unit, as the "expected" part of an error; `nil` when it can.
  ///
  /// The one place a unit's rules for reported values live:
  /// - no value may lie wholly below the natural lower limit (`-5 workers`, `<0 USD`: nothing is
  ///   less than 0), and only approximate values may reach below it (`~0` spans −0.5…0.5);
  /// - a count's numbers are whole, at every end of a range and for every kind (`1300.5`,
  ///   `~1300.5`, `1300.5..2000`, `<=0.5`), since 1,300.5 visas would be printed as 1,301;
  /// - a count that a bound leaves no room but 0 (`<1`, `<=0`) is written `0`, so that charts
  ///   and texts show none rather than a bound.
  ///
  /// ```swift
  /// Unit.count("visas").problem(with: try .parse("1300.5"))  // "a whole number for visas (a count)"
  /// Unit.count("visas").problem(with: try .parse("<1"))      // "\"0\" (a count of visas less than 1 can only be 0)"
  /// ```
  public func problem(with value: ReportedValue) -> String? {
    let limits = naturalLimits
    if let low = limits.low {
      let approximate = value.kind == .approximate || value.kind == .approximateRange
      let high = value.interval.high ?? .infinity
      // A less-than bound excludes its end: "<0" allows nothing at or above 0.
      let nothingAbove = high < low || (value.kind == .lessThan && high <= low)
      if nothingAbove || (!approximate && value.interval.low.map { $0 < low } ?? false) {
        return "a value of at least \(NumberFormat.plain(low)) for \(self)"
      }
    }
    guard isCount else { return nil }
    if value.stated.contains(where: { $0.rounded(.towardZero) != $0 }) {
      return "a whole number for \(self) (a count)"
    }
    if let low = limits.low, let high = value.interval.high,
      (value.kind == .lessThan && high <= low + 1) || (value.kind == .atMost && high <= low)
    {
      let bound = value.kind == .lessThan ? "less than" : "at most"
      let zero = NumberFormat.plain(low)
      return "\"\(zero)\" (a count of \(self) \(bound) \(NumberFormat.plain(high)) can only be \(zero))"
    }
    return nil
  }

  /// The dataset spelling.
  public var description: String {
    switch self {
    case .count(let noun): return noun
    case .money(let currency, nil): return currency.rawValue
    case .money(let currency, let period?): return "\(currency.rawValue)/\(period.rawValue)"
    case .percent: return "%"
    case .ratio: return "times"
    case .duration(let period): return period.rawValue + "s"
    }
  }
}
