import BriefModel
import BriefScene

/// Compiles chart specs into scenes, phase by phase: select (the data the
/// spec names), normalise (values for marks, sorting), then the chart kind's own
/// scales, marks, guides and frame. Every error names the chart and the phase.
public struct ChartCompiler: Sendable {
  public var context: ChartContext?

  public init(context: ChartContext?) {
    self.context = context
  }

  /// The scene of a chart in a style; `size` overrides the spec's and the style's size.
  public func scene(_ spec: ChartSpec, style base: ChartStyle, size: Size? = nil, measurer: TextMeasurer) throws -> Scene {
    let style = try spec.style(over: base)
    let chosenSize = size
    let size = size ?? style.size
    switch spec.kind {
    case .bars:
      let data = try normalise(spec, try select(spec))
      var chart = BarChart(
        id: spec.id, frame: frame(spec, data), tickSuffix: spec.tickSuffix, orientation: spec.orientation,
        rangeStyle: spec.ranges, items: data)
      chart.categoryLabels = spec.labels
      return try chart.scene(size: size, style: style, measurer: measurer)
    case .dotRange:
      let data = try normalise(spec, try select(spec))
      return try DotRangeChart(id: spec.id, frame: frame(spec, data), data: data, tickSuffix: spec.tickSuffix, categoryLabels: spec.labels)
        .scene(size: size, style: style, measurer: measurer)
    case .stacked:
      let data = try normalise(spec, try select(spec))
      return try StackedShareChart(id: spec.id, frame: frame(spec, data), data: data, parts: spec.parts)
        .scene(size: size, style: style, measurer: measurer)
    case .tile:
      let data = try select(spec)
      return try KeyFigureTile(id: spec.id, frame: frame(spec, data), datum: data[0])
        .scene(size: chosenSize ?? (spec.size != nil ? style.size : KeyFigureTile.defaultSize(for: style)), style: style, measurer: measurer)
    case .line:
      let (series, sources) = try selectSeries(spec)
      return try LineChart(id: spec.id, frame: frame(spec, sources: sources, derived: false), series: series, valueSuffix: spec.tickSuffix)
        .scene(size: size, style: style, measurer: measurer)
    case .timeline:
      let (events, sources) = try selectEvents(spec)
      return try Timeline(id: spec.id, frame: frame(spec, sources: sources, derived: false), events: events)
        .scene(size: size, style: style, measurer: measurer)
    }
  }

  /// The ids of the sources a chart cites, in order of first appearance.
  public func sources(of spec: ChartSpec) -> [String] {
    switch spec.kind {
    case .line: return (try? selectSeries(spec).1) ?? []
    case .timeline: return (try? selectEvents(spec).1) ?? []
    default:
      var out: [String] = []
      for s in ((try? select(spec)) ?? []).flatMap(\.sources) where !out.contains(s) { out.append(s) }
      return out
    }
  }

  /// The date for a chart's PDF metadata: the spec's `date`, else the newest source behind it.
  public func date(of spec: ChartSpec) -> Day? {
    if let d = spec.date { return d }
    guard let context else { return nil }
    let ids: [String]
    switch spec.kind {
    case .line: ids = (try? selectSeries(spec).1) ?? []
    case .timeline: ids = (try? selectEvents(spec).1) ?? []
    default: ids = ((try? select(spec)) ?? []).flatMap(\.sources)
    }
    return ids.compactMap { context.dataset.source($0)?.published.earliest }.max()
  }

  // MARK: - select

  /// One estimate or observation as chart data, by id; nil when the id is unknown.
  public func datum(id: String) -> ChartDatum? {
    guard let ctx = context else { return nil }
    if let e = ctx.analysis.estimate(id) {
      return datum(e, ref: ChartSpec.DataRef(target: .estimate(id), label: nil, group: nil, location: SourceLocation(file: "", line: 1, column: 1)), ctx)
    }
    return ctx.dataset.observation(id).map { datum($0, label: nil, group: nil) }
  }

  /// The data of a chart's spec, for callers that list what a chart shows.
  public func data(of spec: ChartSpec) -> [ChartDatum] {
    (try? select(spec)) ?? []
  }

  /// The data a spec names, in the spec's order, with labels, units and sources.
  public func select(_ spec: ChartSpec) throws -> [ChartDatum] {
    var out: [ChartDatum] = []
    for (i, ref) in spec.data.enumerated() {
      switch ref.target {
      case .inline(let v):
        out.append(
          ChartDatum(
            id: "inline-\(i + 1)", label: ref.label ?? v.formatted(), group: ref.group, value: v, valueLabel: v.formatted(), unit: "",
            period: nil, sources: [], derived: false))
      case .estimate(let id):
        let ctx = try requireContext(spec, ref.location)
        guard let e = ctx.analysis.estimate(id) else {
          throw located(spec, ref.location, .select, "no estimate \"\(id)\"\(suggestion(id, ctx.analysis.estimates.map(\.id)))")
        }
        out.append(datum(e, ref: ref, ctx))
      case .observation(let id):
        let ctx = try requireContext(spec, ref.location)
        guard let o = ctx.dataset.observation(id) else {
          throw located(spec, ref.location, .select, "no observation \"\(id)\"\(suggestion(id, ctx.dataset.observations.map(\.id)))")
        }
        out.append(datum(o, label: ref.label, group: ref.group))
      }
    }
    if let sel = spec.select, sel.fields.contains(where: { $0.0 == "family" }) {
      // Derived estimates of a family (a template of derived.yaml), by their facets.
      let ctx = try requireContext(spec, sel.location)
      let picked = ctx.analysis.estimates.filter { e in
        sel.fields.allSatisfy { key, wanted in e.facets[key].map(wanted.contains) ?? false }
      }
      guard !picked.isEmpty else {
        let text = sel.fields.map { "\($0.0) \($0.1.joined(separator: " or "))" }.joined(separator: ", ")
        let families = Set(ctx.analysis.estimates.compactMap { $0.facets["family"] }).sorted()
        let wanted = sel.fields.first { $0.0 == "family" }?.1.first ?? ""
        throw located(spec, sel.location, .select, "no derived estimate matches \(text)\(suggestion(wanted, families))")
      }
      out += picked.map { datum($0, ref: ChartSpec.DataRef(target: .estimate($0.id), label: nil, group: nil, location: sel.location), ctx) }
    } else if let sel = spec.select {
      let ctx = try requireContext(spec, sel.location)
      let picked = ctx.dataset.observations.filter { o in
        sel.fields.allSatisfy { key, wanted in
          let have: String?
          switch key {
          case "measure": have = o.measure.rawValue
          case "destination": have = o.destination
          case "origin": have = o.origin
          case "job": have = o.job
          case "sector": have = o.sector
          case "period": have = o.period.description
          default: have = o.source
          }
          return have.map(wanted.contains) ?? false
        }
      }
      guard !picked.isEmpty else {
        let text = sel.fields.map { "\($0.0) \($0.1.joined(separator: " or "))" }.joined(separator: ", ")
        throw located(spec, sel.location, .select, "no observation matches \(text)")
      }
      out += picked.map { datum($0, label: nil, group: nil) }
    }
    guard !out.isEmpty else { throw ChartError.invalid(chart: spec.id, phase: .select, message: "the chart selects no data") }
    return distinguished(out)
  }

  /// Figures that would share a label (the same measure, place and period from different sources)
  /// are both kept, each named with its source's outlet: "China, 2013 (Radio Free Asia)".
  func distinguished(_ data: [ChartDatum]) -> [ChartDatum] {
    var count: [String: Int] = [:]
    for d in data { count[d.label, default: 0] += 1 }
    return data.map { d in
      guard count[d.label, default: 0] > 1, let source = d.sources.first else { return d }
      var named = d
      named.label += " (\(context?.dataset.source(source)?.outlet ?? source))"
      return named
    }
  }

  func datum(_ e: NamedEstimate, ref: ChartSpec.DataRef, _ ctx: ChartContext) -> ChartDatum {
    // An estimate that restates one observation unchanged keeps that observation's value as written.
    var value = ReportedValue.from(e)
    var derived = true
    if e.inputs.count == 1, let o = ctx.dataset.observation(e.inputs[0]) {
      if o.value.interval == e.interval && o.value.estimate == e.estimate { value = o.value }
      derived = !(e.method.hasPrefix("As reported"))
    }
    let shown = e.roundedForDisplay()
    let label = derived && e.kind == nil
      ? shown.formatted(maxDecimals: sensibleDecimals(shown.estimate ?? shown.interval.low ?? shown.interval.high))
      : value.formatted(maxDecimals: sensibleDecimals(value.stated.first))
    return ChartDatum(
      id: e.id, label: ref.label ?? e.label, group: ref.group, value: value, valueLabel: label + (derived ? "†" : ""),
      unit: e.unit, period: nil, sources: ctx.sources(of: e), derived: derived)
  }

  func datum(_ o: Observation, label: String?, group: String?) -> ChartDatum {
    let place = o.job ?? o.destinationPlace ?? o.origin ?? o.destination ?? o.measure.rawValue
    return ChartDatum(
      id: o.id, label: label ?? "\(place), \(o.period.displayText)", group: group, value: o.value,
      valueLabel: o.value.formatted(maxDecimals: sensibleDecimals(o.value.stated.first)), unit: o.unit.description,
      period: o.period, sources: [o.source], derived: false)
  }

  // MARK: - normalise

  /// Sorts as the spec asks.
  func normalise(_ spec: ChartSpec, _ data: [ChartDatum]) throws -> [ChartDatum] {
    switch spec.sort {
    case .none: return data
    case .ascending: return data.enumerated().sorted { ($0.element.sortKey, $0.offset) < ($1.element.sortKey, $1.offset) }.map(\.element)
    case .descending: return data.enumerated().sorted { ($0.element.sortKey, -$0.offset) > ($1.element.sortKey, -$1.offset) }.map(\.element)
    }
  }

  // MARK: - line and timeline data

  func selectSeries(_ spec: ChartSpec) throws -> ([LineSeries], [String]) {
    let ctx = try requireContext(spec, spec.location)
    var out: [LineSeries] = []
    var sources: [String] = []
    for (id, label) in spec.series {
      guard let s = ctx.analysis.series.first(where: { $0.id == id }) else {
        throw located(spec, spec.location, .select, "no series \"\(id)\"\(suggestion(id, ctx.analysis.series.map(\.id)))")
      }
      var points: [LinePoint] = []
      for p in s.points {
        // An open start ("until 2017") is drawn over the year it ends in, labelled with its own date text.
        guard let end = p.period.latest ?? p.period.earliest,
          let start = p.period.earliest ?? Day(year: end.year, month: 1, day: 1)
        else { continue }
        let v = ReportedValue(kind: p.kind, interval: p.interval, estimate: p.value, isPercent: false, stated: Self.stated(p.kind, p.interval, p.value))
        points.append(
          LinePoint(
            start: start, end: end, low: p.interval.low, high: p.interval.high, estimate: p.value, label: v.formatted(),
            dateText: p.period.displayText))
        if !sources.contains(p.source) { sources.append(p.source) }
      }
      guard !points.isEmpty else { throw located(spec, spec.location, .select, "series \"\(id)\" has no dated points") }
      out.append(LineSeries(name: label ?? s.destination, points: points))
    }
    return (out, sources)
  }

  static func stated(_ kind: ReportedValue.Kind, _ iv: Interval, _ estimate: Double?) -> [Double] {
    switch kind {
    case .range, .approximateRange: return [iv.low, iv.high].compactMap { $0 }
    case .atLeast, .moreThan: return [iv.low ?? 0]
    case .atMost, .lessThan: return [iv.high ?? 0]
    case .exact, .approximate: return [estimate ?? iv.midpoint ?? 0]
    }
  }

  func selectEvents(_ spec: ChartSpec) throws -> ([TimelineEvent], [String]) {
    let ctx = try requireContext(spec, spec.location)
    guard let filter = spec.events else { throw ChartError.invalid(chart: spec.id, phase: .select, message: "no events selected") }
    var picked: [Event]
    if let ids = filter.ids {
      picked = []
      for id in ids {
        guard let e = ctx.dataset.events.first(where: { $0.id == id }) else {
          throw located(spec, filter.location, .select, "no event \"\(id)\"\(suggestion(id, ctx.dataset.events.map(\.id)))")
        }
        picked.append(e)
      }
    } else {
      picked = ctx.dataset.events.filter { e in
        guard let start = e.date.earliest ?? e.date.latest, let end = e.date.latest ?? e.date.earliest else { return false }
        if let from = filter.from, end.year < from { return false }
        if let to = filter.to, start.year > to { return false }
        if let cats = filter.categories { return e.category.map(cats.contains) ?? false }
        return true
      }
    }
    var events: [TimelineEvent] = []
    var sources: [String] = []
    for e in picked {
      guard let event = TimelineEvent(label: e.title, date: e.date) else { continue }
      events.append(event)
      if !sources.contains(e.source) { sources.append(e.source) }
    }
    guard !events.isEmpty else { throw located(spec, filter.location, .select, "no event falls in the selection") }
    return (events, sources)
  }

  // MARK: - frame

  func frame(_ spec: ChartSpec, _ data: [ChartDatum]) -> FrameText {
    var sources: [String] = []
    for d in data { for s in d.sources where !sources.contains(s) { sources.append(s) } }
    return frame(spec, sources: sources, derived: data.contains(where: \.derived))
  }

  /// Title, subtitle, notes and a source line built from the provenance of what is plotted.
  func frame(_ spec: ChartSpec, sources: [String], derived: Bool) -> FrameText {
    var notes = spec.notes
    if derived { notes.append("† Derived: computed by BriefKit from the reported figures; see the brief's methods.") }
    let line: String
    if let written = spec.source {
      line = written
    } else if sources.isEmpty {
      line = ""
    } else {
      let cited = sources.map { context?.citation($0) ?? $0 }
      line = (cited.count == 1 ? "Source: " : "Sources: ") + cited.joined(separator: "; ")
    }
    return FrameText(title: spec.title, subtitle: spec.subtitle, notes: notes, source: line)
  }

  // MARK: - errors

  func requireContext(_ spec: ChartSpec, _ at: SourceLocation) throws -> ChartContext {
    guard let context else { throw located(spec, at, .select, "the chart uses the dataset, but none was loaded") }
    return context
  }

  func located(_ spec: ChartSpec, _ at: SourceLocation, _ phase: ChartError.Phase, _ message: String) -> ChartError {
    .located(file: at.file, line: at.line, column: at.column, chart: spec.id, phase: phase, message: message)
  }

  func suggestion(_ id: String, _ known: [String]) -> String {
    Suggestion.didYouMean(id, among: known)
  }
}

extension BarChart {
  /// A bar chart of chart data: derived estimates show their interval as an error bar.
  init(id: String, frame: FrameText, tickSuffix: String, orientation: BarOrientation, rangeStyle: RangeStyle, items data: [ChartDatum]) {
    self.init(
      id: id, frame: frame,
      items: data.map {
        BarItem(label: $0.label, value: $0.value, valueLabel: $0.valueLabel, showsInterval: $0.derived, group: $0.group)
      },
      tickSuffix: tickSuffix, orientation: orientation, rangeStyle: rangeStyle)
  }
}
