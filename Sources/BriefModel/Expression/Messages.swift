/// A problem in a formula at a position within its text; ``FormulaText`` turns it into a
/// located ``DatasetError``.
public struct ExpressionError: Error, Hashable, Sendable {
  /// Where in the formula.
  public var position: TextPosition
  /// What was expected and found.
  public var message: Messages.Message

  /// Creates an error.
  public init(_ position: TextPosition, _ message: Messages.Message) {
    self.position = position
    self.message = message
  }
}

/// Every user-facing message of the expression engine, in one place.
///
/// Each reads as `FIELD: expected …, found …` once located.
public enum Messages {
  /// The two halves of a message.
  public struct Message: Hashable, Sendable {
    /// What was expected.
    public var expected: String
    /// What was found.
    public var found: String
  }

  static func m(_ expected: String, _ found: String) -> Message { Message(expected: expected, found: found) }

  // MARK: Syntax

  static func formulaTooLong(_ n: Int) -> Message { m("a formula of at most \(n) tokens", "a longer one") }
  static func badNumber(_ text: String) -> Message { m("a number such as 93300, 0.5 or 17%", "\"\(text)\"") }
  static func nameAfterNumber(_ text: String) -> Message {
    m("an operator or space after the number \(text)", "a letter")
  }
  static let unclosedText = m("a closing '\"' on the same line", "the text unclosed")
  static func badCharacter(_ c: Character) -> Message {
    m("a number, an id, a function call, an operator (+ - * /) or a selection {…}", "'\(c)'")
  }
  static func unexpected(_ token: Token, wanted: String) -> Message {
    if case .end = token.kind { return m(wanted, "the end of the formula") }
    return m(wanted, "'\(token.text)'")
  }
  static func tooDeep(_ n: Int) -> Message { m("nesting at most \(n) deep", "deeper nesting") }
  static let tooManyArguments = m("at most 64 arguments or 32 selection fields", "more")

  // MARK: Names and functions

  static func unknownName(_ name: String, suggestion: String) -> Message {
    m("the id of an observation or a derived estimate, a function call, or a bound name (it, group, previous, a let)",
      "\"\(name)\"\(suggestion)")
  }
  static func unboundName(_ name: String, _ why: String) -> Message { m(why, "\"\(name)\"") }
  static func unknownFunction(_ name: String, suggestion: String) -> Message {
    m("a function: " + Functions.names.joined(separator: ", "), "\"\(name)\"\(suggestion)")
  }
  static func arity(_ function: String, _ signature: String, found: Int) -> Message {
    m("\(signature)", "\(found) argument\(found == 1 ? "" : "s") to \(function)")
  }
  static func label(_ function: String, _ signature: String, found: String) -> Message {
    m(signature, "the label \"\(found):\" in \(function)")
  }
  static func wantSelection(_ function: String) -> Message {
    m("a selection such as {measure: wage} or group as the first argument of \(function)", "a single value")
  }
  static func wantValue(_ what: String) -> Message { m("a value (not a selection) \(what)", "a selection") }
  static func wantPeriod(_ found: String) -> Message { m("a period: day, week, month or year", "\"\(found)\"") }
  static func unknownSelectionField(_ field: String) -> Message {
    m("a selection field: " + SelectionFields.all.joined(separator: ", "), "\"\(field)\"")
  }
  static func cycle(_ path: [String]) -> Message {
    m("derivations that do not depend on themselves", "a cycle " + path.joined(separator: " -> "))
  }

  // MARK: Dimensions

  static func mismatch(_ op: String, _ a: Dimension, _ b: Dimension) -> Message {
    m("two values of one unit for \(op)", "\(a) and \(b)" + (a.currency != nil && b.currency != nil && a.currency != b.currency ? " (convert with usd())" : ""))
  }
  static func declared(_ unit: String, _ declaredDimension: Dimension, found: Dimension) -> Message {
    m("a formula in \(unit) (\(declaredDimension)), as the unit says", "\(found)")
  }
  static func wantMoney(_ function: String, found: Dimension) -> Message {
    m("an amount of money for \(function)", "\(found)")
  }
  static func wantRate(found: Dimension) -> Message {
    m("an amount per period (such as CNY/year) for per", "\(found)")
  }
  static func wantDimensionless(_ function: String, _ what: String, found: Dimension) -> Message {
    m("a number, % or ratio for \(what) of \(function)", "\(found)")
  }
  static func mixedSelection(_ a: Dimension, _ b: Dimension) -> Message {
    m("figures of one unit in the selection", "\(a) and \(b)")
  }

  // MARK: Declarations

  static func duplicateId(_ id: String, first: String) -> Message {
    m("an id not used before (ids are unique across the dataset)", "\"\(id)\", already used at \(first)")
  }
  static func templateDuplicate(_ id: String, _ a: String, _ b: String) -> Message {
    m("a pattern that gives each input its own id", "\"\(id)\" made from both \(a) and \(b)")
  }
  static func tooManyInstances(_ n: Int) -> Message { m("a template that makes at most \(n) estimates", "more") }
  static func badPattern(_ text: String, _ why: String) -> Message { m(why, "\"\(text)\"") }
  static func unknownUnit(_ text: String, countNouns: [CountUnit]) -> Message { m(Unit.knownUnitsDescription(countNouns: countNouns), "\"\(text)\"") }
}
