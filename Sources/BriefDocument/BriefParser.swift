import BriefModel

/// Parses a brief (YAML front matter between `---` lines, then a CommonMark body
/// with GFM tables) into a ``BriefSpec``.
///
/// ```swift
/// let spec = try BriefParser.parse(text: text, file: "seeds/briefs/2026-11.md")
/// for block in spec.blocks { … }
/// ```
///
/// Every problem is a `DatasetError` located in the whole file
/// (`brief.md:14:23: error: placeholder: expected …, found …`); columns count
/// Unicode scalars, as YAML marks do. Parsing stops at the first problem in file order.
///
/// Beyond CommonMark:
/// - `![alt text](chart:ID)` alone in a paragraph is a ``Block/chart(id:alt:_:)``;
///   any other image, or a chart among other text, is an error.
/// - `{{ID}}`, `{{ID.low}}`, `{{ID.high}}`, `{{ID.estimate}}` in text are
///   ``Inline/placeholder(_:)``; IDs are ASCII letters, digits, `-` and `_`.
///   Code spans, code blocks and `\{{` stay literal.
/// - `{{table:NAME}}` and `{{key-figures: ID, ID}}` (one to four ids), each alone
///   in a paragraph, are ``Block/generatedTable(name:_:)`` and ``Block/keyFigures(ids:_:)``.
/// - Raw HTML is kept as literal text, never interpreted.
public enum BriefParser {
  /// Parses `text`, reporting problems as coming from `file`.
  ///
  /// - Throws: `DatasetError`, the first problem in the file.
  public static func parse(text: String, file: String) throws -> BriefSpec {
    let source = SourceLines(text)
    let split = try FrontMatterSplit(source: source, file: file)
    let frontMatter = try FrontMatterReader(file: file, lineOffset: 1, split: split).read()
    let document = try CmarkDocument.parse(source.bytes[split.bodyStart...]) { problem in
      DatasetError(
        file: file, line: split.closingLine + 1, column: 1, field: "markdown",
        expected: "a body cmark-gfm can parse", found: problem)
    }
    let reader = BodyReader(source: source, file: file, lineOffset: split.closingLine)
    let blocks = try withExtendedLifetime(document) {
      try reader.checkLimits(document.root)
      return try reader.blocks(of: document.root)
    }
    return BriefSpec(file: file, frontMatter: frontMatter, blocks: blocks)
  }
}

/// Where the front matter and the body lie in a brief's text.
struct FrontMatterSplit {
  /// The YAML between the `---` lines, line endings included.
  var yaml: String
  /// The 1-based line of the closing `---`; the body starts on the next line.
  var closingLine: Int
  /// The body's first byte.
  var bodyStart: Int

  /// Finds the `---` lines: the first line of the file and the next one.
  init(source: SourceLines, file: String) throws {
    let expectedOpening = "a '---' line opening the YAML front matter on the first line"
    guard let first = source.line(1) else {
      throw DatasetError(
        file: file, line: 1, column: 1, field: "front matter", expected: expectedOpening,
        found: "an empty file")
    }
    var firstLine = source.bytes[first]
    if firstLine.starts(with: [0xEF, 0xBB, 0xBF]) { firstLine = firstLine.dropFirst(3) }
    guard Self.isDelimiter(firstLine) else {
      throw DatasetError(
        file: file, line: 1, column: 1, field: "front matter", expected: expectedOpening,
        found: Self.quoted(source.text(ofLine: 1)))
    }
    var closing: Int?
    var number = 2
    while let range = source.line(number) {
      if Self.isDelimiter(source.bytes[range]) {
        closing = number
        break
      }
      number += 1
    }
    guard let closing else {
      throw DatasetError(
        file: file, line: 1, column: 1, field: "front matter",
        expected: "a '---' line closing the front matter opened here", found: "the end of the file")
    }
    let yamlStart = source.start(ofLine: 2)
    let yamlEnd = source.start(ofLine: closing)
    yaml = String(decoding: source.bytes[yamlStart..<Swift.max(yamlStart, yamlEnd)], as: UTF8.self)
    closingLine = closing
    bodyStart = source.start(ofLine: closing + 1)
  }

  /// `---`, optionally followed by spaces or tabs.
  static func isDelimiter(_ line: ArraySlice<UInt8>) -> Bool {
    guard line.starts(with: Array("---".utf8)) else { return false }
    return line.dropFirst(3).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
  }

  /// A line for an error's "found" part, in quotes and cut at 60 characters.
  static func quoted(_ text: String) -> String {
    text.count > 60 ? "\"\(text.prefix(57))...\"" : "\"\(text)\""
  }
}
