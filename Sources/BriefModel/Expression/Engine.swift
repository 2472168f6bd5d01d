import Foundation

/// What running the derivations gives: estimates, series, and the problems found.
public struct DerivationOutput: Sendable {
  /// Every estimate, by derivation in file order, then instance order.
  public var estimates: [NamedEstimate] = []
  /// Series made by derivations with a `series` pattern, in order of first point.
  public var series: [Series] = []
  /// Problems, each at its file:line:column.
  public var errors: [DatasetError] = []
  /// Instances that gave no estimate, with why (nothing to select, no rate…), for debugging.
  public var skipped: [String] = []
}

/// Runs the declarations of `derived.yaml` over a dataset.
///
/// In order: names, functions and arguments are checked for every derivation; dependencies
/// (ids a formula names, families a selection names) are ordered and cycles refused; then each
/// derivation's instances run in dependency order, each node's dimensions checked before its
/// values are combined. A derivation with any error gives no estimate at all, and neither do
/// those that depend on it.
public enum Engine {
  /// Most estimates one template may make.
  public static let maxInstances = 10_000

  /// Runs every derivation of `dataset`.
  public static func run(_ dataset: Dataset) -> DerivationOutput {
    var output = DerivationOutput()
    let derivations = dataset.derivations
    var failed = Set<Int>()
    var errorKeys = Set<String>()
    func report(_ e: DatasetError, _ index: Int) {
      failed.insert(index)
      if errorKeys.insert(e.description).inserted { output.errors.append(e) }
    }

    // Families and plain ids are unique.
    var familyIndex: [String: Int] = [:]
    for (i, d) in derivations.enumerated() {
      if let j = familyIndex[d.family] {
        report(
          DatasetError(at: d.idLocation, field: d.id.isPlain ? "id" : "family", expected: Messages.duplicateId(d.family, first: "").expected,
            found: "\"\(d.family)\", already used at \(derivations[j].idLocation)"), i)
      } else {
        familyIndex[d.family] = i
      }
    }

    // Names, functions, arguments.
    let observationIds = Set(dataset.observations.map(\.id))
    let plainIds = derivations.filter { $0.id.isPlain }.map(\.id.text)
    func producers(_ name: String) -> [Int] {
      derivations.indices.filter { derivations[$0].id.isPlain ? derivations[$0].id.text == name : derivations[$0].id.couldMake(name) }
    }
    let knownIds = Array(observationIds).sorted() + plainIds
    for (i, d) in derivations.enumerated() {
      var bound: [String: Bool] = [:]
      if d.forEach != nil {
        if d.pairs {
          bound["it"] = false
          bound["previous"] = false
        } else if d.groupBy != nil {
          bound["group"] = true
        } else {
          bound["it"] = false
        }
      }
      var checker = Checker(bound: bound, isKnownId: { observationIds.contains($0) || !producers($0).isEmpty }, knownIds: knownIds)
      for b in d.lets {
        let isSelection = checker.check(b.expr)
        for e in checker.errors { report(b.text.error(e, field: "let." + b.name), i) }
        checker.errors = []
        checker.bound[b.name] = isSelection ?? false
      }
      checker.check(d.formula)
      for e in checker.errors { report(d.formulaText.error(e, field: "formula"), i) }
      // Families named in selections must exist.
      var families = Checker.families(d.formula).map { ($0.0, d.formulaText.location($0.1)) }
      families += d.lets.flatMap { b in Checker.families(b.expr).map { ($0.0, b.text.location($0.1)) } }
      if let s = d.forEach, let text = d.forEachText {
        families += Checker.families(.selection(s, TextPosition(line: 1, column: 1))).map { ($0.0, text.location($0.1)) }
      }
      for (family, location) in families where familyIndex[family] == nil {
        report(
          DatasetError(
            at: location, field: "family", expected: "the family of a derivation",
            found: "\"\(family)\"\(Suggestion.didYouMean(family, among: Array(familyIndex.keys).sorted()))"), i)
      }
    }

    // Dependencies and cycles.
    var edges: [[(Int, SourceLocation)]] = Array(repeating: [], count: derivations.count)
    for (i, d) in derivations.enumerated() {
      let boundNames = Set(["it", "previous", "group"] + d.lets.map(\.name))
      var references = Checker.references(d.formula).map { ($0.0, d.formulaText.location($0.1)) }
      references += d.lets.flatMap { b in Checker.references(b.expr).map { ($0.0, b.text.location($0.1)) } }
      for (name, location) in references where !boundNames.contains(name) && !observationIds.contains(name) {
        for j in producers(name) { edges[i].append((j, location)) }
      }
      var families = Checker.families(d.formula).map { ($0.0, d.formulaText.location($0.1)) }
      families += d.lets.flatMap { b in Checker.families(b.expr).map { ($0.0, b.text.location($0.1)) } }
      if let s = d.forEach, let text = d.forEachText {
        families += Checker.families(.selection(s, TextPosition(line: 1, column: 1))).map { ($0.0, text.location($0.1)) }
      }
      for (family, location) in families { if let j = familyIndex[family] { edges[i].append((j, location)) } }
    }
    var state = Array(repeating: 0, count: derivations.count)  // 0 new, 1 on the path, 2 done
    var path: [Int] = []
    func visit(_ i: Int) {
      state[i] = 1
      path.append(i)
      for (j, location) in edges[i] {
        if state[j] == 1 {
          let start = path.lastIndex(of: j) ?? 0
          let cycle = path[start...].map { derivations[$0].id.text } + [derivations[j].id.text]
          report(DatasetError(at: location, field: "formula", expected: Messages.cycle(cycle).expected, found: Messages.cycle(cycle).found), i)
          for k in path[start...] { failed.insert(k) }
        } else if state[j] == 0 {
          visit(j)
        }
      }
      path.removeLast()
      state[i] = 2
    }
    for i in derivations.indices where state[i] == 0 { visit(i) }

    // Dependency order, file order among equals.
    var order: [Int] = []
    var placed = Set<Int>()
    var progress = true
    while progress {
      progress = false
      for i in derivations.indices where !placed.contains(i) {
        if edges[i].allSatisfy({ placed.contains($0.0) || $0.0 == i }) {
          order.append(i)
          placed.insert(i)
          progress = true
        }
      }
    }

    // Run.
    var produced: [String: Produced] = [:]
    var producedInOrder: [Produced] = []
    var made: [Int: [Produced]] = [:]
    var madeFrom: [String: (derivation: Int, input: String)] = [:]
    for i in order {
      if edges[i].contains(where: { failed.contains($0.0) && $0.0 != i }) { failed.insert(i) }
      guard !failed.contains(i) else { continue }
      let d = derivations[i]
      var results: [Result] = []
      var localErrors: [DatasetError] = []
      let evaluator = Evaluator(dataset: dataset, produced: produced, producedInOrder: producedInOrder)
      for instance in instances(d, evaluator, &localErrors) {
        do {
          if let p = try runInstance(d, instance, evaluator, dataset) { results.append(p) }
        } catch let e as InstanceError {
          localErrors.append(e.error)
        } catch let skip as Skip {
          output.skipped.append("\(d.id.text) for \(instance.input): \(skip.reason)")
        } catch {
          output.skipped.append("\(d.id.text) for \(instance.input): \(error)")
        }
      }
      // Ids are unique: within a template (two inputs giving one id) and across derivations.
      for p in results {
        let input = p.input
        let id = p.produced.estimate.id
        if let first = madeFrom[id] {
          if first.derivation == i {
            let m = Messages.templateDuplicate(id, first.input, input)
            localErrors.append(DatasetError(at: d.idLocation, field: "id", expected: m.expected, found: m.found))
          } else {
            let m = Messages.duplicateId(id, first: "\(derivations[first.derivation].idLocation)")
            localErrors.append(DatasetError(at: d.idLocation, field: "id", expected: m.expected, found: m.found))
          }
        } else {
          madeFrom[id] = (i, input)
        }
      }
      if !localErrors.isEmpty {
        for e in localErrors { report(e, i) }
        continue
      }
      made[i] = results.map(\.produced)
      for p in results {
        produced[p.produced.estimate.id] = p.produced
        producedInOrder.append(p.produced)
      }
    }

    // Output in file order.
    var seriesOrder: [String] = []
    var seriesById: [String: Series] = [:]
    for i in derivations.indices {
      for p in made[i] ?? [] {
        output.estimates.append(p.estimate)
        guard let seriesId = p.seriesId, let period = p.period else { continue }
        let point = SeriesPoint(
          observation: p.quantity.provenance.observations.first ?? p.estimate.id, estimate: p.estimate.id, period: period,
          interval: p.estimate.interval, value: p.estimate.estimate, kind: p.quantity.kind,
          source: p.quantity.provenance.sources.first ?? "")
        if seriesById[seriesId] == nil {
          seriesOrder.append(seriesId)
          seriesById[seriesId] = Series(
            id: seriesId, destination: p.estimate.facets["destination"] ?? "unspecified", unit: p.estimate.unit, points: [])
        }
        seriesById[seriesId]?.points.append(point)
      }
    }
    output.series = seriesOrder.compactMap { seriesById[$0] }.map { s in
      var s = s
      s.points = s.points.enumerated().sorted { a, b in
        let aStart = a.element.period.earliest?.ordinal ?? Int.min
        let bStart = b.element.period.earliest?.ordinal ?? Int.min
        if aStart != bStart { return aStart < bStart }
        let aEnd = a.element.period.latest?.ordinal ?? Int.max
        let bEnd = b.element.period.latest?.ordinal ?? Int.max
        return (aEnd, a.offset) < (bEnd, b.offset)
      }.map(\.element)
      return s
    }
    output.errors.sort { ($0.file, $0.line, $0.column, $0.description) < ($1.file, $1.line, $1.column, $1.description) }
    return output
  }

  // MARK: - Instances

  /// One run of a derivation: its bindings and what its patterns read.
  struct Instance {
    var scope: Scope
    var item: Item?
    var groupKey: (field: String, value: String)?
    var count: Int?
    /// What it was made from, for messages: an id, or a group.
    var input: String

    func lookup(_ name: String) -> String? {
      if name == "count", let count { return String(count) }
      if let groupKey, groupKey.field == name { return groupKey.value }
      return item?.field(name)
    }
  }

  struct InstanceError: Error {
    var error: DatasetError
  }

  /// What one instance made.
  struct Result {
    var produced: Produced
    var input: String
  }

  /// The instances of a derivation: one, or one per item, group or consecutive pair.
  static func instances(_ d: Derivation, _ evaluator: Evaluator, _ errors: inout [DatasetError]) -> [Instance] {
    guard let forEach = d.forEach else { return [Instance(scope: Scope(), input: d.id.text)] }
    let items: [Item]
    do {
      items = try evaluator.select(forEach)
    } catch {
      return []
    }
    var groups: [(key: String?, items: [Item])] = []
    if let field = d.groupBy {
      var index: [String: Int] = [:]
      for item in items {
        guard let value = item.field(field) else { continue }
        if let k = index[value] {
          groups[k].items.append(item)
        } else {
          index[value] = groups.count
          groups.append((value, [item]))
        }
      }
    } else {
      groups = [(nil, items)]
    }
    var result: [Instance] = []
    for group in groups {
      let key = group.key.flatMap { k in d.groupBy.map { (field: $0, value: k) } }
      if d.pairs {
        let sorted = group.items.enumerated().sorted { a, b in
          let aStart = a.element.period?.earliest?.ordinal ?? Int.min
          let bStart = b.element.period?.earliest?.ordinal ?? Int.min
          if aStart != bStart { return aStart < bStart }
          let aEnd = a.element.period?.latest?.ordinal ?? Int.max
          let bEnd = b.element.period?.latest?.ordinal ?? Int.max
          return (aEnd, a.offset) < (bEnd, b.offset)
        }.map(\.element)
        for k in sorted.indices.dropFirst() {
          var scope = Scope()
          scope.items = ["previous": sorted[k - 1], "it": sorted[k]]
          result.append(Instance(scope: scope, item: sorted[k], groupKey: key, count: nil, input: "\(sorted[k - 1].id) and \(sorted[k].id)"))
        }
      } else if let key {
        var scope = Scope()
        scope.group = group.items
        result.append(Instance(scope: scope, item: nil, groupKey: key, count: group.items.count, input: "\(key.field) \(key.value)"))
      } else {
        for item in group.items {
          var scope = Scope()
          scope.items = ["it": item]
          result.append(Instance(scope: scope, item: item, input: item.id))
        }
      }
      if result.count > maxInstances { break }
    }
    if result.count > maxInstances {
      let location = d.forEachText?.location(TextPosition(line: 1, column: 1)) ?? d.location
      let m = Messages.tooManyInstances(maxInstances)
      errors.append(DatasetError(at: location, field: "for-each", expected: m.expected, found: m.found))
      return []
    }
    return result
  }

  /// Evaluates one instance: its `let`s, its formula, the declared unit; names and describes the result.
  static func runInstance(_ d: Derivation, _ instance: Instance, _ base: Evaluator, _ dataset: Dataset) throws -> Result? {
    var evaluator = base
    evaluator.scope = instance.scope
    for b in d.lets {
      do {
        evaluator.scope.lets[b.name] = try evaluator.evaluate(b.expr)
      } catch let e as ExpressionError {
        throw InstanceError(error: b.text.error(e, field: "let." + b.name))
      }
    }
    let q: Quantity
    do {
      q = try evaluator.quantity(d.formula)
    } catch let e as ExpressionError {
      throw InstanceError(error: d.formulaText.error(e, field: "formula"))
    }
    var itemUnit: Unit?
    switch instance.item {
    case .observation(let o)?: itemUnit = o.unit
    case .estimate(let e)?: itemUnit = Unit(spelled: e.estimate.unit)
    case nil: itemUnit = nil
    }
    guard let unit = d.unit ?? itemUnit ?? q.dimension.naturalUnit(of: d.formula) else {
      throw InstanceError(
        error: DatasetError(
          at: d.formulaText.location(d.formula.position), field: "formula", expected: "a result in a unit of the dataset",
          found: "one of dimension \(q.dimension)"))
    }
    let (dimension, factor) = Dimension.of(unit)
    guard q.dimension == dimension else {
      let m = Messages.declared(unit.description, dimension, found: q.dimension)
      throw InstanceError(error: DatasetError(at: d.formulaText.location(d.formula.position), field: "formula", expected: m.expected, found: m.found))
    }
    guard let id = d.id.fill(instance.lookup, code: { dataset.vocabulary.code($0) }) else { throw Skip(reason: "the id pattern names a field the input lacks") }

    let interval = q.interval * (1 / factor)
    let estimate = q.estimate.map { $0 / factor }
    let p = q.provenance
    var restatedObservation: Observation?
    if p.observations.count == 1, p.rates.isEmpty, p.estimates.isEmpty, let o = dataset.observation(p.observations[0]) {
      let original = Item.observation(o).quantity
      if original.interval == q.interval && original.estimate == q.estimate { restatedObservation = o }
    }
    let unitText = unit.description
    var method: String
    if let o = restatedObservation {
      method = unitText == o.unit.description ? "As reported." : "As reported, in \(unitText)."
    } else {
      method = Wording.method(q, restated: false)
    }
    if let note = d.note { method += " " + note }
    var caveats = Caveats.of(q, restated: restatedObservation != nil, dataset: dataset)
    let declared = d.caveats.compactMap { $0.fill(instance.lookup, code: { dataset.vocabulary.code($0) }) }
    for text in declared where !caveats.contains(text) { caveats.append(text) }

    var facets: [String: String] = [:]
    switch instance.item {
    case .observation(let o)?:
      // An estimate named after its observation ({id}) keeps that observation's facets.
      if restatedObservation != nil || d.id.uses("id") {
        facets = ["period": o.period.description, "source": o.source, "measure": o.measure.rawValue]
      }
      for key in ["destination", "origin", "sector", "job", "place"] { facets[key] = Item.observation(o).field(key) }
      var isMoney = false
      if case .money = o.unit { isMoney = true }
      if d.id.uses("id"), isMoney || restatedObservation == nil {
        facets["original"] = o.value.formatted(unit: o.unit == .percent ? nil : o.unit.description)
      }
    case .estimate(let e)?:
      for key in ["destination", "origin", "sector", "job", "place"] { facets[key] = e.estimate.facets[key] }
    case nil:
      break
    }
    if let key = instance.groupKey { facets[key.field] = key.value }
    if let rate = p.rates.first, restatedObservation == nil, p.observations.count == 1 { facets["rate"] = rate }
    let seriesId = d.series.flatMap { $0.fill(instance.lookup, code: { dataset.vocabulary.code($0) }) }
    if let seriesId { facets["series"] = seriesId }
    facets["family"] = d.family
    for (key, pattern) in d.facets {
      if let value = pattern.fill(instance.lookup, code: { dataset.vocabulary.code($0) }), !value.isEmpty { facets[key] = value } else { facets[key] = nil }
    }
    // The kind is kept where the estimate restates one observation (converted or not) or is a bound.
    let kind: ReportedValue.Kind? = (p.observations.count == 1 && p.estimates.isEmpty) || estimate == nil ? q.kind : nil
    var named = NamedEstimate(
      id: id, label: d.label.flatMap { $0.fill(instance.lookup, code: { dataset.vocabulary.code($0) }) } ?? id, interval: interval, estimate: estimate,
      unit: unitText, inputs: p.inputs.filter { !p.estimates.contains($0) }, method: method, caveats: caveats,
      facets: facets, kind: kind)
    named.formula = (d.lets.map { "\($0.name) = \($0.text.source)" } + [d.formulaText.source]).joined(separator: "; ")
    var stored = q
    // Later derivations carry the caveats of conversions, divisions and declarations; those drawn
    // from provenance (sources, years, kinds) are drawn again from the merged provenance.
    stored.provenance.caveats = declared.reduce(into: q.provenance.caveats) { if !$0.contains($1) { $0.append($1) } }
    let period = instance.item?.period ?? p.periods.first
    return Result(
      produced: Produced(estimate: named, family: d.family, quantity: stored, period: period, seriesId: seriesId),
      input: instance.input)
  }
}

extension Engine {
  /// Evaluates a formula written in a brief (`{{= growth(cn-entries-2013, cn-entries-2012)}}`) as a
  /// derivation of its own, after the dataset's: with the same checks (names, functions, dimensions),
  /// its unit told from its dimension, and its method and caveats written as for any estimate.
  /// `location` is where the formula's first character is written; errors are located from it.
  ///
  /// ```swift
  /// let e = try Engine.evaluate("growth(cn-visas-2013, cn-visas-2012)", at: location, in: dataset)
  /// e.formatted()   // "17.21%"
  /// ```
  public static func evaluate(_ text: String, at location: SourceLocation, in dataset: Dataset) throws -> NamedEstimate {
    let formulaText = FormulaText(file: location.file, line: location.line, column: location.column, source: text)
    let expr: Expr
    do {
      expr = try Parser.parse(text)
    } catch let e as ExpressionError {
      throw formulaText.error(e, field: "formula")
    }
    let id = "formula-in-brief"
    let pattern = try Pattern.parse(id)
    let derivation = Derivation(
      id: pattern, idLocation: location, family: id, forEach: nil, forEachText: nil, groupBy: nil, pairs: false, lets: [],
      formula: expr, formulaText: formulaText, unit: nil, label: nil, series: nil, facets: [:], note: nil, caveats: [],
      location: location)
    var withFormula = dataset
    withFormula.derivations.append(derivation)
    let output = run(withFormula)
    if let error = output.errors.first(where: { $0.file == location.file }) { throw error }
    guard var estimate = output.estimates.first(where: { $0.id == id }) else {
      // A name that is neither an observation nor an estimate made (a template's pattern could have
      // made it, so the checks let it through): the usual unknown-id error, at the name.
      let known = dataset.observations.map(\.id) + output.estimates.map(\.id)
      let have = Set(known)
      if let (name, position) = names(in: expr).first(where: { !have.contains($0.0) }) {
        throw DatasetError(
          at: formulaText.location(position), field: "formula",
          expected: "the id of an observation or derived estimate" + Suggestion.didYouMean(name, among: known), found: "\"\(name)\"")
      }
      throw DatasetError(
        at: location, field: "formula", expected: "a formula whose inputs all have values",
        found: output.skipped.last.map { "none: \($0)" } ?? "no value")
    }
    estimate.label = text
    return estimate
  }

  /// The names a formula uses, with where each is written, in reading order.
  static func names(in expr: Expr) -> [(String, TextPosition)] {
    switch expr {
    case .number, .selection: return []
    case .name(let name, let position): return [(name, position)]
    case .call(_, let arguments, _): return arguments.flatMap { names(in: $0.value) }
    case .binary(_, let a, let b, _): return names(in: a) + names(in: b)
    case .negate(let a, _): return names(in: a)
    }
  }
}
