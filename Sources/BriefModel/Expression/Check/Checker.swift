/// Checks a formula before it runs: every name is known, every function exists and gets the
/// arguments it takes, selections are used where selections go and values where values go.
///
/// Dimensions are checked per instance by ``DimensionRules`` as the instance's inputs become
/// known (a template's `it` is a different observation each time), before any value of that
/// node is computed.
struct Checker {
  /// Names bound by the derivation (`it`, `previous`, `group`, `let` names) and whether each is a selection.
  var bound: [String: Bool]
  /// Whether an id can be found: observation ids, plain derived ids, and ids a template could make.
  var isKnownId: (String) -> Bool
  /// Ids to suggest from.
  var knownIds: [String]
  /// Problems found.
  var errors: [ExpressionError] = []

  /// The ids a formula refers to (for dependencies), in order of appearance.
  static func references(_ expr: Expr) -> [(String, TextPosition)] {
    switch expr {
    case .number: return []
    case .name(let n, let p): return [(n, p)]
    case .negate(let e, _): return references(e)
    case .binary(_, let a, let b, _): return references(a) + references(b)
    case .call(_, let args, _): return args.flatMap { references($0.value) }
    case .selection: return []
    }
  }

  /// The families a formula's selections name.
  static func families(_ expr: Expr) -> [(String, TextPosition)] {
    switch expr {
    case .number, .name: return []
    case .negate(let e, _): return families(e)
    case .binary(_, let a, let b, _): return families(a) + families(b)
    case .call(_, let args, _): return args.flatMap { families($0.value) }
    case .selection(let s, _):
      return s.conditions.filter { $0.field == "family" }.flatMap { c in
        c.values.compactMap { if case .literal(let v) = $0 { return (v, c.position) } else { return nil } }
      }
    }
  }

  /// Checks `expr`; returns whether it is a selection (`nil` when it could not tell).
  @discardableResult
  mutating func check(_ expr: Expr) -> Bool? {
    switch expr {
    case .number: return false
    case .name(let name, let position):
      if let isSelection = bound[name] { return isSelection }
      if !isKnownId(name) {
        errors.append(ExpressionError(position, Messages.unknownName(name, suggestion: Suggestion.didYouMean(name, among: knownIds))))
      }
      return false
    case .negate(let e, _):
      value(e, "to negate")
      return false
    case .binary(let op, let a, let b, _):
      value(a, "on either side of \(op.rawValue)")
      value(b, "on either side of \(op.rawValue)")
      return false
    case .selection(let s, _):
      for c in s.conditions {
        if !SelectionFields.all.contains(c.field) {
          errors.append(ExpressionError(c.position, Messages.unknownSelectionField(c.field)))
        }
        for case .field(let item, _, let p) in c.values where bound[item] == nil {
          errors.append(ExpressionError(p, Messages.unboundName(item, "a field of an item bound by for-each (it) or pairs (previous)")))
        }
      }
      return true
    case .call(let name, let args, let position):
      guard let parameters = Functions.signatures[name] else {
        errors.append(
          ExpressionError(position, Messages.unknownFunction(name, suggestion: Suggestion.didYouMean(name, among: Functions.names))))
        for a in args { check(a.value) }
        return nil
      }
      guard parameters.count == args.count else {
        errors.append(ExpressionError(position, Messages.arity(name, "\(Functions.signature(name)): \(parameters.count) argument\(parameters.count == 1 ? "" : "s")", found: args.count)))
        return false
      }
      for (parameter, argument) in zip(parameters, args) {
        switch parameter {
        case .selection:
          if let label = argument.label {
            errors.append(ExpressionError(argument.value.position, Messages.label(name, Functions.signature(name), found: label)))
          }
          if check(argument.value) == false {
            errors.append(ExpressionError(argument.value.position, Messages.wantSelection(name)))
          }
        case .period:
          guard case .name(let word, let p) = argument.value, TimePeriod(rawValue: word) != nil else {
            var found = "an expression"
            if case .name(let word, _) = argument.value { found = word }
            errors.append(ExpressionError(argument.value.position, Messages.wantPeriod(found)))
            continue
          }
          _ = p
        case .value(let label):
          if let written = argument.label, written != label {
            errors.append(ExpressionError(argument.value.position, Messages.label(name, Functions.signature(name), found: written)))
          }
          value(argument.value, "as an argument of \(name)")
        }
      }
      return false
    }
  }

  mutating func value(_ expr: Expr, _ what: String) {
    if check(expr) == true {
      errors.append(ExpressionError(expr.position, Messages.wantValue(what)))
    }
  }
}

/// Which dimensions combine, and what they give. The evaluator asks before it computes a node.
enum DimensionRules {
  /// `a + b`, `a - b`, `change`, `min`…: both the same dimension.
  static func same(_ op: String, _ a: Dimension, _ b: Dimension, at position: TextPosition) throws -> Dimension {
    guard a == b else { throw ExpressionError(position, Messages.mismatch(op, a, b)) }
    return a
  }

  /// A pure number (the growth in `implied_prior`).
  static func pure(_ function: String, _ what: String, _ a: Dimension, at position: TextPosition) throws {
    guard a == .none else { throw ExpressionError(position, Messages.wantDimensionless(function, what, found: a)) }
  }

  /// Money, for `usd`.
  static func money(_ function: String, _ a: Dimension, at position: TextPosition) throws -> Currency {
    guard a.isMoney, let currency = a.currency else { throw ExpressionError(position, Messages.wantMoney(function, found: a)) }
    return currency
  }

  /// Money per period, for `per`.
  static func rate(_ a: Dimension, at position: TextPosition) throws {
    guard a.isMoney, a.powers[Dimension.month] == -1 else { throw ExpressionError(position, Messages.wantRate(found: a)) }
  }
}
