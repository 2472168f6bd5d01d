/// A parsed formula. Every node keeps where it was written (``TextPosition`` within the formula;
/// ``FormulaText`` maps it to file:line:column).
public indirect enum Expr: Hashable, Sendable {
  /// A number; `percent` when written as `17%` (the value is then 0.17).
  case number(Double, percent: Bool, TextPosition)
  /// An id of an observation or derived estimate, a bound name (`it`, `group`, a `let`), or a bare word.
  case name(String, TextPosition)
  /// A call `f(a, to: b)`.
  case call(String, [CallArgument], TextPosition)
  /// `a + b`, `a - b`, `a * b`, `a / b`.
  case binary(BinaryOperator, Expr, Expr, TextPosition)
  /// `-a`.
  case negate(Expr, TextPosition)
  /// `{measure: wage, destination: Russia}`.
  case selection(SelectionSyntax, TextPosition)

  /// Where the node starts (for a binary operation: its operator).
  public var position: TextPosition {
    switch self {
    case .number(_, _, let p), .name(_, let p), .call(_, _, let p), .binary(_, _, _, let p), .negate(_, let p),
      .selection(_, let p):
      return p
    }
  }

  /// How deep the tree is (a leaf is 1).
  public var depth: Int {
    switch self {
    case .number, .name, .selection: return 1
    case .negate(let e, _): return 1 + e.depth
    case .binary(_, let a, let b, _): return 1 + Swift.max(a.depth, b.depth)
    case .call(_, let args, _): return 1 + (args.map(\.value.depth).max() ?? 0)
    }
  }
}

/// An argument of a call, with its optional label (`to:` in `nearest(s, to: it)`).
public struct CallArgument: Hashable, Sendable {
  /// The label, if written.
  public var label: String?
  /// The value.
  public var value: Expr
}

/// The four arithmetic operators.
public enum BinaryOperator: String, Hashable, Sendable {
  case plus = "+"
  case minus = "-"
  case times = "*"
  case divided = "/"
}

/// A selection as written: fields with the values they must have.
///
/// A value is a word or a quoted text (`Russia`, `"North Korea"`), a list of them (`[wage,
/// wage-promised]`), or a field of the current item (`it.destination`).
public struct SelectionSyntax: Hashable, Sendable {
  /// One condition.
  public struct Condition: Hashable, Sendable {
    /// The field (`measure`, `destination`, `family`…).
    public var field: String
    /// Where the field is written.
    public var position: TextPosition
    /// The accepted values.
    public var values: [SelectionValue]
  }

  /// The conditions, all of which must hold.
  public var conditions: [Condition]
}

/// One accepted value in a selection.
public enum SelectionValue: Hashable, Sendable {
  /// A literal value.
  case literal(String)
  /// A field of a bound item: `it.destination` is `.field("it", "destination")`.
  case field(String, String, TextPosition)
}
