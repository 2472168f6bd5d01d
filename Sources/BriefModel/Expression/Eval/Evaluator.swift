/// The value of a formula's node: a quantity, or a selection of items.
enum Value {
  case quantity(Quantity)
  case selection([Item])
}

/// Why an instance gives no estimate although its formula is sound: the data has nothing to
/// select, no exchange rate, or an estimate it names was not made. Not an error: today's
/// dataset may lack what next month's has.
struct Skip: Error {
  var reason: String
}

/// What a formula's names are bound to while one instance runs.
struct Scope {
  /// `it` and `previous`.
  var items: [String: Item] = [:]
  /// `group`, for `group-by`.
  var group: [Item]?
  /// `let` names, evaluated in order.
  var lets: [String: Value] = [:]
}

/// The one evaluator: each node's interval and estimate come from one operation (see
/// ``Quantity/apply(_:dimension:words:_:)``), after ``DimensionRules`` accepted its inputs.
struct Evaluator {
  let dataset: Dataset
  /// Estimates made so far, by id.
  let produced: [String: Produced]
  /// Estimates made so far, in order (selections by family read them).
  let producedInOrder: [Produced]
  var scope = Scope()

  func quantity(_ expr: Expr) throws -> Quantity {
    switch try evaluate(expr) {
    case .quantity(let q): return q
    case .selection: throw ExpressionError(expr.position, Messages.wantValue("here"))
    }
  }

  func selection(_ expr: Expr, _ function: String) throws -> [Item] {
    switch try evaluate(expr) {
    case .selection(let items): return items
    case .quantity: throw ExpressionError(expr.position, Messages.wantSelection(function))
    }
  }

  /// The words of an operand, in parentheses when it is itself an operation.
  func operand(_ expr: Expr, _ q: Quantity) -> String {
    if case .binary = expr { return "(" + q.words + ")" }
    return q.words
  }

  func evaluate(_ expr: Expr) throws -> Value {
    switch expr {
    case .number(let x, let percent, _):
      return .quantity(.number(x, percent: percent))
    case .selection(let syntax, _):
      return .selection(try select(syntax))
    case .name(let name, _):
      if let item = scope.items[name] { return .quantity(item.quantity) }
      if name == "group", let group = scope.group { return .selection(group) }
      if let value = scope.lets[name] { return value }
      if let observation = dataset.observation(name) { return .quantity(Item.observation(observation).quantity) }
      if let p = produced[name] { return .quantity(Item.estimate(p).quantity) }
      throw Skip(reason: "\(name) was not computed")
    case .negate(let e, let position):
      let a = try quantity(e)
      _ = position
      return .quantity(Quantity.apply([a], dimension: a.dimension, words: "minus " + operand(e, a)) { -$0[0] })
    case .binary(let op, let left, let right, let position):
      let a = try quantity(left)
      let b = try quantity(right)
      let words = operand(left, a) + " " + Wording.binary(op) + " " + operand(right, b)
      switch op {
      case .plus:
        let d = try DimensionRules.same("+", a.dimension, b.dimension, at: position)
        return .quantity(Quantity.apply([a, b], dimension: d, words: words) { $0[0] + $0[1] })
      case .minus:
        let d = try DimensionRules.same("-", a.dimension, b.dimension, at: position)
        return .quantity(Quantity.apply([a, b], dimension: d, words: words) { $0[0] - $0[1] })
      case .times:
        return .quantity(Quantity.apply([a, b], dimension: a.dimension * b.dimension, words: words) { $0[0] * $0[1] })
      case .divided:
        var q = Quantity.apply([a, b], dimension: a.dimension / b.dimension, words: words) { $0[0] / $0[1] }
        if b.interval.contains(0) { q.provenance.caveats.insert(Wording.divisorMayBeZero(b), at: 0) }
        return .quantity(q)
      }
    case .call(let name, let args, let position):
      return try call(name, args, position)
    }
  }

  func call(_ name: String, _ args: [CallArgument], _ position: TextPosition) throws -> Value {
    func value(_ i: Int) throws -> Quantity { try quantity(args[i].value) }
    switch name {
    case "growth", "change", "ratio", "share":
      let new = try value(0)
      let old = try value(1)
      let d = try DimensionRules.same(name, new.dimension, old.dimension, at: args[1].value.position)
      let words = Wording.pair(name, new.words, old.words)
      switch name {
      case "change": return .quantity(Quantity.apply([new, old], dimension: d, words: words) { $0[0] - $0[1] })
      case "growth": return .quantity(Quantity.apply([new, old], dimension: .none, words: words) { $0[0] / $0[1] - .point(1) })
      default:
        var q = Quantity.apply([new, old], dimension: .none, words: words) { $0[0] / $0[1] }
        if old.interval.contains(0) { q.provenance.caveats.insert(Wording.divisorMayBeZero(old), at: 0) }
        return .quantity(q)
      }
    case "implied_prior":
      let count = try value(0)
      let growth = try value(1)
      try DimensionRules.pure(name, "the growth", growth.dimension, at: args[1].value.position)
      let words = "\(operand(args[0].value, count)) divided by one plus \(operand(args[1].value, growth))"
      return .quantity(Quantity.apply([count, growth], dimension: count.dimension, words: words) { $0[0] / (.point(1) + $0[1]) })
    case "usd":
      return .quantity(try usd(try value(0), at: args[0].value.position))
    case "per":
      let x = try value(0)
      try DimensionRules.rate(x.dimension, at: args[0].value.position)
      var word = "month"
      if case .name(let w, _) = args[1].value { word = w }
      var q = x
      q.words = x.words + " per " + word
      return .quantity(q)
    case "nearest":
      let items = try selection(args[0].value, name)
      let target = try value(1)
      guard !items.isEmpty else { throw Skip(reason: "nothing to select") }
      let period = target.provenance.periods.first
      let best = items.enumerated().min { a, b in
        let da = period.flatMap { p in a.element.period.map { EngineTools.distance($0, p) } } ?? Int.max
        let db = period.flatMap { p in b.element.period.map { EngineTools.distance($0, p) } } ?? Int.max
        return (da, a.offset) < (db, b.offset)
      }
      guard let chosen = best?.element else { throw Skip(reason: "nothing to select") }
      return .quantity(chosen.quantity)
    case "sum", "min", "max", "median", "hull":
      let items = try selection(args[0].value, name)
      return .quantity(try aggregate(name, items.map(\.quantity), at: position))
    default:
      throw ExpressionError(position, Messages.unknownFunction(name, suggestion: ""))
    }
  }

  /// `sum`, `min`, `max`, `median`, `hull` over values of one dimension. Order statistics are
  /// monotone, so an order statistic's interval is that statistic of the lows to that of the highs.
  func aggregate(_ name: String, _ values: [Quantity], at position: TextPosition) throws -> Quantity {
    guard let first = values.first else { throw Skip(reason: "nothing to select") }
    for v in values where v.dimension != first.dimension {
      throw ExpressionError(position, Messages.mixedSelection(first.dimension, v.dimension))
    }
    let words = Wording.aggregate(name, values)
    if name == "sum" {
      return Quantity.apply(values, dimension: first.dimension, words: words) { $0.dropFirst().reduce($0[0], +) }
    }
    if name == "hull" {
      var q = Quantity.apply(values, dimension: first.dimension, words: words) { $0.dropFirst().reduce($0[0]) { $0.hull($1) } }
      q.estimate = nil
      q.kind = .range
      return q
    }
    let statistic: ([Double]) -> Double = { sorted in
      switch name {
      case "min": return sorted[0]
      case "max": return sorted[sorted.count - 1]
      default: return Evaluator.median(sorted)
      }
    }
    // The same statistic of the lows, of the highs and of the estimates.
    return Quantity.apply(values, dimension: first.dimension, words: words) { intervals in
      let lows = intervals.map { $0.low ?? -.infinity }.sorted()
      let highs = intervals.map { $0.high ?? .infinity }.sorted()
      return Interval(low: statistic(lows), high: statistic(highs))
    }
  }

  /// The median of sorted values (mean of the middle two for an even count).
  static func median(_ sorted: [Double]) -> Double {
    guard !sorted.isEmpty else { return 0 }
    let middle = sorted.count / 2
    if sorted.count % 2 == 1 { return sorted[middle] }
    let a = sorted[middle - 1]
    let b = sorted[middle]
    if a.isInfinite || b.isInfinite { return a.isInfinite ? a : b }
    return (a + b) / 2
  }

  /// `usd(x)`: x converted at the exchange rate between its currency and USD dated nearest
  /// x's period (either direction of quote), citing the rate.
  func usd(_ x: Quantity, at position: TextPosition) throws -> Quantity {
    let currency = try DimensionRules.money("usd", x.dimension, at: position)
    if currency == .usd {
      var q = x
      q.words = x.words + " in USD"
      return q
    }
    let date = x.provenance.periods.first
    let candidates = dataset.rates.filter {
      ($0.base == .usd && $0.quote == currency) || ($0.base == currency && $0.quote == .usd)
    }
    let best = candidates.enumerated().min { a, b in
      let da = date.map { EngineTools.distance(a.element.date, $0) } ?? 0
      let db = date.map { EngineTools.distance(b.element.date, $0) } ?? 0
      return (da, a.offset) < (db, b.offset)
    }?.element
    guard let rate = best, let value = rate.value, value > 0 else {
      throw Skip(reason: "no exchange rate between \(currency.rawValue) and USD")
    }
    let inverse = rate.base == .usd
    var provenance = Provenance()
    provenance.rates = [rate.id]
    provenance.inputs = [rate.id]
    if let date, !rate.date.overlaps(date) {
      provenance.caveats.append(
        "converted at the \(rate.date.displayText) rate, outside the figure's period (\(date.displayText))")
    }
    if rate.rate.kind != .exact { provenance.caveats.append("the exchange rate itself is approximate") }
    let factor = Quantity(
      interval: inverse ? Interval.point(1) / rate.rate.interval : rate.rate.interval,
      estimate: inverse ? 1 / value : value, dimension: .none, kind: rate.rate.kind, provenance: provenance, words: "")
    let words = x.words + " converted to USD at " + NumberFormat.plain(value, maxDecimals: 4)
      + " \(rate.quote.rawValue) per \(rate.base.rawValue) (\(rate.date.displayText), \(rate.id))"
    return Quantity.apply([x, factor], dimension: x.dimension.replacingCurrency(with: .usd), words: words) { $0[0] * $0[1] }
  }

  // MARK: - Selections

  /// The items a selection picks: derived estimates when it names a `family`, else observations;
  /// in the order they were written or made.
  func select(_ syntax: SelectionSyntax) throws -> [Item] {
    let byFamily = syntax.conditions.contains { $0.field == "family" }
    let pool: [Item] = byFamily ? producedInOrder.map(Item.estimate) : dataset.observations.map(Item.observation)
    var accepted: [(field: String, values: [String?])] = []
    for c in syntax.conditions {
      var values: [String?] = []
      for v in c.values {
        switch v {
        case .literal(let text): values.append(text)
        case .field(let name, let field, _):
          guard let item = scope.items[name] else { throw Skip(reason: "\(name) is not bound") }
          values.append(item.field(field))
        }
      }
      accepted.append((c.field, values))
    }
    return pool.filter { item in
      accepted.allSatisfy { condition in
        switch condition.field {
        case "estimated":
          let want = condition.values.contains { ["yes", "true"].contains($0 ?? "") }
          return item.hasEstimate == want
        case "unit":
          let classWord = item.unitClass
          return condition.values.contains { $0 == classWord || $0 == item.field("unit") }
        default:
          return condition.values.contains { $0 == item.field(condition.field) }
        }
      }
    }
  }
}
