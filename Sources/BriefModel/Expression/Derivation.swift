/// One declaration of `derived.yaml`: a formula, its unit, and — for a template — what it
/// runs over and how each estimate is named.
///
/// ```yaml
/// - id: "{id}-usd-month"                 # a pattern: one estimate per wage
///   family: wage-usd-month
///   for-each: {measure: [wage, wage-promised]}
///   formula: per(usd(it), month)
///   unit: USD/month
///   label: "Wage, {destination|or:abroad}, {period|text}"
/// ```
public struct Derivation: Hashable, Sendable {
  /// A `let` name: a formula evaluated before the main one, usable in it by name.
  public struct Binding: Hashable, Sendable {
    /// The name.
    public var name: String
    /// Its formula.
    public var expr: Expr
    /// Where the formula is written.
    public var text: FormulaText
  }

  /// The id, or a pattern of ids for a template.
  public var id: Pattern
  /// Where the id is written.
  public var idLocation: SourceLocation
  /// The family name other derivations select by (`{family: wage-usd-month}`).
  public var family: String
  /// What a template runs over: observations, or estimates of a family.
  public var forEach: SelectionSyntax?
  /// Where `for-each` is written.
  public var forEachText: FormulaText?
  /// Groups the selected items by a field; each group is one instance (`group`).
  public var groupBy: String?
  /// Runs over consecutive pairs, ordered by period, of each group (`previous`, `it`).
  public var pairs: Bool
  /// `let` names, in order.
  public var lets: [Binding]
  /// The formula.
  public var formula: Expr
  /// Where the formula is written.
  public var formulaText: FormulaText
  /// The declared unit (`USD/month`); `nil` for `"{unit}"`, the unit of each input (`it`).
  public var unit: Unit?
  /// A label pattern.
  public var label: Pattern?
  /// A series id pattern: each estimate is also a point of that series.
  public var series: Pattern?
  /// Facets to set (or override), as patterns.
  public var facets: [String: Pattern]
  /// A sentence added to the method text.
  public var note: String?
  /// Caveats to add, as patterns.
  public var caveats: [Pattern]
  /// Where the entry is written.
  public var location: SourceLocation

  /// Whether it makes one estimate per item, group or pair.
  public var isTemplate: Bool { forEach != nil }
}

/// Where a formula's text sits in its file, so a position in the text becomes file:line:column.
public struct FormulaText: Hashable, Sendable {
  /// The file.
  public var file: String
  /// The line and column of the formula's first character.
  public var line: Int
  public var column: Int
  /// The formula as written.
  public var source: String = ""

  /// The location of a position within the formula.
  public func location(_ p: TextPosition) -> SourceLocation {
    SourceLocation(file: file, line: line + p.line - 1, column: p.line == 1 ? column + p.column - 1 : p.column)
  }

  /// A located error.
  func error(_ e: ExpressionError, field: String) -> DatasetError {
    DatasetError(at: location(e.position), field: field, expected: e.message.expected, found: e.message.found)
  }
}

/// A text with `{field}` or `{field|filter|filter:argument}` parts filled in from an item:
/// `"{id}-usd-month"`, `"{destination|code}-work-visas-{period|prior-year}-implied"`.
///
/// Filters: `slug` (lowercase words joined by "-"), `code` (`cn` for China, else the slug),
/// `year` and `prior-year` (of a period), `text` (a period as "Apr 2014"), `strip:SUFFIX`
/// (drop a suffix), `or:DEFAULT` (a missing field's stand-in), `plural:NOUN` (`1 figure`,
/// `2 figures`), `prefix:TEXT` (text before a present value: `{job|prefix: for |or:}`). A missing field without
/// `or:` leaves the instance without an estimate.
public struct Pattern: Hashable, Sendable {
  enum Part: Hashable, Sendable {
    case literal(String)
    case field(String, [Filter])
  }

  struct Filter: Hashable, Sendable {
    var name: String
    var argument: String
  }

  /// The longest id, and the most parts of a pattern, that ``couldMake(_:)`` considers.
  public static let maxMatchedLength = 256

  static let filters = ["slug", "code", "year", "prior-year", "text", "strip", "or", "plural", "prefix"]

  var parts: [Part]
  /// The text as written.
  public var text: String

  /// Whether it fills in `field` somewhere.
  public func uses(_ field: String) -> Bool {
    parts.contains { if case .field(field, _) = $0 { return true } else { return false } }
  }

  /// Whether it has no `{…}`.
  public var isPlain: Bool { parts.allSatisfy { if case .literal = $0 { return true } else { return false } } }

  /// Parses a pattern; the error message says what is wrong.
  public static func parse(_ text: String) throws -> Pattern {
    var parts: [Part] = []
    var rest = Substring(text)
    while let open = rest.firstIndex(of: "{") {
      if open > rest.startIndex { parts.append(.literal(String(rest[..<open]))) }
      guard let close = rest[open...].firstIndex(of: "}") else {
        throw ExpressionError(TextPosition(line: 1, column: 1), Messages.badPattern(text, "a pattern whose '{' are closed by '}'"))
      }
      let inner = rest[rest.index(after: open)..<close].split(separator: "|", omittingEmptySubsequences: false).map(String.init)
      guard let field = inner.first, !field.isEmpty else {
        throw ExpressionError(TextPosition(line: 1, column: 1), Messages.badPattern(text, "a field name inside each {…}"))
      }
      var filters: [Filter] = []
      for spec in inner.dropFirst() {
        let pieces = spec.split(separator: ":", maxSplits: 1).map(String.init)
        let name = pieces.first ?? ""
        guard filters.count < 8, Pattern.filters.contains(name) else {
          throw ExpressionError(
            TextPosition(line: 1, column: 1),
            Messages.badPattern(text, "filters among " + Pattern.filters.joined(separator: ", ")))
        }
        filters.append(Filter(name: name, argument: pieces.count > 1 ? pieces[1] : ""))
      }
      parts.append(.field(field, filters))
      rest = rest[rest.index(after: close)...]
    }
    if !rest.isEmpty { parts.append(.literal(String(rest))) }
    if rest.contains("}") {
      throw ExpressionError(TextPosition(line: 1, column: 1), Messages.badPattern(text, "a pattern whose '}' close a '{'"))
    }
    return Pattern(parts: parts, text: text)
  }

  /// The text with its fields filled in by `lookup`; `nil` when a field is missing. `code` gives a
  /// place's short code (the vocabulary's, `ru` for Russia) for the `code` filter.
  public func fill(_ lookup: (String) -> String?, code: (String) -> String = EngineTools.slug) -> String? {
    var result = ""
    for part in parts {
      switch part {
      case .literal(let s): result += s
      case .field(let name, let filters):
        var value = lookup(name)
        for f in filters {
          switch f.name {
          case "or": value = value ?? f.argument
          case "slug": value = value.map(EngineTools.slug)
          case "code": value = value.map(code)
          case "year": value = value.flatMap { try? EDTFDate.parse($0) }.flatMap(\.referenceYear).map(String.init)
          case "prior-year": value = value.flatMap { try? EDTFDate.parse($0) }.flatMap(\.referenceYear).map { String($0 - 1) }
          case "text": value = value.map { (try? EDTFDate.parse($0))?.displayText ?? $0 }
          case "prefix": value = value.map { f.argument + $0 }
          case "plural": value = value.map { $0 + " " + f.argument + ($0 == "1" ? "" : "s") }
          case "strip": value = value.map { $0.hasSuffix(f.argument) && !f.argument.isEmpty ? String($0.dropLast(f.argument.count)) : $0 }
          default: break
          }
        }
        guard let value else { return nil }
        result += value
      }
    }
    return result
  }

  /// Whether some filling of the pattern could give `id` (fields match one or more characters).
  ///
  /// Ids longer than ``maxMatchedLength`` are never made by a pattern: the match, quadratic in
  /// the id's length, stays cheap for any input.
  public func couldMake(_ id: String) -> Bool {
    let target = Array(id)
    guard target.count <= Pattern.maxMatchedLength, parts.count <= Pattern.maxMatchedLength else { return false }
    var memo: [Int: Bool] = [:]
    func match(_ partIndex: Int, _ at: Int) -> Bool {
      let key = partIndex * (target.count + 1) + at
      if let known = memo[key] { return known }
      var result = false
      if partIndex == parts.count {
        result = at == target.count
      } else {
        switch parts[partIndex] {
        case .literal(let s):
          let chars = Array(s)
          result = at + chars.count <= target.count && Array(target[at..<(at + chars.count)]) == chars
            && match(partIndex + 1, at + chars.count)
        case .field:
          var end = at + 1
          while end <= target.count, !result {
            result = match(partIndex + 1, end)
            end += 1
          }
        }
      }
      memo[key] = result
      return result
    }
    return match(0, 0)
  }
}
