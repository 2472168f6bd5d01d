import BriefModel
import CCmark

/// Consecutive text nodes of one inline container, joined.
///
/// cmark may split text where a character could have opened emphasis or a link
/// (`_`, `[`, `!`); joining the run before looking for `{{…}}` keeps
/// `{{bribe_pyongyang}}` whole.
struct TextRun {
  /// Where a node's literal starts in ``bytes``, and where cmark says it starts in the body.
  struct Piece {
    var offset: Int
    var line: Int
    var byteColumn: Int
  }

  /// The joined literals, UTF-8.
  var bytes: [UInt8] = []
  var pieces: [Piece] = []

  init(_ nodes: [CmarkNode]) {
    for node in nodes {
      pieces.append(Piece(offset: bytes.count, line: node.startLine, byteColumn: node.startColumn))
      node.appendLiteral(to: &bytes)
    }
  }

  /// The body line of the byte at `offset`, and cmark's idea of its 0-based byte offset in that line.
  func position(at offset: Int) -> (line: Int, hint: Int) {
    let piece = pieces.last { $0.offset <= offset } ?? pieces.first ?? Piece(offset: 0, line: 1, byteColumn: 1)
    return (piece.line, Swift.max(piece.byteColumn, 1) - 1 + offset - piece.offset)
  }
}

extension BodyReader {
  /// `{{` and `}}`.
  static let open = Array("{{".utf8)
  static let close = Array("}}".utf8)

  /// The inline content of a paragraph, heading, cell, emphasis or link.
  func inlines(of node: CmarkNode) throws -> [Inline] {
    var result: [Inline] = []
    var run: [CmarkNode] = []
    func flush() throws {
      guard !run.isEmpty else { return }
      result += try scan(TextRun(run))
      run = []
    }
    for child in node.children {
      if child.kind == .text {
        run.append(child)
        continue
      }
      try flush()
      switch child.kind {
      case .softBreak: result.append(.softBreak)
      case .lineBreak: result.append(.lineBreak)
      case .code: result.append(.code(child.literal))
      case .htmlInline: result.append(.text(child.literal))
      case .emphasis: result.append(.emphasis(try inlines(of: child)))
      case .strong: result.append(.strong(try inlines(of: child)))
      case .link: result.append(.link(url: child.url, try inlines(of: child)))
      case .image: throw imageError(child)
      default:
        let children = child.children
        if children.isEmpty {
          result.append(.text(child.literal))
        } else {
          result += try inlines(of: child)
        }
      }
    }
    try flush()
    return Self.joiningTexts(result)
  }

  /// Splits a text run into texts and placeholders; `\{{` written in the source stays text.
  func scan(_ run: TextRun) throws -> [Inline] {
    let bytes = run.bytes
    var result: [Inline] = []
    var index = 0
    var floor: (line: Int, offset: Int)?
    while let open = Self.firstIndex(of: Self.open, in: bytes, from: index) {
      if open > index { result.append(.text(String(decoding: bytes[index..<open], as: UTF8.self))) }
      var close = Self.firstIndex(of: Self.close, in: bytes, from: open + 2)
      if let end = close, let nested = Self.firstIndex(of: Self.open, in: bytes, from: open + 2), nested < end {
        close = nil
      }
      let token = close.map { Array(bytes[open..<($0 + 2)]) } ?? Self.open
      let (location, found) = locate(token, in: run, at: open, floor: floor)
      if source.isEscaped(line: location.line, byteOffset: found) {
        result.append(.text("{{"))
        floor = (location.line, found + 2)
        index = open + 2
        continue
      }
      guard let close else {
        let rest = String(decoding: bytes[open...].prefix(40), as: UTF8.self)
        throw DatasetError(
          at: location, field: "placeholder", expected: "'}}' closing the placeholder on the same line",
          found: "\"\(rest)\"")
      }
      floor = (location.line, found + token.count)
      result.append(.placeholder(try placeholder(token, location)))
      index = close + 2
    }
    if index < bytes.count { result.append(.text(String(decoding: bytes[index...], as: UTF8.self))) }
    return result
  }

  /// Reads `{{ID}}` or `{{ID.part}}`.
  func placeholder(_ token: [UInt8], _ location: SourceLocation) throws -> Placeholder {
    if let placeholder = Self.wellFormedPlaceholder(token, location) { return placeholder }
    let written = String(decoding: token, as: UTF8.self)
    let content = Self.trimmed(String(decoding: token.dropFirst(2).dropLast(2), as: UTF8.self))
    if content.hasPrefix("=") {
      // A formula: located at its first character, counted in characters as columns are.
      let inner = String(decoding: token.dropFirst(2).dropLast(2), as: UTF8.self)
      let formula = Self.trimmed(String(content.dropFirst()))
      guard !formula.isEmpty, let start = inner.range(of: formula) else {
        throw DatasetError(at: location, field: "placeholder", expected: "a formula after '=', as in {{= growth(a, b)}}", found: "\"\(written)\"")
      }
      let column = location.column + 2 + inner.distance(from: inner.startIndex, to: start.lowerBound)
      return Placeholder(
        id: "", part: .whole, location: SourceLocation(file: location.file, line: location.line, column: column), formula: formula)
    }
    if GeneratedForm(content) != nil {
      let isTable = content.hasPrefix(GeneratedForm.tablePrefix)
      throw DatasetError(
        at: location, field: isTable ? "table" : "key-figures",
        expected: "\(isTable ? "{{table:NAME}}" : "{{key-figures: ID, ID}}") alone in its own paragraph",
        found: "\"\(written)\" inside text")
    }
    let parts = content.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let id = parts.first, Self.isID(id) else {
      throw DatasetError(
        at: location, field: "placeholder",
        expected: "{{ID}}, {{ID.low}}, {{ID.high}} or {{ID.estimate}} with an id of letters, digits, '-' and '_'",
        found: "\"\(written)\"")
    }
    var part = Placeholder.Part.whole
    if parts.count == 2 {
      guard let named = Placeholder.Part(rawValue: String(parts[1])), named != .whole else {
        throw DatasetError(
          at: location, field: "placeholder", expected: "a part low, high or estimate after '.'",
          found: "\".\(parts[1])\" in \"\(written)\"")
      }
      part = named
    }
    return Placeholder(id: String(id), part: part, location: location)
  }

  /// Reads a well-formed `{{ID}}` or `{{ID.part}}` straight from its bytes; nil for anything
  /// else, which ``placeholder(_:_:)`` then explains.
  static func wellFormedPlaceholder(_ token: [UInt8], _ location: SourceLocation) -> Placeholder? {
    var start = 2
    var end = token.count - 2
    while start < end, token[start] == UInt8(ascii: " ") || token[start] == UInt8(ascii: "\t") { start += 1 }
    while end > start, token[end - 1] == UInt8(ascii: " ") || token[end - 1] == UInt8(ascii: "\t") { end -= 1 }
    var dot = end
    var index = start
    while index < end {
      let byte = token[index]
      if byte == UInt8(ascii: ".") {
        guard dot == end else { return nil }
        dot = index
      } else if !isIDByte(byte) {
        return nil
      }
      index += 1
    }
    guard dot > start else { return nil }
    let id = String(decoding: token[start..<dot], as: UTF8.self)
    guard dot < end else { return Placeholder(id: id, part: .whole, location: location) }
    let name = String(decoding: token[(dot + 1)..<end], as: UTF8.self)
    guard let part = Placeholder.Part(rawValue: name), part != .whole else { return nil }
    return Placeholder(id: id, part: part, location: location)
  }

  /// An image that is not a chart alone in its paragraph.
  func imageError(_ image: CmarkNode) -> DatasetError {
    let line = Swift.max(image.startLine, 1) + lineOffset
    let hint = Swift.max(image.startColumn, 1) - 1
    let offset = source.find(Array("![".utf8), line: line, hint: hint, floor: 0) ?? hint
    let location = SourceLocation(
      file: file, line: line, column: source.characterColumn(line: line, byteOffset: offset))
    if image.url.hasPrefix(Self.chartScheme) {
      return DatasetError(
        at: location, field: "chart",
        expected: "a chart alone in its own paragraph (charts are full-width figures)",
        found: "\"\(image.url)\" among other content")
    }
    return DatasetError(
      at: location, field: "image", expected: "only charts, ![alt text](chart:ID)",
      found: "an image of \"\(image.url)\"")
  }

  /// The location of `token`, found at `offset` of `run`, in the whole file, and its byte offset in its line.
  func locate(_ token: [UInt8], in run: TextRun, at offset: Int, floor: (line: Int, offset: Int)?)
    -> (SourceLocation, Int)
  {
    let (bodyLine, hint) = run.position(at: offset)
    let line = Swift.max(bodyLine, 1) + lineOffset
    let lowest = floor.flatMap { $0.line == line ? $0.offset : nil } ?? 0
    let found =
      source.find(token, line: line, hint: hint, floor: lowest)
      ?? source.find(Self.open, line: line, hint: hint, floor: lowest) ?? hint
    return (
      SourceLocation(file: file, line: line, column: source.characterColumn(line: line, byteOffset: found)), found
    )
  }

  /// Joins neighbouring texts and drops empty ones.
  static func joiningTexts(_ inlines: [Inline]) -> [Inline] {
    var result: [Inline] = []
    for inline in inlines {
      if case .text(let text) = inline {
        if text.isEmpty { continue }
        if case .text(let previous)? = result.last {
          result[result.count - 1] = .text(previous + text)
          continue
        }
      }
      result.append(inline)
    }
    return result
  }

  /// The first index of `needle` in `bytes` at or after `start`.
  static func firstIndex(of needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
    guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
    return bytes.withUnsafeBufferPointer { haystack in
      needle.withUnsafeBufferPointer { needle in
        var index = Swift.max(start, 0)
        let last = haystack.count - needle.count
        search: while index <= last {
          var offset = 0
          while offset < needle.count {
            if haystack[index + offset] != needle[offset] {
              index += 1
              continue search
            }
            offset += 1
          }
          return index
        }
        return nil
      }
    }
  }

  /// `text` without leading and trailing spaces and tabs.
  static func trimmed(_ text: String) -> String {
    var scalars = Substring(text)
    while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
    while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
    return String(scalars)
  }
}
