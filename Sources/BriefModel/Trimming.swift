extension StringProtocol {
  /// The text without leading and trailing white space, as Foundation's
  /// `trimmingCharacters(in: .whitespacesAndNewlines)` (or `.whitespaces` when
  /// `newlines` is false) gives it, without bridging to `NSString`: loading a large
  /// dataset trims every field, and the bridge was a quarter of its cost.
  public func trimmingWhitespace(newlines: Bool = true) -> String {
    func isSpace(_ s: Unicode.Scalar) -> Bool {
      guard s.properties.isWhitespace else { return false }
      if newlines { return true }
      switch s { case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": return false
      default: return true }
    }
    let scalars = unicodeScalars
    // Most fields have nothing to trim.
    if let head = scalars.first, let tail = scalars.last, !isSpace(head), !isSpace(tail) { return String(self) }
    guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else {
      return ""
    }
    return String(String.UnicodeScalarView(scalars[first...last]))
  }
}
