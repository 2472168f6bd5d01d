import BriefModel

/// The characters a style may write numbers with: one list for the thousands separator, one
/// for the decimal mark.
///
/// A short list rather than "any one character": a line break, an invisible character or a
/// sign (`–`, `~`, `<`) would change what a label says ("3,500–4,000" with `–` for thousands).
///
/// ```swift
/// NumberSeparators.thousands.accepts("\u{2009}")  // true: a thin space
/// NumberSeparators.thousands.accepts("\n")        // false
/// ```
public struct NumberSeparators: Sendable {
  /// The characters allowed, in the order messages list them.
  public let characters: [Character]
  /// Whether no separator at all is allowed (thousands only).
  public let allowsNothing: Bool

  /// Thousands: `,` `.` `'` `’`, a space (plain, no-break, thin or narrow no-break), or nothing.
  public static let thousands = NumberSeparators(
    characters: [",", ".", "'", "’", " ", "\u{00A0}", "\u{2009}", "\u{202F}"], allowsNothing: true)
  /// Decimal marks: `.` `,` `·`.
  public static let decimal = NumberSeparators(characters: [".", ",", "·"], allowsNothing: false)

  /// Whether `text` is one of the characters (or nothing, where that is allowed).
  public func accepts(_ text: String) -> Bool {
    text.isEmpty ? allowsNothing : text.count == 1 && characters.contains(Character(text))
  }

  /// What a style may write, for messages: "one of , . ' ’, a space (U+0020, …) or nothing".
  public var description: String {
    let visible = characters.filter { !$0.isWhitespace }.map(String.init)
    let spaces = characters.filter(\.isWhitespace).compactMap(\.unicodeScalars.first).map { s in
      s.codePoint + (Self.spaceNames[s].map { " " + $0 } ?? "")
    }
    var parts = ["one of " + visible.joined(separator: " ")]
    if !spaces.isEmpty { parts.append("a space (" + spaces.joined(separator: ", ") + ")") }
    if allowsNothing { parts.append("nothing") }
    return parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " or " + (parts.last ?? "")
  }

  static let spaceNames: [Unicode.Scalar: String] = ["\u{00A0}": "no-break", "\u{2009}": "thin", "\u{202F}": "narrow no-break"]

  /// A separator as found in a style: quoted with control characters escaped, and the code points
  /// of anything that is not plainly visible (`"\u{a}" (U+000A)`); "nothing" when empty.
  public static func describe(_ text: String) -> String {
    guard !text.isEmpty else { return "nothing" }
    let shown = text.count > 20 ? String(text.prefix(17)) + "..." : text
    let hidden = shown.unicodeScalars.filter { s in
      switch s.properties.generalCategory {
      case .control, .format, .spaceSeparator, .lineSeparator, .paragraphSeparator, .nonspacingMark, .enclosingMark,
        .spacingMark, .privateUse, .surrogate, .unassigned:
        return true
      default: return false
      }
    }
    let points = hidden.isEmpty ? "" : " (" + shown.unicodeScalars.map(\.codePoint).joined(separator: " ") + ")"
    return "\"\(shown.escapingControlCharacters())\"" + points
  }
}
