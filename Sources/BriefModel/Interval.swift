/// A closed interval of real numbers whose ends may be open-ended.
///
/// `low == nil` means unbounded below and `high == nil` unbounded above. The
/// arithmetic operators implement interval arithmetic: the result contains every
/// value that the operation can give for operands taken from the two intervals.
/// Nothing here produces NaN or traps: `0 × ∞` counts as 0, and division by an
/// interval that contains zero gives an interval unbounded on the affected side.
///
/// ```swift
/// let growth = Interval(low: 0.165, high: 0.175)
/// let prior = Interval.point(93_300) / (Interval.point(1) + growth)
/// // prior ≈ 79,404 … 80,086
/// ```
public struct Interval: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// The lower end; `nil` means unbounded below.
  public var low: Double?
  /// The upper end; `nil` means unbounded above.
  public var high: Double?

  /// Creates an interval; pass `nil` for an open end. Non-finite ends become open.
  public init(low: Double?, high: Double?) {
    self.low = low.flatMap { $0.isFinite ? $0 : nil }
    self.high = high.flatMap { $0.isFinite ? $0 : nil }
  }

  /// The zero-width interval `[x, x]`.
  public static func point(_ x: Double) -> Interval { Interval(low: x, high: x) }

  /// The interval unbounded on both sides.
  public static let unbounded = Interval(low: nil, high: nil)

  /// Whether both ends are finite.
  public var isBounded: Bool { low != nil && high != nil }

  /// Whether low and high are both given and equal.
  public var isPoint: Bool { low != nil && low == high }

  /// The distance from low to high, `nil` when either end is open.
  public var width: Double? {
    guard let low, let high else { return nil }
    return high - low
  }

  /// The midpoint, `nil` when either end is open.
  public var midpoint: Double? {
    guard let low, let high else { return nil }
    return low + (high - low) / 2
  }

  /// Whether `low > high`, which no valid interval has.
  public var isInverted: Bool {
    guard let low, let high else { return false }
    return low > high
  }

  /// Whether `x` lies in the interval (ends included).
  public func contains(_ x: Double) -> Bool {
    if let low, x < low { return false }
    if let high, x > high { return false }
    return true
  }

  /// Whether the two intervals share at least one point (touching ends count).
  public func overlaps(_ other: Interval) -> Bool {
    if let high, let otherLow = other.low, high < otherLow { return false }
    if let low, let otherHigh = other.high, otherHigh < low { return false }
    return true
  }

  /// The interval narrowed to `limits` (an open end takes the limit's end).
  public func clamped(to limits: Interval) -> Interval {
    var low = self.low
    var high = self.high
    if let limitLow = limits.low { low = Swift.max(low ?? limitLow, limitLow) }
    if let limitHigh = limits.high { high = Swift.min(high ?? limitHigh, limitHigh) }
    return Interval(low: low, high: high)
  }

  /// The smallest interval containing both.
  public func hull(_ other: Interval) -> Interval {
    let low: Double? = {
      guard let a = self.low, let b = other.low else { return nil }
      return Swift.min(a, b)
    }()
    let high: Double? = {
      guard let a = self.high, let b = other.high else { return nil }
      return Swift.max(a, b)
    }()
    return Interval(low: low, high: high)
  }

  /// `[low, high]` with `…` for open ends, for debugging and tests.
  public var description: String {
    let lowText = low.map { NumberFormat.plain($0) } ?? "−∞"
    let highText = high.map { NumberFormat.plain($0) } ?? "∞"
    return "[\(lowText), \(highText)]"
  }

  // MARK: - Arithmetic

  /// The ends as extended reals (open ends become ±∞).
  var extended: (Double, Double) {
    (low ?? -.infinity, high ?? .infinity)
  }

  /// Builds an interval from extended reals; infinite ends become open.
  static func fromExtended(_ low: Double, _ high: Double) -> Interval {
    Interval(low: low.isFinite ? low : nil, high: high.isFinite ? high : nil)
  }

  /// A product in which `0 × ±∞` is 0, as interval arithmetic requires.
  static func safeProduct(_ a: Double, _ b: Double) -> Double {
    if a == 0 || b == 0 { return 0 }
    return a * b
  }

  /// Interval sum.
  public static func + (lhs: Interval, rhs: Interval) -> Interval {
    let (a, b) = lhs.extended
    let (c, d) = rhs.extended
    // -∞ + ∞ cannot happen: lows add to lows and highs to highs.
    return fromExtended(a + c, b + d)
  }

  /// Interval negation.
  public static prefix func - (value: Interval) -> Interval {
    Interval(low: value.high.map { -$0 }, high: value.low.map { -$0 })
  }

  /// Interval difference.
  public static func - (lhs: Interval, rhs: Interval) -> Interval {
    lhs + (-rhs)
  }

  /// Interval product.
  public static func * (lhs: Interval, rhs: Interval) -> Interval {
    let (a, b) = lhs.extended
    let (c, d) = rhs.extended
    let products = [safeProduct(a, c), safeProduct(a, d), safeProduct(b, c), safeProduct(b, d)]
    let low = products.min() ?? -.infinity
    let high = products.max() ?? .infinity
    return fromExtended(low, high)
  }

  /// The reciprocal `1 / x` for every `x` in the interval.
  ///
  /// An interval with zero strictly inside, or `[0, 0]`, gives the unbounded
  /// interval; `[0, b]` gives `[1/b, ∞)` and `[a, 0]` gives `(−∞, 1/a]`.
  public var reciprocal: Interval {
    let (a, b) = extended
    if a > 0 || b < 0 {
      // Zero is outside: 1/x is monotone decreasing on the interval.
      return Interval.fromExtended(b.isInfinite ? 0 : 1 / b, a.isInfinite ? 0 : 1 / a)
    }
    if a == 0 && b > 0 {
      return Interval.fromExtended(b.isInfinite ? 0 : 1 / b, .infinity)
    }
    if b == 0 && a < 0 {
      return Interval.fromExtended(-.infinity, a.isInfinite ? 0 : 1 / a)
    }
    return .unbounded
  }

  /// Interval quotient; see ``reciprocal`` for divisors containing zero.
  public static func / (lhs: Interval, rhs: Interval) -> Interval {
    lhs * rhs.reciprocal
  }

  /// Adds a number to both ends.
  public static func + (lhs: Interval, rhs: Double) -> Interval { lhs + .point(rhs) }
  /// Subtracts a number from both ends.
  public static func - (lhs: Interval, rhs: Double) -> Interval { lhs - .point(rhs) }
  /// Multiplies by a number (a negative number swaps the ends).
  public static func * (lhs: Interval, rhs: Double) -> Interval { lhs * .point(rhs) }
  /// Divides by a number (division by zero gives the unbounded interval).
  public static func / (lhs: Interval, rhs: Double) -> Interval { lhs / .point(rhs) }
}
