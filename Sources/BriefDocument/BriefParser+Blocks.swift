import BriefModel
import CCmark

/// Turns cmark-gfm's tree of a brief's body into ``Block``s.
///
/// cmark counts lines from the body's first line and columns in bytes; every
/// location here is in the whole file, columns in Unicode scalars.
struct BodyReader {
  var source: SourceLines
  var file: String
  /// Lines before the body (the front matter and its `---` lines).
  var lineOffset: Int

  /// The blocks under `node` (the document, a block quote or a list item).
  func blocks(of node: CmarkNode) throws -> [Block] {
    try node.children.map(block)
  }

  /// One block; an error for a kind of node a brief cannot hold.
  func block(_ node: CmarkNode) throws -> Block {
    let location = self.location(of: node)
    switch node.kind {
    case .paragraph:
      return try paragraph(node, location)
    case .heading:
      return .heading(level: Swift.min(Swift.max(node.headingLevel, 1), 6), try inlines(of: node), location)
    case .list:
      let items = try node.children.map { try blocks(of: $0) }
      return .list(ordered: node.isOrderedList, start: node.isOrderedList ? node.listStart : 1, items: items, location)
    case .blockQuote:
      return .quote(try blocks(of: node), location)
    case .codeBlock:
      var code = node.literal
      if code.hasSuffix("\n") { code.removeLast() }
      return .code(code, location)
    case .htmlBlock:
      return htmlBlock(node.literal, location)
    case .thematicBreak:
      return .rule(location)
    case .table:
      return try table(node, location)
    default:
      throw DatasetError(
        at: location, field: "markdown",
        expected: "headings, paragraphs, lists, quotes, tables, code or rules",
        found: "a \(node.typeString)")
    }
  }

  /// Raw HTML, kept as the literal text it was written as, line by line.
  func htmlBlock(_ literal: String, _ location: SourceLocation) -> Block {
    var text = literal
    while text.hasSuffix("\n") { text.removeLast() }
    var inlines: [Inline] = []
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      if index > 0 { inlines.append(.lineBreak) }
      inlines.append(.text(String(line)))
    }
    return .paragraph(inlines, location)
  }

  /// A paragraph, or the chart, generated table or key figures it stands for alone.
  func paragraph(_ node: CmarkNode, _ location: SourceLocation) throws -> Block {
    let children = node.children
    if children.count == 1, let image = children.first, image.kind == .image,
      image.url.hasPrefix(Self.chartScheme)
    {
      return try chart(image, location)
    }
    if let block = try generatedBlock(children, location) { return block }
    return .paragraph(try inlines(of: node), location)
  }

  /// The scheme of a chart image's destination.
  static let chartScheme = "chart:"

  /// `![alt](chart:ID)` alone in a paragraph.
  func chart(_ image: CmarkNode, _ location: SourceLocation) throws -> Block {
    let id = String(image.url.dropFirst(Self.chartScheme.count))
    guard Self.isID(id) else {
      throw DatasetError(
        at: location, field: "chart",
        expected: "a chart id of letters, digits, '-' and '_' after 'chart:'",
        found: "\"\(image.url)\"")
    }
    return .chart(id: id, alt: plainText(of: image), location)
  }

  /// `{{table:NAME}}` or `{{key-figures: ID, …}}` alone in a paragraph; nil for other paragraphs.
  func generatedBlock(_ children: [CmarkNode], _ location: SourceLocation) throws -> Block? {
    guard !children.isEmpty, children.allSatisfy({ $0.kind == .text }) else { return nil }
    let text = children.map(\.literal).joined()
    let bytes = Array(text.utf8)
    guard bytes.starts(with: Self.open), bytes.count >= 4,
      let close = Self.firstIndex(of: Self.close, in: bytes, from: 2), close == bytes.count - 2
    else { return nil }
    let content = Self.trimmed(String(decoding: bytes[2..<close], as: UTF8.self))
    guard let form = GeneratedForm(content) else { return nil }
    let run = TextRun(children)
    let (at, offset) = locate(bytes, in: run, at: 0, floor: nil)
    guard !source.isEscaped(line: at.line, byteOffset: offset) else { return nil }
    switch form {
    case .table(let name):
      guard Self.isID(name) else {
        throw DatasetError(
          at: at, field: "table", expected: "{{table:NAME}} with a name of letters, digits, '-' and '_'",
          found: "\"\(text)\"")
      }
      return .generatedTable(name: name, location)
    case .keyFigures(let ids):
      guard (1...4).contains(ids.count), ids.allSatisfy(Self.isID) else {
        throw DatasetError(
          at: at, field: "key-figures",
          expected: "{{key-figures: ID, ID}} with one to four ids of letters, digits, '-' and '_' separated by commas",
          found: "\"\(text)\"")
      }
      guard Set(ids).count == ids.count else {
        throw DatasetError(
          at: at, field: "key-figures", expected: "each id once", found: "\"\(text)\"")
      }
      return .keyFigures(ids: ids, location)
    }
  }

  /// A GFM table; rows are padded or cut to the header's number of columns.
  func table(_ node: CmarkNode, _ location: SourceLocation) throws -> Block {
    let columns = node.tableColumns
    var header: [[Inline]] = []
    var rows: [[[Inline]]] = []
    for row in node.children {
      var cells = try row.children.filter { $0.kind == .tableCell }.map { try inlines(of: $0) }
      if cells.count < columns { cells += Array(repeating: [], count: columns - cells.count) }
      if cells.count > columns { cells.removeLast(cells.count - columns) }
      if row.kind == .tableHeader && header.isEmpty && rows.isEmpty {
        header = cells
      } else {
        rows.append(cells)
      }
    }
    return .table(header: header, alignments: node.tableAlignments, rows: rows, location)
  }

  /// The text of an image's description, for a chart's alt text.
  func plainText(of node: CmarkNode) -> String {
    node.children.map { child -> String in
      switch child.kind {
      case .text, .code, .htmlInline: return child.literal
      case .softBreak, .lineBreak: return " "
      default: return plainText(of: child)
      }
    }.joined()
  }

  // MARK: - Locations

  /// A node's start in the whole file.
  func location(of node: CmarkNode) -> SourceLocation {
    location(line: node.startLine, byteColumn: node.startColumn)
  }

  /// A body line and 1-based byte column as a location in the whole file.
  func location(line: Int, byteColumn: Int) -> SourceLocation {
    let fileLine = Swift.max(line, 1) + lineOffset
    return SourceLocation(
      file: file, line: fileLine,
      column: source.characterColumn(line: fileLine, byteOffset: Swift.max(byteColumn, 1) - 1))
  }

  /// Whether `text` is a placeholder, chart or table id: ASCII letters, digits, `-` and `_`.
  static func isID<S: StringProtocol>(_ text: S) -> Bool {
    !text.isEmpty && text.utf8.allSatisfy(isIDByte)
  }

  /// Whether `byte` may appear in an id.
  static func isIDByte(_ byte: UInt8) -> Bool {
    (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
      || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
      || byte == UInt8(ascii: "_")
  }
}

/// The paragraph-level forms of `{{…}}`.
enum GeneratedForm: Equatable {
  case table(String)
  case keyFigures([String])

  static let tablePrefix = "table:"
  static let keyFiguresPrefix = "key-figures:"

  /// Reads the text between the braces; nil when it is neither form.
  init?(_ content: String) {
    if content.hasPrefix(Self.tablePrefix) {
      self = .table(BodyReader.trimmed(String(content.dropFirst(Self.tablePrefix.count))))
    } else if content.hasPrefix(Self.keyFiguresPrefix) {
      let list = BodyReader.trimmed(String(content.dropFirst(Self.keyFiguresPrefix.count)))
      self = .keyFigures(
        list.isEmpty
          ? []
          : list.split(separator: ",", omittingEmptySubsequences: false).map {
            BodyReader.trimmed(String($0))
          })
    } else {
      return nil
    }
  }
}
