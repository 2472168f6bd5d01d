/// The physical dimension of a value: powers of count nouns, currencies and time.
///
/// Every value is held in a canonical scale: durations in months, amounts per period per
/// month, percentages and ratios as plain fractions (`17%` is 0.17). A declared unit converts
/// from that scale (`years` divides months by 12, `%` multiplies by 100), so `3 years` and
/// `36 months` are the same value and only the dimension must match.
public struct Dimension: Hashable, Sendable, CustomStringConvertible {
  /// Base name (`visas`, `USD`, `month`) to its power; powers of 0 are left out.
  public var powers: [String: Int]

  /// A pure number (a %, a ratio, a plain count of times).
  public static let none = Dimension(powers: [:])
  /// Time, in months.
  public static let time = Dimension(powers: [Dimension.month: 1])
  static let month = "month"

  /// The currency, when the dimension has exactly one.
  public var currency: Currency? {
    let found = powers.keys.compactMap { Currency(rawValue: $0) }
    return found.count == 1 ? found.first : nil
  }

  /// Whether it is money, once or per period (one currency to the power 1, time to 0 or -1).
  public var isMoney: Bool {
    guard let currency, powers[currency.rawValue] == 1 else { return false }
    return powers.count == 1 || (powers.count == 2 && powers[Dimension.month] == -1)
  }

  /// The product of two dimensions.
  public static func * (a: Dimension, b: Dimension) -> Dimension {
    var powers = a.powers
    for (key, power) in b.powers { powers[key, default: 0] += power }
    return Dimension(powers: powers.filter { $0.value != 0 })
  }

  /// The quotient of two dimensions.
  public static func / (a: Dimension, b: Dimension) -> Dimension {
    a * Dimension(powers: b.powers.mapValues { -$0 })
  }

  /// The same dimension with `currency` in place of its currency.
  func replacingCurrency(with currency: Currency) -> Dimension {
    guard let old = self.currency, let power = powers[old.rawValue] else { return self }
    var powers = self.powers
    powers[old.rawValue] = nil
    powers[currency.rawValue] = power
    return Dimension(powers: powers)
  }

  /// `USD/month`, `visas`, `months`, `a pure number (%, times)`.
  public var description: String {
    if powers.isEmpty { return "a pure number (%, times)" }
    func name(_ key: String, _ power: Int) -> String {
      let base = key == Dimension.month && power > 0 ? "months" : key
      return abs(power) == 1 ? base : "\(base)^\(abs(power))"
    }
    let top = powers.filter { $0.value > 0 }.sorted { $0.key < $1.key }.map { name($0.key, $0.value) }
    let bottom = powers.filter { $0.value < 0 }.sorted { $0.key < $1.key }.map { name($0.key, $0.value) }
    let numerator = top.isEmpty ? "1" : top.joined(separator: "×")
    return bottom.isEmpty ? numerator : numerator + "/" + bottom.joined(separator: "/")
  }

  /// A dataset unit's dimension and the factor that takes its numbers to the canonical scale.
  ///
  /// `CNY/year` is `CNY/month` with factor 1/12; `years` is months with factor 12; `%` is a
  /// pure number with factor 0.01.
  /// The unit a formula's result is shown in when none is declared (a formula in a brief): money
  /// in its currency (per month for a rate), time in months, a count in its noun, a pure number as
  /// `%` (a growth, a share), or as `times` when the formula is a `ratio(…)`; nil for anything else.
  public func naturalUnit(of formula: Expr) -> Unit? {
    if self == .none {
      if case .call("ratio", _, _) = formula { return .ratio }
      return .percent
    }
    if self == .time { return .duration(.month) }
    if isMoney, let currency { return .money(currency, per: powers[Dimension.month] == -1 ? .month : nil) }
    if powers.count == 1, let (noun, power) = powers.first, power == 1, Currency(rawValue: noun) == nil, noun != Dimension.month {
      return .count(noun)
    }
    return nil
  }

  public static func of(_ unit: Unit) -> (dimension: Dimension, factor: Double) {
    switch unit {
    case .count(let noun): return (Dimension(powers: [noun: 1]), 1)
    case .money(let currency, nil): return (Dimension(powers: [currency.rawValue: 1]), 1)
    case .money(let currency, let period?):
      return (Dimension(powers: [currency.rawValue: 1, month: -1]), period.perMonth)
    case .percent: return (.none, 0.01)
    case .ratio: return (.none, 1)
    case .duration(let period): return (.time, 1 / period.perMonth)
    }
  }
}
