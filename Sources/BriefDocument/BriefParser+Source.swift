/// A brief's text as UTF-8 bytes split into lines the way cmark splits them
/// (`\n`, `\r\n` or a lone `\r`), for turning cmark's byte positions into
/// locations in characters and for finding a placeholder's exact column.
struct SourceLines {
  /// The whole file.
  let bytes: [UInt8]
  /// Each line's bytes, without its line ending; line 1 first.
  let lines: [Range<Int>]

  init(_ text: String) {
    bytes = Array(text.utf8)
    var lines: [Range<Int>] = []
    var start = 0
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") {
        lines.append(start..<index)
        if byte == UInt8(ascii: "\r"), index + 1 < count, bytes[index + 1] == UInt8(ascii: "\n") {
          index += 1
        }
        start = index + 1
      }
      index += 1
    }
    if start < count { lines.append(start..<count) }
    self.lines = lines
  }

  /// The bytes of 1-based line `number`, or nil past the end.
  func line(_ number: Int) -> Range<Int>? {
    guard number >= 1, number <= lines.count else { return nil }
    return lines[number - 1]
  }

  /// Where line `number` (1-based) starts in ``bytes``; the end of the text past the last line.
  func start(ofLine number: Int) -> Int {
    line(number)?.lowerBound ?? bytes.count
  }

  /// The text of line `number` without its line ending.
  func text(ofLine number: Int) -> String {
    guard let range = line(number) else { return "" }
    return String(decoding: bytes[range], as: UTF8.self)
  }

  /// The 1-based column in Unicode scalars (as YAML marks count) of the byte at
  /// 0-based `offset` in line `number`.
  func characterColumn(line number: Int, byteOffset offset: Int) -> Int {
    guard let range = line(number) else { return Swift.max(offset, 0) + 1 }
    let end = Swift.min(range.lowerBound + Swift.max(offset, 0), range.upperBound)
    return bytes.withUnsafeBufferPointer { buffer in
      var column = 1
      var index = range.lowerBound
      while index < end {
        if buffer[index] & 0xC0 != 0x80 { column += 1 }
        index += 1
      }
      return column
    }
  }

  /// Whether the byte at 0-based `offset` of line `number` follows an odd number of
  /// backslashes, that is, was escaped in Markdown.
  func isEscaped(line number: Int, byteOffset offset: Int) -> Bool {
    guard let range = line(number) else { return false }
    var index = range.lowerBound + Swift.min(Swift.max(offset, 0), range.count) - 1
    var backslashes = 0
    while index >= range.lowerBound, bytes[index] == UInt8(ascii: "\\") {
      backslashes += 1
      index -= 1
    }
    return backslashes % 2 == 1
  }

  /// Where `token` occurs in line `number`, as a 0-based byte offset: the first
  /// occurrence at or after `hint`, else the last one before it, never before `floor`.
  ///
  /// cmark's columns of inline nodes are exact on a paragraph's first line but
  /// short by the indentation on continuation lines and off after a lazy
  /// continuation, and literals are shorter than their source where escapes or
  /// entities were decoded; searching from the hint finds the written text.
  func find(_ token: [UInt8], line number: Int, hint: Int, floor: Int) -> Int? {
    guard let range = line(number), !token.isEmpty, range.count >= token.count else { return nil }
    let lowest = Swift.max(floor, 0)
    let highest = range.count - token.count
    guard lowest <= highest else { return nil }
    return bytes.withUnsafeBufferPointer { buffer in
      token.withUnsafeBufferPointer { needle in
        func matches(_ offset: Int) -> Bool {
          let start = range.lowerBound + offset
          var index = 0
          while index < needle.count {
            if buffer[start + index] != needle[index] { return false }
            index += 1
          }
          return true
        }
        var offset = Swift.max(hint, lowest)
        while offset <= highest {
          if matches(offset) { return offset }
          offset += 1
        }
        offset = Swift.min(hint, highest + 1) - 1
        while offset >= lowest {
          if matches(offset) { return offset }
          offset -= 1
        }
        return nil
      }
    }
  }
}
