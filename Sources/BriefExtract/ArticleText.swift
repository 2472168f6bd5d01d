/// An article's text as Unicode scalars, with what the extractor needs to read it: a lowercase
/// copy, its sentences, and the spans whose numbers are never figures (headings and link lists,
/// bylines, phone numbers, addresses and links).
///
/// Offsets everywhere are counts of Unicode scalars from the start of the file, half-open
/// (`[start, end)`): the indices Python's `str` uses, so a reviewer's script can slice the file
/// with them.
struct ArticleText {
  /// The scalars as written.
  let scalars: [Unicode.Scalar]
  /// The scalars with ASCII letters lowercased, curly quotes made straight and dashes kept.
  let lower: [Unicode.Scalar]
  /// Sentence spans, in order.
  private(set) var sentences: [Range<Int>] = []
  /// Spans whose numbers are not figures, in order.
  private(set) var skipped: [Range<Int>] = []

  init(_ text: String, markdown: Bool) {
    scalars = Array(text.unicodeScalars)
    lower = scalars.map(ArticleText.fold)
    sentences = ArticleText.sentences(lower, markdown: markdown)
    skipped = ArticleText.skippedSpans(scalars, lower, markdown: markdown)
  }

  var count: Int { scalars.count }

  subscript(_ i: Int) -> Unicode.Scalar { i >= 0 && i < lower.count ? lower[i] : " " }

  /// The original text of a span.
  func text(_ range: Range<Int>) -> String {
    let r = range.clamped(to: 0..<scalars.count)
    var s = String.UnicodeScalarView()
    s.append(contentsOf: scalars[r])
    return String(s)
  }

  /// Whether `offset` lies in a span whose numbers are not figures.
  func isSkipped(_ offset: Int) -> Bool {
    var low = 0, high = skipped.count
    while low < high {
      let mid = (low + high) / 2
      if skipped[mid].upperBound <= offset { low = mid + 1 } else { high = mid }
    }
    return low < skipped.count && skipped[low].contains(offset)
  }

  static func fold(_ c: Unicode.Scalar) -> Unicode.Scalar {
    switch c.value {
    case 0x41...0x5A: return Unicode.Scalar(c.value + 32) ?? c
    case 0x2018, 0x2019: return "'"
    case 0x201C, 0x201D: return "\""
    case 0xA0, 0x2009, 0x202F: return " "
    default: return c
    }
  }

  static func isLetter(_ c: Unicode.Scalar) -> Bool {
    if c.isASCII { return (c.value >= 0x61 && c.value <= 0x7A) || (c.value >= 0x41 && c.value <= 0x5A) }
    return c.properties.isAlphabetic
  }

  static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

  static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c.value == 0xA0 }

  static func isUpper(_ c: Unicode.Scalar) -> Bool {
    c.isASCII ? (c.value >= 0x41 && c.value <= 0x5A) : c.properties.isUppercase
  }

  // MARK: - Sentences

  /// Words after which a full stop does not end a sentence.
  static let abbreviations: Set<String> = [
    "mr", "mrs", "ms", "dr", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "no", "vs", "jr", "sr", "inc", "co", "corp", "gov", "gen", "col", "lt", "sgt", "prof", "approx",
    "est", "fig", "vol", "pp", "ca", "etc",
  ]

  static func sentences(_ t: [Unicode.Scalar], markdown: Bool) -> [Range<Int>] {
    var result: [Range<Int>] = []
    var start = 0
    var i = 0
    func close(_ end: Int) {
      var s = start, e = end
      while s < e && isSpace(t[s]) { s += 1 }
      while e > s && isSpace(t[e - 1]) { e -= 1 }
      if s < e { result.append(s..<e) }
      start = end
    }
    while i < t.count {
      let c = t[i]
      if c == "\n" {
        // Plain text: a line is a paragraph. Markdown: a blank line or a block start ends one.
        if !markdown {
          close(i)
        } else {
          var j = i + 1
          while j < t.count && (t[j] == " " || t[j] == "\t") { j += 1 }
          let next = j < t.count ? t[j] : "\n"
          if next == "\n" || next == "#" || next == "-" || next == "*" || next == ">" || next == "|" || next == "+" {
            close(i)
          }
        }
        i += 1
        continue
      }
      if c == "." || c == "!" || c == "?" || c == "…" {
        var j = i + 1
        while j < t.count && (t[j] == "\"" || t[j] == "'" || t[j] == ")" || t[j] == "." || t[j] == "!" || t[j] == "?") { j += 1 }
        guard j < t.count, t[j] == " " || t[j] == "\t" else { i = j; continue }
        var k = j
        while k < t.count && (t[k] == " " || t[k] == "\t") { k += 1 }
        if c == "." && isAbbreviation(t, before: i) { i = k; continue }
        close(j)
        i = k
        continue
      }
      i += 1
    }
    close(t.count)
    return result
  }

  /// Whether the word ending at `dot` (exclusive) is an abbreviation or a single letter (`U.S.`).
  static func isAbbreviation(_ t: [Unicode.Scalar], before dot: Int) -> Bool {
    var s = dot
    while s > 0 && isLetter(t[s - 1]) && dot - s < 12 { s -= 1 }
    guard s < dot else { return false }
    if dot - s == 1 { return true }
    var word = ""
    word.unicodeScalars.append(contentsOf: t[s..<dot])
    return abbreviations.contains(word)
  }

  // MARK: - Spans that hold no figures

  static func skippedSpans(_ original: [Unicode.Scalar], _ t: [Unicode.Scalar], markdown: Bool) -> [Range<Int>] {
    var spans: [Range<Int>] = []
    // Lines: headings, lists of headlines (page furniture) and bylines.
    var lineStart = 0
    for i in 0...t.count where i == t.count || t[i] == "\n" {
      let line = lineStart..<i
      if isFurniture(original, t, line, markdown: markdown) { spans.append(line) }
      lineStart = i + 1
    }
    // Links, addresses and file names: a run without spaces holding "@", "://", "www." or ".jpg".
    var i = 0
    while i < t.count {
      guard !isSpace(t[i]) else { i += 1; continue }
      var j = i
      var marked = false
      while j < t.count && !isSpace(t[j]) {
        if t[j] == "@" || (t[j] == ":" && j + 2 < t.count && t[j + 1] == "/" && t[j + 2] == "/") { marked = true }
        if t[j] == "." && j + 1 < t.count && isLetter(t[j + 1]) && j > i && isLetter(t[j - 1]) {
          // "www." or a file extension such as ".jpg"; not "U.S." (one letter each side).
          let before = j - 1 > i && isLetter(t[j - 2])
          let after = j + 2 < t.count && isLetter(t[j + 2])
          if before && after { marked = true }
        }
        j += 1
      }
      if marked { spans.append(i..<j) }
      i = j
    }
    // Phone numbers: three or more groups of digits joined by spaces, dashes, dots or brackets,
    // seven digits or more, none of them grouped by thousands.
    i = 0
    while i < t.count {
      guard isDigit(t[i]) || (t[i] == "+" && i + 1 < t.count && isDigit(t[i + 1])) || (t[i] == "(" && i + 1 < t.count && isDigit(t[i + 1])) else {
        i += 1
        continue
      }
      if i > 0 && (isDigit(t[i - 1]) || isLetter(t[i - 1]) || t[i - 1] == "," || t[i - 1] == ".") {
        i += 1
        continue
      }
      var j = i, digits = 0, groups = 0, inGroup = false, commas = false
      while j < t.count {
        let c = t[j]
        if isDigit(c) {
          digits += 1
          if !inGroup { groups += 1; inGroup = true }
        } else if c == " " || c == "-" || c == "." || c == "(" || c == ")" || c == "+" {
          if c == " " && j + 1 < t.count && !isDigit(t[j + 1]) && t[j + 1] != "(" && t[j + 1] != "-" { break }
          inGroup = false
        } else if c == "," {
          commas = true
          break
        } else {
          break
        }
        j += 1
      }
      let plus = t[i] == "+"
      if !commas && digits >= 7 && (groups >= 3 || (plus && groups >= 2)) {
        var e = j
        while e > i && !isDigit(t[e - 1]) { e -= 1 }
        spans.append(i..<e)
        i = j
      } else {
        i = Swift.max(j, i + 1)
      }
    }
    spans.sort { $0.lowerBound < $1.lowerBound }
    return spans
  }

  /// A heading, a line of headlines, a caption credit or a byline: its numbers are not reported figures.
  static func isFurniture(_ o: [Unicode.Scalar], _ t: [Unicode.Scalar], _ line: Range<Int>, markdown: Bool) -> Bool {
    var s = line.lowerBound
    while s < line.upperBound && isSpace(t[s]) { s += 1 }
    guard s < line.upperBound else { return false }
    if markdown && t[s] == "#" { return true }
    // Bylines: "By Name", "Reported by …", short lines that name people, not figures.
    let head = String(String.UnicodeScalarView(t[s..<Swift.min(line.upperBound, s + 40)]))
    let length = line.upperBound - s
    let byName = head.hasPrefix("by ") && s + 3 < line.upperBound && isUpper(o[s + 3])
      && !Lexicon.months.keys.contains(where: { head.dropFirst(3).hasPrefix($0) })
    if length < 120
      && (byName || head.hasPrefix("reported by ") || head.hasPrefix("written by ")
        || head.hasPrefix("translated by ") || head.hasPrefix("edited by ") || head.hasPrefix("photo:") || head.hasPrefix("image:"))
    {
      return true
    }
    // Title Case: most words of four letters or more start with a capital.
    var words = 0, capitals = 0, i = s
    while i < line.upperBound {
      guard isLetter(o[i]) else { i += 1; continue }
      let start = i
      while i < line.upperBound && (isLetter(o[i]) || o[i] == "'" || o[i] == "’") { i += 1 }
      if i - start >= 4 {
        words += 1
        if isUpper(o[start]) { capitals += 1 }
      }
    }
    return words >= 3 && capitals * 10 >= words * 7
  }
}
