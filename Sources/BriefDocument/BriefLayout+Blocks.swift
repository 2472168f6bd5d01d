import BriefCharts
import BriefModel
import BriefScene

extension BriefLayout {
  /// The flow of one block, indented by `indent` points.
  func flows(_ block: Block, state: inout BuildState, indent: Double) throws -> [Flow] {
    try checkRoom(indent: indent, at: block.location)
    let gap = page.bodySize * 0.7
    switch block {
    case .heading(let level, let inlines, _):
      return [.space(page.bodySize * (level == 1 ? 1.4 : 1.0)), .lines(try heading(level, inlines, state: &state)), .space(page.bodySize * 0.4)]
    case .paragraph(let inlines, _):
      var rich = RichText()
      var builder = InlineBuilder(citations: state.citations, linkColor: accent, noteColor: accent)
      try builder.build(inlines, into: &rich)
      state.citations = builder.citations
      return [.lines(try lines(rich, style: body, x: content.minX + indent, width: content.width - indent)), .space(gap)]
    case .list(let ordered, let start, let items, _):
      var out: [Flow] = []
      let markerWidth = page.bodySize * (ordered ? 1.8 : 1.2)
      for (i, item) in items.enumerated() {
        let marker = ordered ? "\(start + i)." : "•"
        var itemFlows: [Flow] = []
        for b in item { itemFlows += try flows(b, state: &state, indent: indent + markerWidth) }
        // The marker goes on the item's first line; the space after the last paragraph tightens.
        if let first = itemFlows.firstIndex(where: { if case .lines = $0 { return true } else { return false } }),
          case .lines(var tb) = itemFlows[first], !tb.lines.isEmpty
        {
          let baselineTop = tb.lines[0].primitives.compactMap { p -> Double? in
            if case .text(let t) = p { return t.position.y } else { return nil }
          }.first ?? page.bodySize
          tb.lines[0].primitives.append(
            .text(TextItem(marker, at: Point(content.minX + indent + markerWidth - 4, baselineTop), style: body.aligned(.right), horizontal: .end)))
          itemFlows[first] = .lines(tb)
        }
        if case .space = itemFlows.last { itemFlows.removeLast() }
        out += itemFlows
        out.append(.space(page.bodySize * 0.25))
      }
      out.append(.space(gap))
      return out
    case .quote(let blocks, _):
      var out: [Flow] = []
      for b in blocks {
        for f in try flows(b, state: &state, indent: indent + 14) {
          guard case .lines(var tb) = f else { out.append(f); continue }
          for j in tb.lines.indices {
            tb.lines[j].primitives.insert(.rect(Rect(x: content.minX + indent + 2, y: 0, width: 2, height: tb.lines[j].height), style.gridColor), at: 0)
          }
          out.append(.lines(tb))
        }
      }
      return out
    case .code(let text, _):
      var rich = RichText()
      rich.append(text.hasSuffix("\n") ? String(text.dropLast()) : text, RichText.State(monospace: true))
      return [.lines(try lines(rich, style: textStyle(size: page.bodySize * 0.9), x: content.minX + indent + 8, width: content.width - indent - 8)), .space(gap)]
    case .rule:
      return [.box(Box(height: page.bodySize * 1.2, primitives: [.line(from: Point(content.minX + indent, page.bodySize * 0.6), to: Point(content.maxX, page.bodySize * 0.6), StrokeStyle(color: style.gridColor, width: 0.75))]))]
    case .chart(let id, let alt, let location):
      return [.box(try figure(id: id, alt: alt, at: location, state: &state)), .space(gap)]
    case .keyFigures(let ids, let location):
      return [.box(try tiles(ids, at: location, state: &state)), .space(gap)]
    case .table(let header, let alignments, let rows, _):
      return try table(header: header, alignments: alignments, rows: rows, caption: nil, state: &state) + [.space(gap)]
    case .generatedTable(let name, let location):
      let (header, rows, caption) = try generatedTable(name, at: location, state: &state)
      return try table(header: header, alignments: [.left, .right, .left, .left, .left], rows: rows, caption: caption, state: &state) + [.space(gap)]
    }
  }

  /// Throws when lists and quotes indent a block so far that its text is narrower than the
  /// page style's ``PageStyle/narrowestText``.
  func checkRoom(indent: Double, at location: SourceLocation) throws {
    guard content.width - indent < page.narrowestText else { return }
    func pt(_ x: Double) -> String { NumberFormat.grouped(x, decimals: 1) + " pt" }
    throw DatasetError(
      at: location, field: "layout",
      expected: "lists and quotes that leave text at least \(pt(page.narrowestText)) wide",
      found: "\(pt(content.width - indent)) left of the page's \(pt(content.width)) after \(pt(indent)) of indentation")
  }

  /// A numbered heading with its outline entry.
  func heading(_ level: Int, _ inlines: [Inline], state: inout BuildState) throws -> TextBlock {
    let depth = max(1, min(level, 6))
    if state.headingNumbers.count < depth { state.headingNumbers += Array(repeating: 0, count: depth - state.headingNumbers.count) }
    state.headingNumbers = Array(state.headingNumbers.prefix(depth))
    state.headingNumbers[depth - 1] += 1
    let number = state.headingNumbers.map(String.init).joined(separator: ".")
    var rich = RichText()
    if page.numberHeadings && depth <= 3 { rich.append(number + "  ", RichText.State(color: accent)) }
    var builder = InlineBuilder(citations: state.citations, linkColor: accent, noteColor: accent)
    let words = rich.length
    try builder.build(inlines, into: &rich)
    state.citations = builder.citations
    let size = depth == 1 ? page.bodySize * 1.45 : depth == 2 ? page.bodySize * 1.2 : page.bodySize * 1.05
    var tb = try lines(rich, style: textStyle(size: size, weight: .semibold), x: content.minX, width: content.width)
    let anchor = "section-" + state.headingNumbers.map(String.init).joined(separator: "-")
    tb.keepWithNext = true
    tb.anchor = anchor
    // The outline shows the heading as drawn: live numbers formatted, note markers left out.
    let title = (page.numberHeadings && depth <= 3 ? number + " " : "") + rich.plain(from: words)
    state.outline.append((depth, title, anchor))
    return tb
  }

  /// Breaks rich text into lines at `width`, each drawn as its own text item so pages can break between them.
  func lines(_ rich: RichText, style ts: TextStyle, x: Double, width: Double) throws -> TextBlock {
    guard !rich.text.isEmpty else { return TextBlock(lines: []) }
    let broken = try measurer.lines(rich.text, style: ts, spans: rich.spans, maxWidth: width)
    var out: [FlowLine] = []
    for (i, line) in broken.enumerated() {
      let (text, spans, notes) = rich.slice(line.start, line.end)
      let next = i + 1 < broken.count ? broken[i + 1].top : line.top + line.height
      let height = max(next - line.top, line.height)
      var item = TextItem(text, at: Point(x, line.baseline - line.top), style: ts, vertical: .baseline, spans: spans)
      let lastOfParagraph = i == broken.count - 1 || (line.end >= 1 && line.end <= rich.length && rich.scalars[line.end - 1] == "\n")
      if ts.alignment == .justify {
        if lastOfParagraph {
          item.style.alignment = .left
        } else {
          item.style.justifyLastLine = true
          item.maxWidth = width + 0.01
        }
      }
      var links: [(Rect, String)] = []
      for n in notes { links.append((Rect(x: x, y: 0, width: width, height: height), "#note-\(n)")) }
      out.append(FlowLine(height: height, primitives: text.isEmpty ? [] : [.text(item)], notes: notes, links: markerLinks(rich, line: line, x: x, style: ts, notes: notes, height: height) ?? links))
    }
    return TextBlock(lines: out)
  }

  /// Link areas over each note marker of a line, found by measuring the text before it.
  func markerLinks(_ rich: RichText, line: TextLine, x: Double, style ts: TextStyle, notes: [Int], height: Double) -> [(Rect, String)]? {
    var out: [(Rect, String)] = []
    for (offset, number) in rich.notes where notes.contains(number) {
      let (before, spans, _) = rich.slice(line.start, offset)
      guard let w = try? measurer.measure(before, style: ts.aligned(.left), spans: spans, maxWidth: nil).width else { return nil }
      out.append((Rect(x: x + w - 1, y: 0, width: ts.font.size * 0.6 * Double(String(number).count) + 2, height: height), "#note-\(number)"))
    }
    return out
  }
}

extension TextStyle {
  func aligned(_ a: TextAlignment) -> TextStyle {
    var s = self
    s.alignment = a
    s.justifyLastLine = false
    return s
  }
}
