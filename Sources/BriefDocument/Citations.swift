import BriefCharts
import BriefModel

/// Resolves live numbers (`{{ID}}`) against the dataset and keeps the notes,
/// sources and methods the brief cites, in the order it cites them.
public struct Citations {
  public let context: ChartContext
  /// Footnotes in document order; a note's number is its index + 1.
  public private(set) var notes: [Note] = []
  /// Ids of every source cited, in order of first citation.
  public private(set) var sourcesUsed: [String] = []
  /// Derived estimates cited, in order of first citation, for the methods section.
  public private(set) var derivedUsed: [NamedEstimate] = []
  /// Where each id was first cited, to refer back instead of repeating a note.
  private var firstNote: [String: Int] = [:]
  /// Sources already cited in full, in order: their numbers in the closing list.
  public private(set) var citedInFull: [String] = []

  /// A footnote: what it says and the sources behind it.
  public struct Note: Equatable, Sendable {
    public var number: Int
    public var text: String
  }

  public init(context: ChartContext) {
    self.context = context
  }

  /// A value's text for a placeholder, and the number of the note citing it.
  public mutating func resolve(_ p: Placeholder) throws -> (text: String, note: Int) {
    if let formula = p.formula {
      // Computed on the spot, with the checks, method and caveats of any derived estimate.
      let e = try Engine.evaluate(formula, at: p.location, in: context.dataset).roundedForDisplay()
      let text = try Self.text(of: e, part: p.part, at: p)
      derivedUsed.append(e)
      var body = "\(e.formatted(maxDecimals: Self.decimals(e)))\(Self.unitSuffix(e.unit)): \(e.method)"
      if !e.caveats.isEmpty { body += " Caveats: " + e.caveats.joined(separator: "; ") + "." }
      return (text, addNote(id: "= " + formula, body: body, sources: context.sources(of: e)))
    }
    if let found = context.analysis.estimate(p.id) {
      let derived = !(found.inputs.count == 1 && found.method.hasPrefix("As reported"))
      // Computed figures are cited to three significant digits, their ranges widened outwards.
      let e = derived && found.kind == nil ? found.roundedForDisplay() : found
      let text = try Self.text(of: e, part: p.part, at: p)
      let sources = context.sources(of: e)
      if derived, !derivedUsed.contains(where: { $0.id == e.id }) { derivedUsed.append(found) }
      var body = "\(e.label): \(e.formatted(maxDecimals: Self.decimals(e)))\(Self.unitSuffix(e.unit))."
      if derived { body += " Derived; see Methods." }
      return (text, addNote(id: p.id, body: body, sources: sources))
    }
    if let o = context.dataset.observation(p.id) {
      let text = try Self.text(of: o.value, unit: o.unit.description, part: p.part, at: p)
      let place = o.destination.map { " in \($0)" } ?? ""
      let body = "\(o.measure.rawValue.replacingOccurrences(of: "-", with: " ").capitalizedFirst)\(place), \(o.period.displayText): \(o.value.formatted())\(Self.unitSuffix(o.unit.description))."
      return (text, addNote(id: p.id, body: body, sources: [o.source]))
    }
    if let file = context.dataset.drafts[p.id] {
      throw DatasetError(
        at: p.location, field: "{{\(p.id)}}", expected: "a reviewed observation (move the draft into observations.yaml: brief extract --merge)",
        found: "a draft in \(file)")
    }
    throw DatasetError(
      at: p.location, field: "{{\(p.id)}}", expected: "the id of an estimate (see brief stats) or an observation",
      found: "no such id\(Suggestion.didYouMean(p.id, among: context.analysis.estimates.map(\.id) + context.dataset.observations.map(\.id)))")
  }

  /// Records sources and derived estimates shown outside the text (charts, tiles), for the closing section.
  public mutating func cite(sources: [String], derived ids: [String]) {
    for s in sources where !sourcesUsed.contains(s) { sourcesUsed.append(s) }
    for id in ids where !derivedUsed.contains(where: { $0.id == id }) {
      if let e = context.analysis.estimate(id) { derivedUsed.append(e) }
    }
  }

  mutating func addNote(id: String, body: String, sources: [String]) -> Int {
    for s in sources where !sourcesUsed.contains(s) { sourcesUsed.append(s) }
    let number = notes.count + 1
    let text: String
    if let first = firstNote[id] {
      text = "See note \(first)."
    } else {
      firstNote[id] = number
      // A source's first note cites it in full; later notes cite it short, with its number in the sources list.
      let cited = sources.map { id -> String in
        if let n = citedInFull.firstIndex(of: id) { return "\(shortCitation(id)) [\(n + 1)]" }
        citedInFull.append(id)
        return fullCitation(id) + " [\(citedInFull.count)]"
      }.joined(separator: "; ")
      text = body + (cited.isEmpty ? "" : (sources.count == 1 ? " Source: " : " Sources: ") + cited + ".")
    }
    notes.append(Note(number: number, text: text))
    return number
  }

  /// Outlet and date: "Daily NK, Feb 2021".
  public func shortCitation(_ id: String) -> String {
    context.dataset.source(id)?.citation ?? id
  }

  /// Outlet, "headline", authors, date: the form notes and the sources list use.
  public func fullCitation(_ id: String) -> String {
    guard let s = context.dataset.source(id) else { return id }
    var parts = [s.outlet]
    if let h = s.headline, !h.isEmpty { parts.append("“\(h)”") }
    if !s.authors.isEmpty { parts.append(s.authors.joined(separator: ", ")) }
    parts.append(s.published.displayText)
    return parts.joined(separator: ", ")
  }

  /// An estimate's text: "3,500–4,000 USD", "≥10,000", or one part of it.
  static func text(of e: NamedEstimate, part: Placeholder.Part, at p: Placeholder) throws -> String {
    let d = decimals(e)
    let percent = e.unit == "%" ? "%" : ""
    func number(_ x: Double?, _ name: String) throws -> String {
      guard let x, x.isFinite else {
        throw DatasetError(at: p.location, field: "{{\(p.id).\(name)}}", expected: "a \(name) the estimate has", found: "an open \(name)")
      }
      return NumberFormat.plain(x, maxDecimals: d) + percent
    }
    switch part {
    case .low: return try number(e.interval.low, "low")
    case .high: return try number(e.interval.high, "high")
    case .estimate: return try number(e.estimate, "estimate")
    case .whole:
      if let kind = e.kind, e.inputs.count == 1 {
        let v = ReportedValue(kind: kind, interval: e.interval, estimate: e.estimate, isPercent: e.unit == "%", stated: statedNumbers(kind, e))
        return v.formatted(maxDecimals: d) + unitSuffix(e.unit)
      }
      return e.formatted(maxDecimals: d) + unitSuffix(e.unit)
    }
  }

  static func text(of v: ReportedValue, unit: String, part: Placeholder.Part, at p: Placeholder) throws -> String {
    let d = v.stated.first.map { abs($0) >= 100 ? 0 : 1 } ?? 0
    func number(_ x: Double?, _ name: String) throws -> String {
      guard let x, x.isFinite else {
        throw DatasetError(at: p.location, field: "{{\(p.id).\(name)}}", expected: "a \(name) the observation has", found: "an open \(name)")
      }
      return NumberFormat.plain(x, maxDecimals: d) + (v.isPercent ? "%" : "")
    }
    switch part {
    case .low: return try number(v.interval.low, "low")
    case .high: return try number(v.interval.high, "high")
    case .estimate: return try number(v.estimate, "estimate")
    case .whole: return v.formatted(maxDecimals: d) + unitSuffix(unit)
    }
  }

  static func statedNumbers(_ kind: ReportedValue.Kind, _ e: NamedEstimate) -> [Double] {
    switch kind {
    case .range, .approximateRange: return [e.interval.low, e.interval.high].compactMap { $0 }
    case .atLeast, .moreThan: return [e.interval.low ?? 0]
    case .atMost, .lessThan: return [e.interval.high ?? 0]
    case .exact, .approximate: return [e.estimate ?? e.interval.midpoint ?? 0]
    }
  }

  /// Units read in text: money after the number ("1,300 USD", "800 USD a month"); counts and
  /// durations are nouns the prose supplies ("37 people", "3–6 months").
  static func unitSuffix(_ unit: String) -> String {
    switch unit {
    case "%", "", "workers", "people", "visas", "groups", "defectors", "times", "days", "months", "years": return ""
    default:
      let parts = unit.split(separator: "/")
      if parts.count == 2 { return " \(parts[0]) a \(parts[1])" }
      return " " + unit
    }
  }

  static func decimals(_ e: NamedEstimate) -> Int {
    sensibleDecimals(e.estimate ?? e.interval.low ?? e.interval.high)
  }

}

extension String {
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
