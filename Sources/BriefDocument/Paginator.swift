import BriefScene

/// A piece of the brief's flow, before it is cut into pages.
enum Flow {
  /// Lines of text that may break between pages (with at least two lines on each side).
  case lines(TextBlock)
  /// Something that never splits: a figure, a table, a row of tiles, a title block.
  case box(Box)
  /// Vertical space, dropped at the top of a page.
  case space(Double)
}

/// One line of text, laid out relative to its own top.
struct FlowLine {
  var height: Double
  var primitives: [Primitive]
  /// Note numbers whose markers are on this line.
  var notes: [Int]
  /// Link areas relative to the line's top: (rectangle, target).
  var links: [(Rect, String)]
}

/// Consecutive lines that belong together: a paragraph, a heading, a list item.
struct TextBlock {
  var lines: [FlowLine]
  /// Headings stay on the page of what follows them.
  var keepWithNext = false
  /// A named destination at the block's top, for the outline.
  var anchor: String?
}

/// An unbreakable block, laid out relative to its own top.
struct Box {
  var height: Double
  var primitives: [Primitive]
  var notes: [Int] = []
  var links: [(Rect, String)] = []
  var anchor: String?
  var keepWithNext = false
  /// A figure that may move to the top of the next page while the text after it fills this one.
  var floats = false
}

/// Cuts the flow into pages: lines break between pages keeping at least two
/// lines on each side (no widows or orphans), headings stay with what follows,
/// boxes never split, and each page keeps room at its foot for the notes its
/// lines cite.
struct Paginator {
  /// The area text may use on every page; the first page starts at `firstTop`.
  let content: Rect
  /// The height of a page's footnote area holding these notes (0 for none).
  let notesHeight: ([Int]) -> Double

  struct Page {
    var primitives: [Primitive] = []
    var notes: [Int] = []
    var anchors: [(String, Double)] = []
  }

  private(set) var pages: [Page] = [Page()]
  private var y: Double
  private var atTop = true

  init(content: Rect, notesHeight: @escaping ([Int]) -> Double) {
    self.content = content
    self.notesHeight = notesHeight
    self.y = content.minY
  }

  private var current: Page {
    get { pages[pages.count - 1] }
    set { pages[pages.count - 1] = newValue }
  }

  /// The room left on this page if `extraNotes` were added to its notes.
  private func room(_ extraNotes: [Int]) -> Double {
    let notes = current.notes + extraNotes
    return content.maxY - (notes.isEmpty ? 0 : notesHeight(notes)) - y
  }

  private mutating func newPage() {
    pages.append(Page())
    y = content.minY
    atTop = true
  }

  private mutating func place(_ prims: [Primitive], height: Double, notes: [Int], links: [(Rect, String)], anchor: String?) {
    if let anchor { current.anchors.append((anchor, y)) }
    current.primitives.append(.transform(offset: Point(0, y), scale: 1, prims))
    for (r, target) in links {
      current.primitives.append(.link(Rect(x: r.x, y: r.y + y, width: r.width, height: r.height), target: target))
    }
    current.notes += notes
    y += height
    atTop = false
  }

  /// The height the next flow item needs on the same page as a heading before it.
  private func leadHeight(_ flow: Flow?) -> (Double, [Int]) {
    switch flow {
    case .lines(let b)?:
      let first = b.lines.prefix(2)
      return (first.map(\.height).reduce(0, +), first.flatMap(\.notes))
    case .box(let b)?: return (b.height, b.notes)
    default: return (0, [])
    }
  }

  mutating func layout(_ flows: [Flow]) {
    var i = 0
    var held: Box?
    while i < flows.count {
      let flow = flows[i]
      let next = flows[(i + 1)...].first { if case .space = $0 { return false } else { return true } }
      // A held figure waits only for plain paragraphs that fit whole on this page.
      if let box = held {
        var fitsHere = false
        if case .lines(let b) = flow, !b.keepWithNext {
          fitsHere = b.lines.map(\.height).reduce(0, +) <= room(b.lines.flatMap(\.notes))
        } else if case .space = flow {
          fitsHere = true
        }
        if !fitsHere {
          newPage()
          place(box.primitives, height: box.height, notes: box.notes, links: box.links, anchor: box.anchor)
          held = nil
        }
      }
      switch flow {
      case .space(let h):
        if !atTop { y += min(h, max(0, room([]))) }
      case .box(let b) where b.floats && held == nil && !atTop && b.height > room(b.notes):
        held = b
      case .box(let b):
        var needed = b.height
        var notes = b.notes
        if b.keepWithNext {
          let (h, n) = leadHeight(next)
          needed += h
          notes += n
        }
        if needed > room(notes) && !atTop { newPage() }
        place(b.primitives, height: b.height, notes: b.notes, links: b.links, anchor: b.anchor)
      case .lines(let block):
        if block.keepWithNext {
          let own = block.lines.map(\.height).reduce(0, +)
          let (h, n) = leadHeight(next)
          if own + h > room(block.lines.flatMap(\.notes) + n) && !atTop { newPage() }
        }
        placeLines(block)
      }
      i += 1
    }
    if let box = held {
      newPage()
      place(box.primitives, height: box.height, notes: box.notes, links: box.links, anchor: box.anchor)
    }
  }

  private mutating func placeLines(_ block: TextBlock) {
    var start = 0
    var anchor = block.anchor
    let n = block.lines.count
    while start < n {
      // How many lines fit here, with their notes.
      var k = 0, h = 0.0
      var notes: [Int] = []
      while start + k < n {
        let line = block.lines[start + k]
        if h + line.height > room(notes + line.notes) { break }
        h += line.height
        notes += line.notes
        k += 1
      }
      let remaining = n - start
      if k < remaining {
        // Keep two lines together at the foot (no orphan) and two at the head of the next page (no widow).
        if block.keepWithNext || remaining <= 3 {
          k = 0
        } else {
          k = min(k, remaining - 2)
          if k < 2 { k = 0 }
        }
        if k == 0 && atTop {
          // Nothing fits even on an empty page: place what fits, at least one line.
          k = max(1, min(remaining, k))
        }
      }
      if k == 0 {
        newPage()
        continue
      }
      for j in start..<(start + k) {
        let line = block.lines[j]
        place(line.primitives, height: line.height, notes: line.notes, links: line.links, anchor: anchor)
        anchor = nil
      }
      start += k
      if start < n { newPage() }
    }
  }
}
