import BriefModel
import Yams

/// Reads the YAML between a brief's `---` lines into a ``FrontMatter``.
///
/// YAML marks count from the front matter's first line; `lineOffset` (1, for the
/// opening `---`) turns them into lines of the whole brief.
struct FrontMatterReader {
  /// The keys a front matter may have, in the order error messages list them.
  static let keys = ["title", "subtitle", "period", "authors", "organisation", "style", "classification", "language"]

  var file: String
  var lineOffset: Int
  var split: FrontMatterSplit

  /// Parses and checks the front matter.
  ///
  /// - Throws: `DatasetError` at the first problem: invalid YAML, a value of the
  ///   wrong kind, an unknown key, a missing title.
  func read() throws -> FrontMatter {
    let document: YAMLDocument
    switch YAMLDocument.parse(text: split.yaml, file: file) {
    case .success(let parsed): document = parsed
    case .failure(let error):
      var shifted = error
      shifted.line += lineOffset
      throw shifted
    }
    let opening = SourceLocation(file: file, line: 1, column: 1)
    guard let root = document.root, !root.isNull else {
      throw DatasetError(at: opening, field: "title", expected: "a title in the front matter", found: "no front matter")
    }
    guard case .mapping(let mapping) = root else {
      throw DatasetError(
        at: location(root), field: "front matter", expected: "a mapping of keys to values",
        found: root.foundDescription)
    }
    var values: [String: Node] = [:]
    for (key, value) in mapping {
      guard case .scalar(let scalar) = key, Self.keys.contains(scalar.string) else {
        throw DatasetError(
          at: location(key), field: key.scalar?.string ?? "front matter",
          expected: "one of the keys " + Self.keys.joined(separator: ", "),
          found: "unknown key \(key.foundDescription)")
      }
      values[scalar.string] = value
    }
    guard let titleNode = values["title"] else {
      throw DatasetError(at: opening, field: "title", expected: "a title in the front matter", found: "no title")
    }
    guard let title = try text(titleNode, "title"), !title.isEmpty else {
      throw DatasetError(at: location(titleNode), field: "title", expected: "a title", found: "an empty title")
    }
    var frontMatter = FrontMatter(title: title)
    if let node = values["subtitle"] { frontMatter.subtitle = try text(node, "subtitle") ?? "" }
    if let node = values["organisation"] { frontMatter.organisation = try text(node, "organisation") ?? "" }
    if let node = values["classification"] { frontMatter.classification = try text(node, "classification") ?? "" }
    if let node = values["style"] {
      frontMatter.style = try text(node, "style").flatMap { $0.isEmpty ? nil : $0 }
      if frontMatter.style != nil { frontMatter.styleLocation = location(node) }
    }
    if let node = values["period"] { frontMatter.period = try period(node) }
    if let node = values["authors"] { frontMatter.authors = try authors(node) }
    if let node = values["language"], let language = try text(node, "language") {
      guard Self.isLanguageTag(language) else {
        throw DatasetError(
          at: location(node), field: "language", expected: "a BCP 47 language tag like en, ko or en-GB",
          found: node.foundDescription)
      }
      frontMatter.language = language
    }
    return frontMatter
  }

  /// A node's location in the whole brief.
  func location(_ node: Node) -> SourceLocation {
    var location = node.location(in: file)
    location.line += lineOffset
    return location
  }

  /// A scalar's text; nil for null; an error for lists and mappings.
  func text(_ node: Node, _ field: String) throws -> String? {
    if node.isNull { return nil }
    guard case .scalar(let scalar) = node else {
      throw DatasetError(at: location(node), field: field, expected: "a text", found: node.foundDescription)
    }
    return scalar.string
  }

  /// The period, an EDTF date.
  func period(_ node: Node) throws -> EDTFDate? {
    guard let text = try text(node, "period") else { return nil }
    do {
      return try EDTFDate.parse(text)
    } catch let error as EDTFDate.ParseError {
      throw DatasetError(at: location(node), field: "period", expected: error.expected, found: error.found)
    } catch {
      throw DatasetError(
        at: location(node), field: "period", expected: EDTFDate.syntaxDescription, found: node.foundDescription)
    }
  }

  /// The authors: a list of names or one name.
  func authors(_ node: Node) throws -> [String] {
    if node.isNull { return [] }
    switch node {
    case .scalar(let scalar):
      return [scalar.string]
    case .sequence(let sequence):
      return try sequence.enumerated().map { index, entry in
        guard case .scalar(let scalar) = entry, !entry.isNull else {
          throw DatasetError(
            at: location(entry), field: "authors[\(index)]", expected: "a name", found: entry.foundDescription)
        }
        return scalar.string
      }
    default:
      throw DatasetError(
        at: location(node), field: "authors", expected: "a name or a list of names", found: node.foundDescription)
    }
  }

  /// Whether `text` looks like a BCP 47 tag: a 2–8 letter language, then `-` and 1–8 letters or digits.
  static func isLanguageTag(_ text: String) -> Bool {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard let language = parts.first, (2...8).contains(language.count),
      language.allSatisfy({ $0.isASCII && $0.isLetter })
    else { return false }
    return parts.dropFirst().allSatisfy { part in
      (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
    }
  }
}
