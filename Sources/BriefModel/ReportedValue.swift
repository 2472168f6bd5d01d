import Foundation

/// A figure as a source reported it: exact, approximate, a one-sided bound or a range.
///
/// Every reported value has an ``interval`` (open where the report gives no bound,
/// or bounded by the quantity's natural limits) and, except for one-sided bounds,
/// a best ``estimate``. The textual forms used in the dataset are:
///
/// | text              | kind               | interval            | estimate |
/// |-------------------|--------------------|---------------------|----------|
/// | `1300`            | exact              | 1,300 … 1,300       | 1,300    |
/// | `~4000`           | approximate        | 3,500 … 4,500       | 4,000    |
/// | `~4000±300`       | approximate        | 3,700 … 4,300       | 4,000    |
/// | `>=10000`         | at least           | 10,000 … ∞          | none     |
/// | `<=10000`         | at most ("up to")  | −∞ … 10,000         | none     |
/// | `<10%`            | less than          | −∞ … 10             | none     |
/// | `>3`              | more than          | 3 … ∞               | none     |
/// | `3500..4000`      | range              | 3,500 … 4,000       | 3,750    |
/// | `~50000..100000`  | approximate range  | 45,000 … 105,000    | 75,000   |
///
/// An approximate value spans the rounding interval of its least significant
/// non-zero digit (`~17%` is 16.5 … 17.5). An approximate range widens both ends by
/// half the rounding unit of its more precise end. Apply natural limits (0 for
/// counts and money; 0 and 100 for percentages, which ``parse(_:)`` does itself)
/// with ``limited(to:)``.
///
/// ```swift
/// let bribe = try ReportedValue.parse("3500..4000")
/// bribe.formatted(unit: "USD")  // "3,500–4,000 USD"
/// bribe.estimate                // 3750
/// ```
public struct ReportedValue: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// What kind of statement the source made about the figure.
  public enum Kind: String, Sendable, CaseIterable, Codable {
    /// A plain figure: `1300`.
    case exact
    /// "About", "roughly": `~4000`.
    case approximate
    /// "At least": `>=10000`.
    case atLeast
    /// "Up to", "at most": `<=10000`.
    case atMost
    /// "Less than": `<10%`.
    case lessThan
    /// "More than": `>3`.
    case moreThan
    /// "Between a and b": `3500..4000`.
    case range
    /// "Roughly between a and b": `~50000..100000`.
    case approximateRange
  }

  /// The kind of statement.
  public var kind: Kind
  /// The values the statement allows; `nil` ends are unbounded.
  public var interval: Interval
  /// The best single value; `nil` for one-sided bounds.
  public var estimate: Double?
  /// Whether the figure was written as a percentage (`17%`).
  public var isPercent: Bool
  /// The numbers as written: one for exact, approximate and bounds, two for ranges.
  public var stated: [Double]

  /// Creates a value from its parts; prefer ``parse(_:)``.
  public init(
    kind: Kind, interval: Interval, estimate: Double?, isPercent: Bool = false,
    stated: [Double] = []
  ) {
    self.kind = kind
    self.interval = interval
    self.estimate = estimate
    self.isPercent = isPercent
    self.stated = stated
  }

  /// An exact value.
  public static func exact(_ x: Double, isPercent: Bool = false) -> ReportedValue {
    ReportedValue(
      kind: .exact, interval: .point(x), estimate: x, isPercent: isPercent, stated: [x])
  }

  /// Whether the value is a one-sided bound (no point estimate).
  public var isBound: Bool {
    switch kind {
    case .atLeast, .atMost, .lessThan, .moreThan: return true
    default: return false
    }
  }

  /// The value with its interval narrowed to `limits` (e.g. `[0, ∞)` for counts).
  ///
  /// An estimate outside the limits is moved to the nearest limit.
  public func limited(to limits: Interval) -> ReportedValue {
    var copy = self
    copy.interval = interval.clamped(to: limits)
    if let estimate {
      var e = estimate
      if let low = limits.low { e = Swift.max(e, low) }
      if let high = limits.high { e = Swift.min(e, high) }
      copy.estimate = e
    }
    return copy
  }

  /// The canonical dataset text, e.g. `~4000`, `>=10000`, `3500..4000`.
  public var description: String {
    let suffix = isPercent ? "%" : ""
    let first = stated.first.map { NumberFormat.ascii($0) } ?? ""
    let second = stated.dropFirst().first.map { NumberFormat.ascii($0) } ?? ""
    switch kind {
    case .exact: return first + suffix
    case .approximate: return "~" + first + suffix
    case .atLeast: return ">=" + first + suffix
    case .atMost: return "<=" + first + suffix
    case .lessThan: return "<" + first + suffix
    case .moreThan: return ">" + first + suffix
    case .range: return first + ".." + second + suffix
    case .approximateRange: return "~" + first + ".." + second + suffix
    }
  }
}

// MARK: - Parsing

extension ReportedValue {
  /// Why a text is not a reported value; `expected` and `found` read as a sentence.
  public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What the parser expected.
    public var expected: String
    /// What it found.
    public var found: String
    /// "expected X, found Y".
    public var description: String { "expected \(expected), found \(found)" }
  }

  /// The grammar, for error messages.
  public static let syntaxDescription =
    "a reported value like 1300, ~4000, ~4000±300, >=10000, <=10000, <10%, >3, 3500..4000 or ~50000..100000"

  /// Parses the dataset notation (see the type's documentation).
  ///
  /// Percent values are limited to 0…100. Throws ``ParseError`` for anything else.
  public static func parse(_ rawText: String) throws -> ReportedValue {
    let text = rawText.trimmingWhitespace(newlines: false)
    let shown = rawText.count > 60 ? String(rawText.prefix(57)) + "..." : rawText
    let fail = ParseError(expected: syntaxDescription, found: "\"\(shown)\"")
    guard !text.isEmpty else { throw ParseError(expected: syntaxDescription, found: "an empty text") }
    var rest = Substring(text)
    var isPercent = false
    if rest.hasSuffix("%") {
      isPercent = true
      rest = rest.dropLast()
    }
    var value: ReportedValue
    if rest.hasPrefix(">=") || rest.hasPrefix("≥") {
      let number = try parseNumber(rest.hasPrefix(">=") ? rest.dropFirst(2) : rest.dropFirst(), fail)
      value = ReportedValue(
        kind: .atLeast, interval: Interval(low: number, high: nil), estimate: nil, stated: [number])
    } else if rest.hasPrefix("<=") || rest.hasPrefix("≤") {
      let number = try parseNumber(rest.hasPrefix("<=") ? rest.dropFirst(2) : rest.dropFirst(), fail)
      value = ReportedValue(
        kind: .atMost, interval: Interval(low: nil, high: number), estimate: nil, stated: [number])
    } else if rest.hasPrefix("<") {
      let number = try parseNumber(rest.dropFirst(), fail)
      value = ReportedValue(
        kind: .lessThan, interval: Interval(low: nil, high: number), estimate: nil, stated: [number])
    } else if rest.hasPrefix(">") {
      let number = try parseNumber(rest.dropFirst(), fail)
      value = ReportedValue(
        kind: .moreThan, interval: Interval(low: number, high: nil), estimate: nil, stated: [number])
    } else if rest.hasPrefix("~") {
      rest = rest.dropFirst()
      var margin: Double?
      if let plusMinus = rest.firstIndex(of: "±") {
        let marginText = rest[rest.index(after: plusMinus)...]
        let parsedMargin = try parseNumber(marginText, fail)
        guard parsedMargin >= 0 else {
          throw ParseError(expected: "a margin after ± that is not negative", found: "\"\(rawText)\"")
        }
        margin = parsedMargin
        rest = rest[..<plusMinus]
      }
      if let (a, b) = try splitRange(rest, fail) {
        let unit = Swift.min(roundingUnit(a.text), roundingUnit(b.text))
        let half = margin ?? unit / 2
        guard a.value <= b.value else {
          throw ParseError(expected: "a range whose low end is not above its high end", found: "\"\(rawText)\"")
        }
        value = ReportedValue(
          kind: .approximateRange, interval: Interval(low: a.value - half, high: b.value + half),
          estimate: (a.value + b.value) / 2, stated: [a.value, b.value])
      } else {
        let number = try parseNumber(rest, fail)
        let half = margin ?? roundingUnit(String(rest)) / 2
        value = ReportedValue(
          kind: .approximate, interval: Interval(low: number - half, high: number + half),
          estimate: number, stated: [number])
      }
    } else if let (a, b) = try splitRange(rest, fail) {
      guard a.value <= b.value else {
        throw ParseError(expected: "a range whose low end is not above its high end", found: "\"\(rawText)\"")
      }
      value = ReportedValue(
        kind: .range, interval: Interval(low: a.value, high: b.value),
        estimate: (a.value + b.value) / 2, stated: [a.value, b.value])
    } else {
      let number = try parseNumber(rest, fail)
      value = .exact(number)
    }
    value.isPercent = isPercent
    if isPercent {
      let written = value.stated
      value = value.limited(to: Interval(low: 0, high: 100))
      // 150%, -5% or ~300±1768% would leave an empty interval or an estimate moved to a limit.
      if !written.allSatisfy({ (0...100).contains($0) }) {
        throw ParseError(expected: "a percentage from 0 to 100", found: fail.found)
      }
      if let low = value.interval.low, let high = value.interval.high, low > high {
        throw ParseError(expected: "a percentage from 0 to 100", found: fail.found)
      }
    }
    return value
  }

  /// Splits `a..b`; `nil` when there is no `..`.
  static func splitRange(_ text: Substring, _ fail: ParseError) throws
    -> ((text: String, value: Double), (text: String, value: Double))?
  {
    guard let dots = text.range(of: "..") else { return nil }
    let first = text[..<dots.lowerBound]
    let second = text[dots.upperBound...]
    let a = try parseNumber(first, fail)
    let b = try parseNumber(second, fail)
    return ((String(first), a), (String(second), b))
  }

  /// The largest magnitude a reported number may have.
  public static let maxMagnitude = 1e15

  /// Parses a plain decimal number: optional "-", digits, optional "." and digits.
  static func parseNumber(_ text: Substring, _ fail: ParseError) throws -> Double {
    let trimmed = text.trimmingWhitespace(newlines: false)
    var digitsSeen = 0
    var pointSeen = false
    for (index, character) in trimmed.enumerated() {
      if character == "-" && index == 0 { continue }
      if character == "." && !pointSeen { pointSeen = true; continue }
      guard character.isASCII, character.isNumber else { throw fail }
      digitsSeen += 1
    }
    guard digitsSeen > 0, let value = Double(trimmed) else { throw fail }
    // Far beyond any reported figure, and small enough that sums, products and chart scales stay finite.
    guard value.isFinite, value.magnitude <= maxMagnitude else {
      throw ParseError(expected: "a number of at most 10^15 (1,000,000,000,000,000)", found: fail.found)
    }
    return value
  }

  /// The place value of the least significant non-zero digit as written:
  /// 1000 for "4000", 1 for "17", 100 for "93300", 0.1 for "2.50"; 1 for "0".
  static func roundingUnit(_ text: String) -> Double {
    let digits = text.trimmingWhitespace(newlines: false).filter { $0 != "-" }
    let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
    let integerPart = parts.first.map(String.init) ?? ""
    let fractionPart = parts.count > 1 ? String(parts[1]) : ""
    // A non-zero digit after the point decides first.
    if let lastNonZero = fractionPart.lastIndex(where: { $0 != "0" }) {
      let position = fractionPart.distance(from: fractionPart.startIndex, to: lastNonZero) + 1
      var unit = 1.0
      for _ in 0..<position { unit /= 10 }
      return unit
    }
    guard let lastNonZero = integerPart.lastIndex(where: { $0 != "0" }) else { return 1 }
    let trailingZeros = integerPart.distance(from: lastNonZero, to: integerPart.endIndex) - 1
    var unit = 1.0
    for _ in 0..<trailingZeros { unit *= 10 }
    return unit
  }
}

// MARK: - Formatting

extension ReportedValue {
  /// Renders the value for text: "3,500–4,000", "≥10,000", "up to 10,000", "~4,000", "<10%".
  ///
  /// Numbers are grouped with "," whatever the locale; ranges take an en dash.
  /// A `unit` other than "%" is appended after a space ("3,500–4,000 USD").
  public func formatted(unit: String? = nil, maxDecimals: Int = 2) -> String {
    let percent = isPercent || unit == "%"
    let suffix: String
    if percent {
      suffix = "%"
    } else if let unit, !unit.isEmpty {
      suffix = " " + unit
    } else {
      suffix = ""
    }
    let first = stated.first.map { NumberFormat.plain($0, maxDecimals: maxDecimals) } ?? ""
    let second = stated.dropFirst().first.map { NumberFormat.plain($0, maxDecimals: maxDecimals) } ?? ""
    switch kind {
    case .exact: return first + suffix
    case .approximate: return "~" + first + suffix
    case .atLeast: return "≥" + first + suffix
    case .atMost: return "up to " + first + suffix
    case .lessThan: return "<" + first + suffix
    case .moreThan: return ">" + first + suffix
    case .range: return first + "–" + second + suffix
    case .approximateRange: return "~" + first + "–" + second + suffix
    }
  }
}
