/// A position inside a formula's text: 1-based line and column, counted in characters.
public struct TextPosition: Hashable, Sendable {
  /// 1-based line within the formula.
  public var line: Int
  /// 1-based column within that line.
  public var column: Int

  /// Creates a position.
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
}

/// One token of a formula.
public struct Token: Hashable, Sendable {
  /// What the token is.
  public enum Kind: Hashable, Sendable {
    /// A number; `percent` when written with `%` (`17%` is 0.17).
    case number(Double, percent: Bool)
    /// An id, a function name, a field reference (`it.destination`) or a bare word.
    case name(String)
    /// A double-quoted text (selection values with spaces: `"North Korea"`).
    case text(String)
    /// One of `+ - * / ( ) { } [ ] , :`.
    case symbol(Character)
    /// The end of the formula.
    case end
  }

  /// The token.
  public var kind: Kind
  /// Where it starts.
  public var position: TextPosition
  /// The text as written, for messages.
  public var text: String
}
