/// Parses a formula into an ``Expr``.
///
/// ```
/// expr      := term (("+" | "-") term)*
/// term      := unary (("*" | "/") unary)*
/// unary     := "-" unary | primary
/// primary   := NUMBER | NAME | NAME "(" [arg ("," arg)*] ")" | "(" expr ")" | selection
/// arg       := [NAME ":"] expr
/// selection := "{" NAME ":" value ("," NAME ":" value)* "}"
/// value     := NAME | TEXT | NUMBER | "[" value ("," value)* "]"
/// ```
/// Nesting is limited to ``maxDepth`` so that no input can exhaust the stack.
public struct Parser {
  /// Deepest nesting of parentheses, calls and unary minus.
  public static let maxDepth = 64

  var tokens: [Token]
  var index = 0
  var depth = 0

  /// Parses `text`; throws ``ExpressionError`` at the offending token.
  public static func parse(_ text: String) throws -> Expr {
    var parser = Parser(tokens: try Lexer.tokens(text))
    let expr = try parser.expression()
    guard case .end = parser.current.kind else {
      throw ExpressionError(parser.current.position, Messages.unexpected(parser.current, wanted: "an operator (+ - * /) or the end"))
    }
    return expr
  }

  var current: Token { tokens[Swift.min(index, tokens.count - 1)] }

  mutating func next() -> Token {
    let token = current
    if index < tokens.count - 1 { index += 1 }
    return token
  }

  func isSymbol(_ c: Character) -> Bool {
    if case .symbol(let s) = current.kind, s == c { return true }
    return false
  }

  mutating func expect(_ c: Character, wanted: String) throws {
    guard isSymbol(c) else { throw ExpressionError(current.position, Messages.unexpected(current, wanted: wanted)) }
    _ = next()
  }

  mutating func deeper() throws {
    depth += 1
    if depth > Self.maxDepth { throw ExpressionError(current.position, Messages.tooDeep(Self.maxDepth)) }
  }

  mutating func expression() throws -> Expr {
    try deeper()
    defer { depth -= 1 }
    var left = try term()
    while isSymbol("+") || isSymbol("-") {
      let op = next()
      let right = try term()
      left = .binary(op.text == "+" ? .plus : .minus, left, right, op.position)
    }
    return left
  }

  mutating func term() throws -> Expr {
    var left = try unary()
    while isSymbol("*") || isSymbol("/") {
      let op = next()
      let right = try unary()
      left = .binary(op.text == "*" ? .times : .divided, left, right, op.position)
    }
    return left
  }

  mutating func unary() throws -> Expr {
    if isSymbol("-") {
      let minus = next()
      try deeper()
      defer { depth -= 1 }
      return .negate(try unary(), minus.position)
    }
    return try primary()
  }

  mutating func primary() throws -> Expr {
    let token = current
    switch token.kind {
    case .number(let value, let percent):
      _ = next()
      return .number(value, percent: percent, token.position)
    case .name(let name):
      _ = next()
      guard isSymbol("(") else { return .name(name, token.position) }
      _ = next()
      try deeper()
      defer { depth -= 1 }
      var arguments: [CallArgument] = []
      if isSymbol(")") {
        _ = next()
        return .call(name, arguments, token.position)
      }
      while true {
        var label: String?
        if case .name(let word) = current.kind, case .symbol(":") = tokens[Swift.min(index + 1, tokens.count - 1)].kind {
          label = word
          _ = next()
          _ = next()
        }
        arguments.append(CallArgument(label: label, value: try expression()))
        if arguments.count > 64 { throw ExpressionError(current.position, Messages.tooManyArguments) }
        if isSymbol(",") {
          _ = next()
          continue
        }
        try expect(")", wanted: "',' or ')'")
        return .call(name, arguments, token.position)
      }
    case .symbol("("):
      _ = next()
      let inner = try expression()
      try expect(")", wanted: "')'")
      return inner
    case .symbol("{"):
      return try selection()
    default:
      throw ExpressionError(token.position, Messages.unexpected(token, wanted: "a number, an id, a function call, '(' or a selection '{…}'"))
    }
  }

  mutating func selection() throws -> Expr {
    let open = next()
    var conditions: [SelectionSyntax.Condition] = []
    while true {
      guard case .name(let field) = current.kind else {
        throw ExpressionError(current.position, Messages.unexpected(current, wanted: "a field name such as measure"))
      }
      let fieldToken = next()
      try expect(":", wanted: "':' after the field \(field)")
      var values: [SelectionValue] = []
      if isSymbol("[") {
        _ = next()
        repeat {
          if isSymbol(",") { _ = next() }
          values.append(try selectionValue())
        } while isSymbol(",")
        try expect("]", wanted: "',' or ']'")
      } else {
        values.append(try selectionValue())
      }
      conditions.append(SelectionSyntax.Condition(field: field, position: fieldToken.position, values: values))
      if conditions.count > 32 { throw ExpressionError(current.position, Messages.tooManyArguments) }
      if isSymbol(",") {
        _ = next()
        continue
      }
      try expect("}", wanted: "',' or '}'")
      return .selection(SelectionSyntax(conditions: conditions), open.position)
    }
  }

  mutating func selectionValue() throws -> SelectionValue {
    let token = next()
    switch token.kind {
    case .name(let word):
      let parts = word.split(separator: ".", maxSplits: 1)
      if parts.count == 2, ["it", "previous"].contains(parts[0]) {
        return .field(String(parts[0]), String(parts[1]), token.position)
      }
      return .literal(word)
    case .text(let text): return .literal(text)
    case .number: return .literal(token.text)
    default:
      throw ExpressionError(token.position, Messages.unexpected(token, wanted: "a value (a word, a \"quoted text\" or it.FIELD)"))
    }
  }
}
