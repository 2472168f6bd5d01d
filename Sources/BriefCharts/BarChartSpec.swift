import BriefModel
import BriefScene
import Yams

/// A problem in a spec file, located at a line and column.
public struct SpecError: Error, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int
  public var field: String
  public var expected: String
  public var found: String

  public var description: String {
    "\(file):\(line):\(column): error: \(field): expected \(expected), found \(found)"
  }
}

/// Reads a bar chart spec file (YAML):
///
/// ```yaml
/// id: bribes-by-job
/// title: Bribes paid to be picked for work in Russia
/// subtitle: USD per person, early 2021
/// source: "Source: Daily NK, Feb 2021"
/// notes: [Pyongyang sources; figures as reported.]
/// size: 640x400
/// bars:
///   - {label: Construction, value: 1300}
///   - {label: Sinuiju, value: 3500..4000}
/// ```
public enum BarChartSpec {
  /// What a spec file holds besides the chart itself.
  public struct Loaded: Sendable {
    public var chart: BarChart
    /// The size the spec asks for, if any.
    public var size: Size?
    /// The chart's date as year, month, day, for document metadata; from `date: YYYY-MM-DD`.
    public var date: (year: Int, month: Int, day: Int)?
  }

  /// Parses a spec file's text; `file` names it in errors.
  public static func load(yaml: String, file: String) throws -> Loaded {
    let reader = SpecReader(file: file)
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: yaml) else {
        throw reader.error(at: nil, field: "document", expected: "a mapping with title and bars", found: "an empty file")
      }
      root = node
    } catch let e as SpecError {
      throw e
    } catch let e as YamlError {
      throw reader.yamlError(e)
    }
    let map = try reader.mapping(root, field: "document")
    try reader.checkKeys(map, allowed: ["id", "title", "subtitle", "source", "notes", "size", "date", "bars", "tick-suffix"])
    let title = try reader.string(map, "title", required: true)
    let id = try reader.string(map, "id", required: false)
    let subtitle = try reader.string(map, "subtitle", required: false)
    let source = try reader.string(map, "source", required: false)
    let tickSuffix = try reader.string(map, "tick-suffix", required: false)
    var notes: [String] = []
    if let n = map["notes"] {
      if case .scalar = n { notes = [try reader.scalarString(n, field: "notes")] } else {
        notes = try reader.sequence(n, field: "notes").map { try reader.scalarString($0, field: "notes") }
      }
    }
    var size: Size?
    if let s = map["size"] {
      let text = try reader.scalarString(s, field: "size")
      guard let parsed = parseSize(text) else {
        throw reader.error(at: s, field: "size", expected: "WIDTHxHEIGHT in points, e.g. 640x400", found: "\"\(text)\"")
      }
      size = parsed
    }
    var date: (Int, Int, Int)?
    if let d = map["date"] {
      let text = try reader.scalarString(d, field: "date")
      guard let parsed = parseDay(text) else {
        throw reader.error(at: d, field: "date", expected: "a day as YYYY-MM-DD", found: "\"\(text)\"")
      }
      date = parsed
    }
    guard let barsNode = map["bars"] else {
      throw reader.error(at: root, field: "bars", expected: "a list of bars", found: "no bars")
    }
    var items: [BarItem] = []
    for (i, node) in try reader.sequence(barsNode, field: "bars").enumerated() {
      let field = "bars[\(i + 1)]"
      let bar = try reader.mapping(node, field: field)
      try reader.checkKeys(bar, allowed: ["label", "value"], field: field)
      guard let label = try reader.string(bar, "label", required: true, prefix: field) else { continue }
      guard let valueNode = bar["value"] else {
        throw reader.error(at: node, field: "\(field).value", expected: "a value", found: "no value")
      }
      let text = try reader.scalarString(valueNode, field: "\(field).value")
      do {
        items.append(BarItem(label: label, value: try ReportedValue.parse(text)))
      } catch let e as ReportedValue.ParseError {
        throw reader.error(at: valueNode, field: "\(field).value", expected: e.expected, found: e.found)
      }
    }
    let chart = BarChart(
      id: id ?? "chart", frame: FrameText(title: title ?? "", subtitle: subtitle ?? "", notes: notes, source: source ?? ""),
      items: items, tickSuffix: tickSuffix ?? "")
    return Loaded(chart: chart, size: size, date: date)
  }

  /// Parses `YYYY-MM-DD` with a real calendar day.
  static func parseDay(_ text: String) -> (Int, Int, Int)? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m)
    else { return nil }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    guard d >= 1, d <= days[m - 1] else { return nil }
    return (y, m, d)
  }

  /// Parses `WIDTHxHEIGHT` with positive finite numbers.
  public static func parseSize(_ text: String) -> Size? {
    let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, let w = Double(parts[0]), let h = Double(parts[1]), w.isFinite, h.isFinite, w > 0, h > 0 else {
      return nil
    }
    return Size(width: w, height: h)
  }
}

/// Reads typed fields from Yams nodes and reports problems with their marks.
struct SpecReader {
  var file: String

  func error(at node: Node?, field: String, expected: String, found: String) -> SpecError {
    SpecError(file: file, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1, field: field, expected: expected, found: found)
  }

  func yamlError(_ e: YamlError) -> SpecError {
    switch e {
    case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _):
      return SpecError(file: file, line: mark.line, column: mark.column, field: "YAML", expected: "valid YAML", found: problem)
    default:
      return SpecError(file: file, line: 1, column: 1, field: "YAML", expected: "valid YAML", found: "\(e)")
    }
  }

  func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let s): return "\"\(s.string)\""
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
  }

  func mapping(_ node: Node, field: String) throws -> Node.Mapping {
    guard case .mapping(let m) = node else { throw error(at: node, field: field, expected: "a mapping", found: describe(node)) }
    return m
  }

  func sequence(_ node: Node, field: String) throws -> Node.Sequence {
    guard case .sequence(let s) = node else { throw error(at: node, field: field, expected: "a list", found: describe(node)) }
    return s
  }

  func scalarString(_ node: Node, field: String) throws -> String {
    guard case .scalar(let s) = node else { throw error(at: node, field: field, expected: "text", found: describe(node)) }
    return s.string
  }

  func string(_ map: Node.Mapping, _ key: String, required: Bool, prefix: String? = nil) throws -> String? {
    let field = prefix.map { "\($0).\(key)" } ?? key
    guard let node = map[key] else {
      if required {
        let anchor = Node.mapping(map)
        throw error(at: anchor, field: field, expected: "a \(key)", found: "no \(key)")
      }
      return nil
    }
    return try scalarString(node, field: field)
  }

  func checkKeys(_ map: Node.Mapping, allowed: [String], field: String? = nil) throws {
    for (k, _) in map {
      let name = (try? scalarString(k, field: "key")) ?? "?"
      if !allowed.contains(name) {
        let f = field.map { "\($0).\(name)" } ?? name
        throw error(at: k, field: f, expected: "one of \(allowed.joined(separator: ", "))", found: "unknown key \"\(name)\"")
      }
    }
  }
}
