/// An sRGB colour with alpha, each component in 0...1.
public struct Color: Equatable, Hashable, Sendable {
  public var red: Double
  public var green: Double
  public var blue: Double
  public var alpha: Double

  public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
    self.red = Color.clamp(red)
    self.green = Color.clamp(green)
    self.blue = Color.clamp(blue)
    self.alpha = Color.clamp(alpha)
  }

  /// Parses `#rgb`, `#rrggbb` or `#rrggbbaa`; returns nil for anything else.
  public init?(hex: String) {
    var digits = Substring(hex)
    guard digits.first == "#" else { return nil }
    digits = digits.dropFirst()
    if digits.count == 3 {
      digits = Substring(digits.map { "\($0)\($0)" }.joined())
    }
    guard digits.count == 6 || digits.count == 8, let value = UInt64(digits, radix: 16) else {
      return nil
    }
    let hasAlpha = digits.count == 8
    let rgb = hasAlpha ? value >> 8 : value
    self.init(
      red: Double((rgb >> 16) & 0xFF) / 255,
      green: Double((rgb >> 8) & 0xFF) / 255,
      blue: Double(rgb & 0xFF) / 255,
      alpha: hasAlpha ? Double(value & 0xFF) / 255 : 1)
  }

  /// The colour as `#rrggbb`, or `#rrggbbaa` when it is not opaque.
  public var hex: String {
    func byte(_ v: Double) -> String {
      let b = Int((v * 255).rounded())
      let s = String(b, radix: 16)
      return s.count == 1 ? "0" + s : s
    }
    let rgb = "#" + byte(red) + byte(green) + byte(blue)
    return alpha < 1 ? rgb + byte(alpha) : rgb
  }

  /// The same colour with another alpha.
  public func withAlpha(_ alpha: Double) -> Color {
    Color(red: red, green: green, blue: blue, alpha: alpha)
  }

  public static let black = Color(red: 0, green: 0, blue: 0)
  public static let white = Color(red: 1, green: 1, blue: 1)

  private static func clamp(_ v: Double) -> Double {
    v.isNaN ? 0 : min(1, max(0, v))
  }
}
