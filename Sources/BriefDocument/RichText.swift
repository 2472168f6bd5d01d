import BriefModel
import BriefScene

/// Text with styled spans and note markers, built from inline Markdown.
struct RichText {
  private(set) var text = ""
  /// The text's Unicode scalars, for slicing lines out of it without decoding it again per line.
  private(set) var scalars: [Unicode.Scalar] = []
  /// Styled runs, in order and apart: each starts at or after the end of the one before.
  var spans: [TextSpan] = []
  /// Note markers: the scalar offset where each marker starts, and its number, in order.
  var notes: [(offset: Int, number: Int)] = []
  var length: Int { scalars.count }

  /// The style of the run being appended.
  struct State {
    var weight: FontWeight?
    var italic: Bool?
    var monospace = false
    var color: Color?
    var superscript = false

    var isPlain: Bool { weight == nil && italic == nil && !monospace && color == nil && !superscript }
  }

  mutating func append(_ s: String, _ state: State) {
    guard !s.isEmpty else { return }
    let n = s.unicodeScalars.count
    if !state.isPlain {
      spans.append(
        TextSpan(
          start: length, end: length + n, weight: state.weight, italic: state.italic, color: state.color,
          superscript: state.superscript, monospace: state.monospace))
    }
    text += s
    scalars += s.unicodeScalars
  }

  /// Appends a note marker: the number raised and small.
  mutating func appendNote(_ number: Int, color: Color?) {
    // A thin space keeps a marker from reading as an exponent of the number before it.
    append("\u{2009}", State())
    notes.append((length, number))
    append("\(number)", State(color: color, superscript: true))
  }

  /// The text from scalar offset `start` on one line, as a PDF outline shows it: without the note
  /// markers (each a thin space and a number), line breaks and no-break spaces as spaces, word
  /// joiners dropped.
  func plain(from start: Int = 0) -> String {
    var markers = Set<Int>()
    for note in notes { markers.formUnion((note.offset - 1)..<(note.offset + String(note.number).count)) }
    var out = String.UnicodeScalarView()
    for (k, scalar) in text.unicodeScalars.enumerated() where k >= start && !markers.contains(k) {
      switch scalar {
      case "\n", "\u{00A0}": out.append(" ")
      case "\u{2060}": continue
      default: out.append(scalar)
      }
    }
    return String(out)
  }

  /// The lines' slices of this text: the characters of [start, end) with trailing spaces
  /// dropped, their spans shifted, and the notes that fall in them.
  ///
  /// Costs the slice's length and its spans and notes, not the whole text's: a paragraph's
  /// lines are sliced in time linear in its length.
  func slice(_ start: Int, _ end: Int) -> (String, [TextSpan], [Int]) {
    var e = min(end, scalars.count)
    let s = min(max(0, start), e)
    while e > s, scalars[e - 1] == " " || scalars[e - 1] == "\n" { e -= 1 }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars[s..<e])
    var shifted: [TextSpan] = []
    var index = Self.first(in: spans.count) { spans[$0].end > s }
    while index < spans.count, spans[index].start < e {
      var copy = spans[index]
      copy.start = max(copy.start, s) - s
      copy.end = min(copy.end, e) - s
      if copy.start < copy.end { shifted.append(copy) }
      index += 1
    }
    var lineNotes: [Int] = []
    index = Self.first(in: notes.count) { notes[$0].offset >= s }
    while index < notes.count, notes[index].offset < max(e, s + 1) {
      lineNotes.append(notes[index].number)
      index += 1
    }
    return (String(out), shifted, lineNotes)
  }

  /// The first index below `count` for which `isPast` holds, `count` if none; `isPast` must
  /// hold from some index on (a binary search).
  static func first(in count: Int, where isPast: (Int) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if isPast(middle) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}

/// Turns inline Markdown into rich text, resolving live numbers into values with note markers.
struct InlineBuilder {
  var citations: Citations
  let linkColor: Color
  let noteColor: Color?

  mutating func build(_ inlines: [Inline], into rich: inout RichText, state: RichText.State = RichText.State()) throws {
    for inline in inlines {
      switch inline {
      case .text(let s):
        rich.append(s, state)
      case .emphasis(let children):
        var s = state
        s.italic = !(state.italic ?? false)
        try build(children, into: &rich, state: s)
      case .strong(let children):
        var s = state
        s.weight = .semibold
        try build(children, into: &rich, state: s)
      case .code(let s):
        var st = state
        st.monospace = true
        rich.append(s, st)
      case .link(_, let children):
        var s = state
        s.color = linkColor
        try build(children, into: &rich, state: s)
      case .softBreak:
        rich.append(" ", state)
      case .lineBreak:
        rich.append("\n", state)
      case .placeholder(let p):
        let (value, note) = try citations.resolve(p)
        rich.append(Self.unbreakable(value), state)
        rich.appendNote(note, color: noteColor)
      }
    }
  }

  /// A value kept on one line: no-break spaces, and a word joiner after each dash so "0–23.6%" stays whole.
  static func unbreakable(_ s: String) -> String {
    var out = ""
    for ch in s {
      switch ch {
      case " ": out.append("\u{00A0}")
      case "–", "-", "−": out.append(ch); out.append("\u{2060}")
      default: out.append(ch)
      }
    }
    return out
  }
}
