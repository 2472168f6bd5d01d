import BriefModel
import BriefScene
import Yams

/// Reads chart specs: a file with `charts:` (a list of specs), or one spec alone.
public enum ChartSpecLoader {
  static let fieldsAllowed = [
    "id", "kind", "title", "subtitle", "notes", "size", "date", "data", "select", "series", "events", "sort",
    "orientation", "ranges", "labels", "tick-suffix", "parts", "style", "bars", "source",
  ]

  /// Parses `WIDTHxHEIGHT` in points, each side from 1 to 14,400, as specs and the command line write sizes.
  public static func parseSize(_ text: String) -> Size? {
    YAMLReader.parseSize(text)
  }

  /// Parses a spec file's text; `file` names it in errors.
  public static func load(yaml text: String, file: String) throws -> [ChartSpec] {
    let (r, root) = try YAMLReader.parse(text, file: file)
    guard let root, !root.isNull else {
      throw r.error(nil, "charts", expected: "a chart spec or a list of charts", found: "an empty file")
    }
    var specs: [ChartSpec] = []
    if case .mapping(let map) = root, let list = map["charts"] {
      guard map.count == 1 else {
        throw r.error(root, "charts", expected: "only the key charts at the top of a list of charts")
      }
      for (i, node) in try r.list(list, "charts").enumerated() {
        specs.append(try spec(node, r: r, field: "charts[\(i + 1)]", defaultID: nil))
      }
    } else {
      let base = file.split(separator: "/").last.map(String.init) ?? "chart"
      let stem = base.split(separator: ".").first.map(String.init) ?? base
      specs.append(try spec(root, r: r, field: "", defaultID: stem))
    }
    var seen: [String: SourceLocation] = [:]
    for s in specs {
      if let first = seen[s.id] {
        throw DatasetError(at: s.location, field: "id", expected: "an id not used before (first at line \(first.line))", found: "\"\(s.id)\" again")
      }
      seen[s.id] = s.location
    }
    return specs
  }

  static func spec(_ node: Node, r: YAMLReader, field: String, defaultID: String?) throws -> ChartSpec {
    let fields = try r.fields(node, field, allowed: fieldsAllowed)
    func value(_ key: String) -> Node? { fields.first { $0.key == key }?.value }
    func p(_ key: String) -> String { r.path(field, key) }
    let location = node.location(in: r.file)

    var id = defaultID ?? ""
    if let n = value("id") {
      id = try r.string(n, p("id"))
      guard Self.isValidID(id) else {
        throw r.error(n, p("id"), expected: "an id of letters, digits, '-' and '_' (it names output files)")
      }
    } else if defaultID == nil {
      throw r.error(node, p("id"), expected: "an id", found: "none")
    }
    let kind: ChartSpec.Kind
    if let n = value("kind") { kind = try r.choice(n, p("kind"), as: ChartSpec.Kind.self) } else {
      kind = value("bars") != nil ? .bars : try { throw r.error(node, p("kind"), expected: "a kind (\(ChartSpec.Kind.allCases.map(\.rawValue).joined(separator: ", ")))", found: "none") }()
    }
    guard let titleNode = value("title") else { throw r.error(node, p("title"), expected: "a title", found: "none") }
    var spec = ChartSpec(
      id: id, kind: kind, title: try r.string(titleNode, p("title")),
      subtitle: try value("subtitle").map { try r.string($0, p("subtitle")) } ?? "",
      notes: try value("notes").map { try r.strings($0, p("notes")) } ?? [],
      size: try value("size").map { try r.size($0, p("size")) },
      date: nil, data: [], select: nil, series: [], events: nil,
      sort: try value("sort").map { try r.choice($0, p("sort"), as: ChartSpec.Sort.self) } ?? .none,
      orientation: try value("orientation").map { try r.choice($0, p("orientation"), as: BarOrientation.self) } ?? .horizontal,
      ranges: try value("ranges").map { try r.choice($0, p("ranges"), as: RangeStyle.self) } ?? .whisker,
      tickSuffix: try value("tick-suffix").map { try r.string($0, p("tick-suffix")) } ?? "",
      parts: ("Kept", "Taken"), source: try value("source").map { try r.string($0, p("source")) },
      styleOverrides: [], overridesReader: nil, location: location)

    if let n = value("labels") {
      spec.labels = try r.choice(n, p("labels"), as: CategoryLabels.self)
      guard spec.labels == .all || spec.kind == .dotRange || (spec.kind == .bars && spec.orientation == .horizontal) else {
        let chart = spec.kind == .bars ? "a \(spec.orientation.rawValue) bar chart" : "a \(spec.kind.rawValue) chart"
        throw r.error(n, p("labels"), expected: "all (thinned labels are for horizontal bar and dot-range charts)", found: "thinned on \(chart)")
      }
    }
    if let n = value("date") {
      let text = try r.string(n, p("date"))
      guard case .some(let d) = try? EDTFDate.parse(text), let day = d.earliest, d.latest == day else {
        throw r.error(n, p("date"), expected: "a day as YYYY-MM-DD")
      }
      spec.date = day
    }
    if let n = value("parts") {
      let names = try r.strings(n, p("parts"))
      guard names.count == 2 else { throw r.error(n, p("parts"), expected: "two labels, for the part shown and the rest") }
      spec.parts = (names[0], names[1])
    }
    if let n = value("style") {
      let sections = try r.fields(n, p("style"), allowed: ["chart", "fonts", "colors", "lines", "numbers", "dates"])
      spec.styleOverrides = sections.map { ($0.key, YAMLTree($0.value)) }
      spec.overridesReader = r
      _ = try spec.style(over: .standard)  // report bad overrides now, at load time
    }
    if let n = value("data") {
      for (i, item) in try r.list(n, p("data")).enumerated() {
        spec.data.append(try dataRef(item, r: r, field: "\(p("data"))[\(i + 1)]"))
      }
    }
    if let n = value("bars") {
      for (i, item) in try r.list(n, p("bars")).enumerated() {
        let f = "\(p("bars"))[\(i + 1)]"
        let bar = try r.fields(item, f, allowed: ["label", "value", "group"])
        guard let labelNode = bar.first(where: { $0.key == "label" })?.value else {
          throw r.error(item, r.path(f, "label"), expected: "a label", found: "none")
        }
        guard let valueNode = bar.first(where: { $0.key == "value" })?.value else {
          throw r.error(item, r.path(f, "value"), expected: "a value", found: "no value")
        }
        spec.data.append(
          ChartSpec.DataRef(
            target: .inline(try reported(valueNode, r: r, field: r.path(f, "value"))),
            label: try r.string(labelNode, r.path(f, "label")),
            group: try bar.first(where: { $0.key == "group" }).map { try r.string($0.value, r.path(f, "group")) },
            location: item.location(in: r.file)))
      }
    }
    if let n = value("select") {
      let allowed = ["family", "measure", "destination", "origin", "job", "sector", "source", "period"]
      let sel = try r.fields(n, p("select"), allowed: allowed)
      spec.select = ChartSpec.Selection(
        fields: try sel.map { ($0.key, try r.strings($0.value, r.path(p("select"), $0.key))) }, location: n.location(in: r.file))
    }
    if let n = value("series") {
      for (i, item) in try r.list(n, p("series")).enumerated() {
        let f = "\(p("series"))[\(i + 1)]"
        if case .scalar = item {
          spec.series.append((try r.string(item, f), nil))
        } else {
          let s = try r.fields(item, f, allowed: ["id", "label"])
          guard let idNode = s.first(where: { $0.key == "id" })?.value else { throw r.error(item, r.path(f, "id"), expected: "a series id", found: "none") }
          spec.series.append((try r.string(idNode, r.path(f, "id")), try s.first(where: { $0.key == "label" }).map { try r.string($0.value, r.path(f, "label")) }))
        }
      }
    }
    if let n = value("events") {
      var filter = ChartSpec.EventFilter(ids: nil, from: nil, to: nil, categories: nil, location: n.location(in: r.file))
      switch n {
      case .scalar:
        guard try r.string(n, p("events")) == "all" else {
          throw r.error(n, p("events"), expected: "all, a list of event ids, or {from, to, categories}")
        }
      case .sequence:
        filter.ids = try r.strings(n, p("events"))
      default:
        for f in try r.fields(n, p("events"), allowed: ["from", "to", "categories"]) {
          let fp = r.path(p("events"), f.key)
          switch f.key {
          case "from": filter.from = Int(try r.number(f.value, fp, in: 1000...3000))
          case "to": filter.to = Int(try r.number(f.value, fp, in: 1000...3000))
          default: filter.categories = try r.strings(f.value, fp)
          }
        }
      }
      spec.events = filter
    }
    try checkDataFits(spec, node: node, r: r, field: field)
    return spec
  }

  static func checkDataFits(_ spec: ChartSpec, node: Node, r: YAMLReader, field: String) throws {
    let hasValues = !spec.data.isEmpty || spec.select != nil
    switch spec.kind {
    case .bars, .dotRange, .stacked:
      guard hasValues else { throw r.error(node, r.path(field, "data"), expected: "data, bars or select for a \(spec.kind.rawValue) chart", found: "none") }
    case .tile:
      guard spec.data.count == 1 else {
        throw r.error(node, r.path(field, "data"), expected: "exactly one estimate or observation for a tile", found: "\(spec.data.count)")
      }
    case .line:
      guard !spec.series.isEmpty else { throw r.error(node, r.path(field, "series"), expected: "series for a line chart", found: "none") }
    case .timeline:
      guard spec.events != nil else { throw r.error(node, r.path(field, "events"), expected: "events for a timeline", found: "none") }
    }
  }

  static func dataRef(_ node: Node, r: YAMLReader, field: String) throws -> ChartSpec.DataRef {
    let f = try r.fields(node, field, allowed: ["estimate", "observation", "value", "label", "group"])
    func v(_ k: String) -> Node? { f.first { $0.key == k }?.value }
    let targets = ["estimate", "observation", "value"].filter { v($0) != nil }
    guard targets.count == 1 else {
      throw r.error(node, field, expected: "one of estimate, observation or value", found: targets.isEmpty ? "none" : targets.joined(separator: " and "))
    }
    let target: ChartSpec.DataRef.Target
    if let n = v("estimate") {
      target = .estimate(try r.string(n, r.path(field, "estimate")))
    } else if let n = v("observation") {
      target = .observation(try r.string(n, r.path(field, "observation")))
    } else {
      target = .inline(try reported(v("value") ?? node, r: r, field: r.path(field, "value")))
    }
    return ChartSpec.DataRef(
      target: target, label: try v("label").map { try r.string($0, r.path(field, "label")) },
      group: try v("group").map { try r.string($0, r.path(field, "group")) }, location: node.location(in: r.file))
  }

  static func reported(_ node: Node, r: YAMLReader, field: String) throws -> ReportedValue {
    let text = try r.string(node, field)
    do {
      return try ReportedValue.parse(text)
    } catch let e as ReportedValue.ParseError {
      throw r.error(node, field, expected: e.expected, found: e.found)
    }
  }

  /// Ids name output files: letters, digits, '-' and '_', not starting with '-' or '.'.
  static func isValidID(_ id: String) -> Bool {
    guard let first = id.unicodeScalars.first, first != "-", id.count <= 100 else { return false }
    return id.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_" }
  }
}
