import Foundation

/// Locale-independent number formatting for texts and chart labels.
///
/// Thousands are grouped with ",", the decimal mark is ".", and negative numbers
/// take a real minus sign (U+2212). The output never depends on the machine's
/// locale, so charts and briefs are byte-identical everywhere.
///
/// ```swift
/// NumberFormat.grouped(1300)              // "1,300"
/// NumberFormat.grouped(12.5, decimals: 1) // "12.5"
/// NumberFormat.grouped(-200)              // "−200"
/// NumberFormat.plain(0.1666)              // "0.17"
/// ```
public enum NumberFormat {
  /// The minus sign used for negative numbers (U+2212).
  public static let minus = "\u{2212}"

  /// An English ordinal: "1st", "2nd", "3rd", "11th", "21st".
  public static func ordinal(_ n: Int) -> String {
    let suffix = (11...13).contains(n % 100) ? "th" : [1: "st", 2: "nd", 3: "rd"][n % 10] ?? "th"
    return "\(n)\(suffix)"
  }

  /// Formats `x` with exactly `decimals` digits after the point and "," between thousands.
  ///
  /// Non-finite values give "∞", "−∞" or "n/a". `decimals` is clamped to 0...9.
  public static func grouped(_ x: Double, decimals: Int = 0) -> String {
    format(x, decimals: decimals, trimZeros: false, grouping: true)
  }

  /// Formats `x` with at most `maxDecimals` decimals, trailing zeros removed, grouped.
  ///
  /// `plain(1300)` is "1,300", `plain(12.50)` is "12.5", `plain(0.1666)` "0.17".
  public static func plain(_ x: Double, maxDecimals: Int = 2) -> String {
    format(x, decimals: maxDecimals, trimZeros: true, grouping: true)
  }

  /// Formats `x` for machine-readable output: no grouping, "." decimal mark,
  /// ASCII "-", at most `maxDecimals` decimals with trailing zeros removed.
  public static func ascii(_ x: Double, maxDecimals: Int = 6) -> String {
    format(x, decimals: maxDecimals, trimZeros: true, grouping: false, minusSign: "-")
  }

  /// Chooses a number of decimals that shows `step` (a tick spacing) exactly,
  /// e.g. 0 for 500, 1 for 2.5, 2 for 0.25; at most 6.
  public static func decimals(forStep step: Double) -> Int {
    guard step.isFinite, step > 0 else { return 0 }
    var decimals = 0
    var scaled = step
    while decimals < 6 && abs(scaled - scaled.rounded()) > 1e-9 * Swift.max(1, abs(scaled)) {
      scaled *= 10
      decimals += 1
    }
    return decimals
  }

  static func format(_ x: Double, decimals rawDecimals: Int, trimZeros: Bool, grouping: Bool, minusSign: String = minus)
    -> String
  {
    if x.isNaN { return "n/a" }
    if x.isInfinite { return x < 0 ? minusSign + "∞" : "∞" }
    let decimals = Swift.min(Swift.max(rawDecimals, 0), 9)
    var scale: Double = 1
    for _ in 0..<decimals { scale *= 10 }
    let scaled = (abs(x) * scale).rounded(.toNearestOrAwayFromZero)
    // Beyond 2^53 a Double has no fractional digits left; beyond Int64 we cannot convert.
    guard scaled < 9.0e18 else {
      let integer = String(describing: abs(x).rounded())
        .replacingOccurrences(of: ".0", with: "")
      return (x < 0 ? minusSign : "") + integer
    }
    let units = UInt64(scaled)
    let divisor = UInt64(scale)
    // Written right to left into a small buffer: fraction, point, grouped integer, sign. At most
    // 9 fraction digits, a point, 19 digits with 6 commas and a 3-byte sign: 38 bytes.
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
      var end = buffer.count
      func put(_ byte: UInt8) {
        end -= 1
        buffer[end] = byte
      }
      var fraction = units % divisor
      var fractionDigits = decimals
      if trimZeros {
        while fractionDigits > 0 && fraction % 10 == 0 {
          fraction /= 10
          fractionDigits -= 1
        }
      }
      if fractionDigits > 0 {
        for _ in 0..<fractionDigits {
          put(UInt8(ascii: "0") + UInt8(fraction % 10))
          fraction /= 10
        }
        put(UInt8(ascii: "."))
      }
      var integer = units / divisor
      var written = 0
      repeat {
        if grouping && written > 0 && written % 3 == 0 { put(UInt8(ascii: ",")) }
        put(UInt8(ascii: "0") + UInt8(integer % 10))
        integer /= 10
        written += 1
      } while integer > 0
      if x < 0 && units != 0 {
        for byte in minusSign.utf8.reversed() { put(byte) }
      }
      return String(decoding: UnsafeBufferPointer(rebasing: buffer[end...]), as: UTF8.self)
    }
  }
}

extension NumberFormat {
  /// How to round to significant digits.
  public enum Rounding: Sendable { case nearest, down, up }

  /// `x` rounded to `digits` significant digits: 79,743.6 -> 79,700; 18.75 -> 18.8.
  /// Rounding down or up keeps an interval's ends from narrowing it.
  public static func significant(_ x: Double, digits: Int = 3, _ rounding: Rounding = .nearest) -> Double {
    guard x.isFinite, x != 0, digits > 0 else { return x }
    var magnitude = 1.0
    let a = Swift.abs(x)
    while magnitude * 10 <= a { magnitude *= 10 }
    while magnitude > a { magnitude /= 10 }
    var unit = magnitude
    for _ in 1..<digits { unit /= 10 }
    let scaled = x / unit
    let r: Double
    switch rounding {
    case .nearest: r = scaled.rounded()
    // A value already on the grid (17.5 to three digits) stays as it is, whatever the floating-point noise.
    case .down: r = Swift.abs(scaled - scaled.rounded()) < 1e-9 ? scaled.rounded() : scaled.rounded(.down)
    case .up: r = Swift.abs(scaled - scaled.rounded()) < 1e-9 ? scaled.rounded() : scaled.rounded(.up)
    }
    let out = r * unit
    return unit >= 1 ? out.rounded() : out
  }
}

extension NamedEstimate {
  /// The estimate with its value rounded to `digits` significant digits and its interval
  /// widened outwards to the same precision: for citing computed figures without false precision.
  public func roundedForDisplay(digits: Int = 3) -> NamedEstimate {
    var copy = self
    copy.estimate = estimate.map { NumberFormat.significant($0, digits: digits) }
    // A single value (an exact input's growth) stays a single value: rounding its ends outwards
    // would show a range no input allows.
    if let low = interval.low, low == interval.high {
      let rounded = NumberFormat.significant(low, digits: digits)
      copy.interval = Interval(low: rounded, high: rounded)
      return copy
    }
    copy.interval = Interval(
      low: interval.low.map { NumberFormat.significant($0, digits: digits, .down) },
      high: interval.high.map { NumberFormat.significant($0, digits: digits, .up) })
    return copy
  }
}
