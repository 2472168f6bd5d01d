/// A failure while drawing.
public enum RenderError: Error, Equatable, CustomStringConvertible {
  /// Cairo reported an error status; `operation` names what was being done.
  case cairo(operation: String, message: String)
  /// No installed font has some character of the text.
  case unknownGlyphs(text: String, count: Int)
  /// A font family that is not installed; fontconfig would draw `substitute` in its place.
  case unknownFontFamily(family: String, substitute: String?, installed: [String])
  /// A request the backend cannot honour (for example a zero-sized canvas).
  case invalidRequest(String)
  /// A page of `size` points drawn at `scale` pixels a point is less than a pixel on a side.
  case imageTooSmall(width: Double, height: Double, scale: Double)

  public var description: String {
    switch self {
    case .cairo(let op, let message):
      return "cairo failed while \(op): \(message)"
    case .unknownGlyphs(let text, let count):
      let chars = Self.unusualCharacters(in: text)
      return "no installed font can draw \(count) character\(count == 1 ? "" : "s") of the text \"\(text)\""
        + (chars.isEmpty ? "" : " (\(chars))")
    case .unknownFontFamily(let family, let substitute, let installed):
      let instead = substitute.map { " (fontconfig would draw \($0) in its place)" } ?? ""
      return "fonts.families: the font family \"\(family)\" is not installed\(instead); "
        + "installed families: \(installed.isEmpty ? "none" : installed.joined(separator: ", "))"
    case .invalidRequest(let message):
      return message
    case .imageTooSmall(let width, let height, let scale):
      // Only sizes checked to be 1 to 14,400 points and scales above 0 and at most 64 come here.
      func plain(_ x: Double) -> String { x == x.rounded() && abs(x) < 1e9 ? String(Int(x)) : String(x) }
      return "an image of \(plain(width))×\(plain(height)) points at scale \(plain(scale)) is "
        + "\(plain((width * scale).rounded()))×\(plain((height * scale).rounded())) pixels, too small: "
        + "it needs at least 1 pixel a side (raise --scale)"
    }
  }

  /// Names the characters outside Latin-1 and Hangul as U+XXXX, to help find the culprit.
  static func unusualCharacters(in text: String) -> String {
    var seen: [String] = []
    for scalar in text.unicodeScalars where scalar.value > 0x24F && !(0xAC00...0xD7A3).contains(scalar.value)
      && !(0x2000...0x206F).contains(scalar.value)
    {
      let hex = String(scalar.value, radix: 16, uppercase: true)
      let name = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      if !seen.contains(name) { seen.append(name) }
    }
    return seen.joined(separator: ", ")
  }
}
