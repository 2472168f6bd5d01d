import BriefModel
import BriefScene
import Yams

/// Reads typed values from a YAML node tree, throwing a located `DatasetError`
/// (`file:line:column: error: field: expected …, found …`) at the first problem.
///
/// Style files, chart specs and brief front matter all read through it, so every
/// such error has the same form.
struct YAMLReader {
  let file: String

  /// Parses `text` with the dataset loader's limits (alias budget, nesting depth).
  static func parse(_ text: String, file: String) throws -> (YAMLReader, Node?) {
    switch YAMLDocument.parse(text: text, file: file) {
    case .success(let doc): return (YAMLReader(file: file), doc.root)
    case .failure(let error): throw error
    }
  }

  func error(_ node: Node?, _ field: String, expected: String, found: String? = nil) -> DatasetError {
    let location = node?.location(in: file) ?? SourceLocation(file: file, line: 1, column: 1)
    return DatasetError(at: location, field: field, expected: expected, found: found ?? node?.foundDescription ?? "nothing")
  }

  /// The entries of a mapping with string keys, in file order; unknown keys are an error.
  func fields(_ node: Node, _ field: String, allowed: [String]) throws -> [(key: String, keyNode: Node, value: Node)] {
    guard case .mapping(let map) = node else { throw error(node, field, expected: "a mapping of fields") }
    var out: [(String, Node, Node)] = []
    for (k, v) in map {
      guard case .scalar(let s) = k else { throw error(k, field, expected: "a field name") }
      let name = s.string
      let path = field.isEmpty ? name : "\(field).\(name)"
      guard allowed.contains(name) else {
        throw error(k, path, expected: "one of \(allowed.joined(separator: ", "))", found: "unknown field \"\(name)\"")
      }
      out.append((name, k, v))
    }
    return out
  }

  func path(_ parent: String, _ key: String) -> String { parent.isEmpty ? key : "\(parent).\(key)" }

  func list(_ node: Node, _ field: String) throws -> [Node] {
    guard case .sequence(let seq) = node else { throw error(node, field, expected: "a list") }
    return Array(seq)
  }

  func string(_ node: Node, _ field: String) throws -> String {
    guard case .scalar(let s) = node, !node.isNull else { throw error(node, field, expected: "text") }
    return s.string
  }

  /// A list of texts, or one text standing for a list of one.
  func strings(_ node: Node, _ field: String) throws -> [String] {
    if case .scalar = node { return [try string(node, field)] }
    return try list(node, field).enumerated().map { try string($0.element, "\(field)[\($0.offset + 1)]") }
  }

  /// A finite number within `range`.
  func number(_ node: Node, _ field: String, in range: ClosedRange<Double>) throws -> Double {
    let expected = "a number from \(NumberFormat.plain(range.lowerBound)) to \(NumberFormat.plain(range.upperBound))"
    guard case .scalar(let s) = node, let v = Double(s.string), v.isFinite, range.contains(v) else {
      throw error(node, field, expected: expected)
    }
    return v
  }

  func bool(_ node: Node, _ field: String) throws -> Bool {
    guard case .scalar(let s) = node else { throw error(node, field, expected: "true or false") }
    switch s.string {
    case "true", "yes", "on": return true
    case "false", "no", "off": return false
    default: throw error(node, field, expected: "true or false")
    }
  }

  /// `#rgb`, `#rrggbb` or `#rrggbbaa`.
  func color(_ node: Node, _ field: String) throws -> Color {
    guard case .scalar(let s) = node, let c = Color(hex: s.string) else {
      throw error(node, field, expected: "a colour as #rrggbb")
    }
    return c
  }

  /// `WIDTHxHEIGHT` in points, each from 1 to 14,400.
  func size(_ node: Node, _ field: String) throws -> Size {
    guard case .scalar(let s) = node, let size = Self.parseSize(s.string) else {
      throw error(node, field, expected: "WIDTHxHEIGHT in points, e.g. 640x400")
    }
    return size
  }

  /// One of the given words.
  func choice<T: RawRepresentable & CaseIterable>(_ node: Node, _ field: String, as: T.Type) throws -> T
  where T.RawValue == String {
    guard case .scalar(let s) = node, let v = T(rawValue: s.string) else {
      throw error(node, field, expected: "one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
    }
    return v
  }

  /// Parses `WIDTHxHEIGHT` with finite sides from 1 to 14,400 points.
  static func parseSize(_ text: String) -> Size? {
    let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
    guard parts.count == 2, let w = Double(parts[0]), let h = Double(parts[1]),
      (1...14_400).contains(w), (1...14_400).contains(h)
    else { return nil }
    return Size(width: w, height: h)
  }
}
