import BriefCharts
import BriefModel
import BriefScene

extension BriefLayout {
  /// A chart placed full width with its figure number and alt text below.
  func figure(id: String, alt: String, at location: SourceLocation, state: inout BuildState) throws -> Box {
    guard let spec = charts.first(where: { $0.id == id }) else {
      throw DatasetError(
        at: location, field: "chart:\(id)", expected: "a chart id from the chart specs (\(charts.map(\.id).joined(separator: ", ")))",
        found: "\"\(id)\"")
    }
    let natural = try spec.style(over: style).size
    let width = content.width
    // The chart at the page's width and its own proportions; a dense chart (a timeline's labels)
    // may need slightly smaller type (drawn larger, then scaled down), and failing that, more height.
    let preferred = min(width * min(natural.height / natural.width, 0.5), content.height * 0.72)
    let tall = content.height * 0.8 - 40, taller = content.height * 0.95 - 40
    // In order of preference: full-size type a little taller before smaller type, a page-high figure last.
    let tries: [(Double, Double)] = [
      (preferred, 1), (preferred * 1.3, 1), (preferred, 0.9), (preferred * 1.3, 0.9), (preferred, 0.8),
      (tall, 1), (tall, 0.9), (tall, 0.8), (taller, 1), (taller, 0.9), (taller, 0.8),
    ]
    var placed: (Scene, Double)?
    var height = preferred
    var firstError: Error?
    for (h, scale) in tries where h >= preferred {
      do {
        // The chart's own side margins fall outside the text column, so its content lines up with the text.
        let m = style.margin
        placed = (try compiler.scene(spec, style: style, size: Size(width: (width + 2 * m * scale) / scale, height: h / scale), measurer: measurer), scale)
        height = h
        break
      } catch let e as ChartError {
        if firstError == nil { firstError = e }
      }
    }
    guard let placed else { throw firstError ?? ChartError.layout("chart \(id) does not fit the page") }
    let (scene, scale) = placed
    state.chartIDs.append(spec.id)
    let data = compiler.data(of: spec)
    state.citations.cite(sources: compiler.sources(of: spec), derived: data.filter(\.derived).map(\.id))
    state.figureNumber += 1
    let caption = "Figure \(state.figureNumber). \(alt)"
    let captionStyle = textStyle(size: style.noteSize * 1.1, italic: true, color: style.mutedTextColor)
    let captionHeight = try measurer.measure(caption, style: captionStyle, spans: [], maxWidth: width).height
    let prims: [Primitive] = [
      .group(role: "figure", [
        .transform(offset: Point(content.minX - style.margin * scale, -style.margin * scale * 0.5), scale: scale, scene.primitives),
        .line(from: Point(content.minX, height + 2), to: Point(content.maxX, height + 2), StrokeStyle(color: style.gridColor, width: 0.5)),
        .text(TextItem(caption, at: Point(content.minX, height + 6), style: captionStyle, vertical: .top, maxWidth: width)),
      ])
    ]
    return Box(height: height + 6 + captionHeight + 4, primitives: prims, floats: true)
  }

  /// A row of key-figure tiles.
  func tiles(_ ids: [String], at location: SourceLocation, state: inout BuildState) throws -> Box {
    let gap = 10.0
    let n = Double(max(1, ids.count))
    let w = (content.width - gap * (n - 1)) / n
    let h = max(96, page.bodySize * 10)
    var prims: [Primitive] = []
    for (i, id) in ids.enumerated() {
      guard let datum = compiler.datum(id: id) else {
        throw DatasetError(at: location, field: "key-figures", expected: "ids of estimates or observations", found: "\"\(id)\"")
      }
      guard let context = compiler.context else { continue }
      let line = datum.sources.map { context.citation($0) }.joined(separator: "; ")
      state.citations.cite(sources: datum.sources, derived: datum.derived ? [datum.id] : [])
      let tile = KeyFigureTile(id: id, frame: FrameText(title: datum.label, source: line.isEmpty ? "" : "Source: " + line), datum: datum)
      let scene = try tile.scene(size: Size(width: w, height: h), style: style, measurer: measurer)
      let x = content.minX + Double(i) * (w + gap)
      prims.append(.rect(Rect(x: x, y: 0, width: w, height: h), style.gridColor.withAlpha(0.35)))
      prims.append(.transform(offset: Point(x, 0), scale: 1, scene.primitives))
    }
    return Box(height: h, primitives: [.group(role: "key-figures", prims)])
  }

  /// A table, one box if it fits a page, otherwise in parts that repeat the header.
  func table(header: [[Inline]], alignments: [TableAlignment], rows: [[[Inline]]], caption: String?, state: inout BuildState) throws -> [Flow] {
    let columns = max(header.count, rows.map(\.count).max() ?? 0)
    guard columns > 0 else { return [] }
    let cellStyle = textStyle(size: page.bodySize * 0.88)
    let headStyle = cellStyle.withWeight(.semibold)
    func rich(_ inlines: [Inline]) throws -> RichText {
      var r = RichText()
      var b = InlineBuilder(citations: state.citations, linkColor: accent, noteColor: accent)
      try b.build(inlines, into: &r)
      state.citations = b.citations
      return r
    }
    let head = try (0..<columns).map { try rich($0 < header.count ? header[$0] : []) }
    let body = try rows.map { row in try (0..<columns).map { try rich($0 < row.count ? row[$0] : []) } }
    // Column widths: natural widths, shrunk in proportion when the table is wider than the page.
    let pad = 5.0
    var natural = Array(repeating: 0.0, count: columns)
    for (r, row) in ([head] + body).enumerated() {
      for (c, cell) in row.enumerated() {
        let w = try measurer.measure(cell.text, style: r == 0 ? headStyle : cellStyle, spans: cell.spans, maxWidth: nil).width
        natural[c] = max(natural[c], min(w, content.width * 0.6) + 2 * pad)
      }
    }
    let total = natural.reduce(0, +)
    let widths = total <= content.width ? natural.map { $0 + (content.width - total) / Double(columns) } : natural.map { max(36, $0 * content.width / total) }
    let scale = content.width / widths.reduce(0, +)
    let cols = widths.map { $0 * scale }
    func align(_ c: Int) -> TextAlignment {
      switch c < alignments.count ? alignments[c] : .none {
      case .right: return .right
      case .center: return .center
      default: return .left
      }
    }
    func rowBox(_ cells: [RichText], bold: Bool) throws -> (Double, [Primitive], [Int]) {
      var x = content.minX
      var height = 0.0
      var prims: [Primitive] = []
      var notes: [Int] = []
      for (c, cell) in cells.enumerated() {
        let ts = (bold ? headStyle : cellStyle).aligned(align(c))
        let inner = max(10, cols[c] - 2 * pad)
        let h = cell.text.isEmpty ? 0 : try measurer.measure(cell.text, style: ts, spans: cell.spans, maxWidth: inner).height
        if !cell.text.isEmpty {
          prims.append(.text(TextItem(cell.text, at: Point(x + pad, pad * 0.7), style: ts, vertical: .top, maxWidth: inner, spans: cell.spans)))
        }
        notes += cell.notes.map(\.number)
        height = max(height, h)
        x += cols[c]
      }
      return (height + pad * 1.4, prims, notes)
    }
    let (headHeight, headPrims, headNotes) = try rowBox(head, bold: true)
    var captionPrims: [Primitive] = []
    var captionHeight = 0.0
    if let caption {
      state.tableNumber += 1
      let text = "Table \(state.tableNumber). \(caption)"
      let cs = textStyle(size: style.noteSize * 1.1, weight: .semibold, color: style.mutedTextColor)
      captionHeight = try measurer.measure(text, style: cs, spans: [], maxWidth: content.width).height + 4
      captionPrims = [.text(TextItem(text, at: Point(content.minX, 0), style: cs, vertical: .top, maxWidth: content.width))]
    }
    let rule = StrokeStyle(color: style.axisColor, width: 0.8)
    let thin = StrokeStyle(color: style.gridColor, width: 0.4)
    var out: [Flow] = []
    var part: [Primitive] = []
    var partNotes: [Int] = []
    var y = 0.0
    func startPart(first: Bool) {
      part = []
      partNotes = headNotes
      y = 0
      if first && !captionPrims.isEmpty {
        part += captionPrims
        y += captionHeight
      }
      part.append(.transform(offset: Point(0, y), scale: 1, headPrims))
      y += headHeight
      part.append(.line(from: Point(content.minX, y), to: Point(content.maxX, y), rule))
    }
    startPart(first: true)
    for row in body {
      let (h, prims, notes) = try rowBox(row, bold: false)
      if y + h > content.height * 0.96 && part.count > 2 {
        out.append(.box(Box(height: y + 4, primitives: [.group(role: "table", part)], notes: partNotes)))
        startPart(first: false)
      }
      part.append(.transform(offset: Point(0, y), scale: 1, prims))
      y += h
      part.append(.line(from: Point(content.minX, y), to: Point(content.maxX, y), thin))
      partNotes += notes
    }
    out.append(.box(Box(height: y + 4, primitives: [.group(role: "table", part)], notes: partNotes)))
    return out
  }

  /// `{{table:MEASURE}}`: every observation of a measure with its value, period, place and source.
  func generatedTable(_ name: String, at location: SourceLocation, state: inout BuildState) throws -> ([[Inline]], [[[Inline]]], String) {
    guard let context = compiler.context, context.dataset.vocabulary.measure(name) != nil else {
      let known = compiler.context?.dataset.vocabulary.measures.map(\.id) ?? []
      throw DatasetError(
        at: location, field: "table:\(name)", expected: "a measure (\(known.joined(separator: ", ")))", found: "\"\(name)\"")
    }
    let measure = Measure(name)
    let observations = context.dataset.observations.filter { $0.measure == measure }
      .sorted { ($0.period.earliest?.ordinal ?? Int.min, $0.id) < ($1.period.earliest?.ordinal ?? Int.min, $1.id) }
    guard !observations.isEmpty else {
      throw DatasetError(at: location, field: "table:\(name)", expected: "a measure with observations", found: "none in the dataset")
    }
    state.citations.cite(sources: observations.map(\.source), derived: [])
    let header: [[Inline]] = ["What", "Value", "Period", "Where", "Source"].map { [.text($0)] }
    let rows: [[[Inline]]] = observations.map { o in
      let what = [o.job, o.sector, o.destinationPlace, o.origin].compactMap { $0 }.first ?? o.measure.rawValue.replacingOccurrences(of: "-", with: " ")
      let unit = Citations.unitSuffix(o.unit.description)
      let place = [o.destination, o.destinationPlace].compactMap { $0 }.joined(separator: ", ")
      return [[.text(what)], [.text(o.value.formatted() + unit)], [.text(o.period.displayText)], [.text(place)], [.text(context.citation(o.source))]]
    }
    return (header, rows, "Every reported figure for \(name.replacingOccurrences(of: "-", with: " ")), as reported.")
  }

  /// The closing section: every source used, and the method of every derived estimate used.
  func closingSection(state: inout BuildState) throws -> [Flow] {
    var out: [Flow] = [.space(page.bodySize * 1.4)]
    let anchor = "sources-and-methods"
    var title = try lines(plainRich("Sources and methods"), style: textStyle(size: page.bodySize * 1.45, weight: .semibold), x: content.minX, width: content.width)
    title.keepWithNext = true
    title.anchor = anchor
    state.outline.append((1, "Sources and methods", anchor))
    out += [.lines(title), .space(page.bodySize * 0.5)]
    var sub = try lines(plainRich("Sources"), style: textStyle(size: page.bodySize * 1.1, weight: .semibold), x: content.minX, width: content.width)
    sub.keepWithNext = true
    out.append(.lines(sub))
    let small = textStyle(size: max(6, page.bodySize * 0.8), alignment: .left)
    // Numbered as the notes number them: in order of first full citation.
    let listed = state.citations.citedInFull + state.citations.sourcesUsed.filter { !state.citations.citedInFull.contains($0) }
    for (i, id) in listed.enumerated() {
      out.append(.lines(try lines(plainRich("[\(i + 1)] " + state.citations.fullCitation(id)), style: small, x: content.minX, width: content.width)))
      out.append(.space(page.bodySize * 0.3))
    }
    if !state.citations.derivedUsed.isEmpty {
      out.append(.space(page.bodySize * 0.6))
      var m = try lines(plainRich("Methods of derived estimates"), style: textStyle(size: page.bodySize * 1.1, weight: .semibold), x: content.minX, width: content.width)
      m.keepWithNext = true
      out.append(.lines(m))
      var caveats: [String] = []
      for e in state.citations.derivedUsed {
        var rich = RichText()
        rich.append(e.label + ". ", RichText.State(weight: .semibold))
        rich.append(e.method, RichText.State())
        var marks: [String] = []
        for c in e.caveats {
          if !caveats.contains(c) { caveats.append(c) }
          if let n = caveats.firstIndex(of: c) { marks.append(String(Character(UnicodeScalar(UInt8(97 + n % 26))))) }
        }
        if !marks.isEmpty { rich.append(" Caveats " + marks.joined(separator: ", ") + ".", RichText.State(italic: true)) }
        out.append(.lines(try lines(rich, style: small, x: content.minX, width: content.width)))
        out.append(.space(page.bodySize * 0.3))
      }
      if !caveats.isEmpty {
        out.append(.space(page.bodySize * 0.4))
        var c = try lines(plainRich("Caveats"), style: textStyle(size: page.bodySize * 0.95, weight: .semibold), x: content.minX, width: content.width)
        c.keepWithNext = true
        out.append(.lines(c))
        for (i, text) in caveats.enumerated() {
          let letter = String(Character(UnicodeScalar(UInt8(97 + i % 26))))
          out.append(.lines(try lines(plainRich("(\(letter)) " + text.prefix(1).uppercased() + text.dropFirst() + "."), style: small, x: content.minX, width: content.width)))
          out.append(.space(page.bodySize * 0.2))
        }
      }
    }
    return out
  }

  func plainRich(_ s: String) -> RichText {
    var r = RichText()
    r.append(s, RichText.State())
    return r
  }
}
