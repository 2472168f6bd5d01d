extension String {
  /// The text with its control characters written `\u{…}`, so that a message naming it stays
  /// on its own lines and shows what is there: `"out/a\u{a}b.png"`.
  ///
  /// - Parameter kept: control characters left as they are (a message's own line breaks).
  public func escapingControlCharacters(keeping kept: Set<Unicode.Scalar> = []) -> String {
    var out = ""
    for scalar in unicodeScalars {
      if scalar.properties.generalCategory == .control && !kept.contains(scalar) {
        out += "\\u{\(String(scalar.value, radix: 16))}"
      } else {
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// Whether the text holds a control character (a line break, a tab, NUL, U+007F…U+009F).
  public var hasControlCharacters: Bool {
    unicodeScalars.contains { $0.properties.generalCategory == .control }
  }
}

extension Unicode.Scalar {
  /// The scalar's code point as written in messages: `U+000A`, `U+2009`.
  public var codePoint: String {
    let hex = String(value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
  }
}
