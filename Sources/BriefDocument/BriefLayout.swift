import BriefCharts
import BriefModel
import BriefScene

/// A brief laid out into pages, ready for a renderer.
public struct BuiltBrief {
  public var pages: [Scene]
  /// Bookmarks from the headings: level, title, anchor name.
  public var outline: [(level: Int, title: String, anchor: String)]
  /// Page labels, "1" to "N".
  public var pageLabels: [String]
  public var metadata: SceneMetadata
  /// The ids of the charts the brief places, in the order placed (a chart placed twice, twice).
  public var chartIDs: [String]
  /// The document date: the first day of the brief's period.
  public var date: Day?
}

/// Lays a brief out into pages: a title block, numbered headings, justified or
/// ragged paragraphs, lists, quotes, tables, figures and key-figure tiles, notes
/// at the foot of the page that cites them, a running header, "page N of M"
/// footers, and a closing section listing every source and method used.
public struct BriefLayout {
  public let spec: BriefSpec
  public let charts: [ChartSpec]
  public let compiler: ChartCompiler
  public let style: ChartStyle
  public let page: PageStyle
  public let measurer: TextMeasurer

  public init(spec: BriefSpec, charts: [ChartSpec], context: ChartContext, style: ChartStyle, page: PageStyle, measurer: TextMeasurer) {
    self.spec = spec
    self.charts = charts
    self.compiler = ChartCompiler(context: context)
    self.style = style
    self.page = page
    self.measurer = measurer
  }

  var content: Rect {
    Rect(x: page.margin, y: page.margin + headerHeight, width: page.size.width - 2 * page.margin, height: page.size.height - 2 * page.margin - headerHeight - footerHeight)
  }
  var headerHeight: Double { style.noteSize * 3 }
  var footerHeight: Double { style.noteSize * 3 }
  var accent: Color { style.palette.first ?? style.inkColor }

  func textStyle(size: Double, weight: FontWeight = .regular, italic: Bool = false, color: Color? = nil, alignment: TextAlignment = .left) -> TextStyle {
    TextStyle(
      font: Font(families: style.fontFamilies, size: size, weight: weight, italic: italic), color: color ?? style.textColor,
      alignment: alignment, lineSpacing: page.lineSpacing)
  }

  var body: TextStyle { textStyle(size: page.bodySize, alignment: page.justify ? .justify : .left) }
  var noteStyle: TextStyle { textStyle(size: max(6, page.bodySize * 0.78), color: style.textColor) }

  /// Lays the brief out.
  public func build() throws -> BuiltBrief {
    guard let context = compiler.context else { throw DatasetError(file: spec.file, line: 1, column: 1, field: "data", expected: "a dataset", found: "none") }
    var state = BuildState(citations: Citations(context: context))
    var flows: [Flow] = [.box(try titleBlock())]
    for block in spec.blocks { flows += try self.flows(block, state: &state, indent: 0) }
    flows += try closingSection(state: &state)

    // Notes: each measured once, at the content width.
    let notes = state.citations.notes
    var noteHeights: [Int: Double] = [:]
    for n in notes {
      noteHeights[n.number] = try measurer.measure(noteText(n), style: noteStyle, spans: [], maxWidth: content.width - 14).height + 2
    }
    let separator = noteStyle.font.size * 1.6
    var paginator = Paginator(content: content) { numbers in
      separator + numbers.map { noteHeights[$0] ?? 0 }.reduce(0, +)
    }
    paginator.layout(flows)

    // Pages: body, notes at the foot, running header and footer.
    let total = paginator.pages.count
    var scenes: [Scene] = []
    for (index, p) in paginator.pages.enumerated() {
      var prims = p.primitives
      for (name, y) in p.anchors { prims.append(.anchor(name: name, at: Point(content.minX, y))) }
      if !p.notes.isEmpty {
        let height = separator + p.notes.map { noteHeights[$0] ?? 0 }.reduce(0, +)
        var y = content.maxY - height + separator * 0.5
        prims.append(.line(from: Point(content.minX, y), to: Point(content.minX + content.width * 0.3, y), StrokeStyle(color: style.axisColor, width: 0.5)))
        y += separator * 0.5
        for number in p.notes {
          guard let note = notes.first(where: { $0.number == number }) else { continue }
          prims.append(.anchor(name: "note-\(number)", at: Point(content.minX, y)))
          prims.append(.text(TextItem("\(number)", at: Point(content.minX, y), style: noteStyle.withWeight(.semibold), vertical: .top)))
          prims.append(.text(TextItem(note.text, at: Point(content.minX + 14, y), style: noteStyle, vertical: .top, maxWidth: content.width - 14)))
          y += noteHeights[number] ?? 0
        }
      }
      prims += pageFurniture(page: index + 1, of: total)
      scenes.append(
        Scene(size: page.size, background: style.background, primitives: prims, metadata: metadata(state)))
    }
    return BuiltBrief(
      pages: scenes, outline: state.outline, pageLabels: (1...max(1, total)).map(String.init), metadata: metadata(state),
      chartIDs: state.chartIDs, date: spec.frontMatter.period?.earliest)
  }

  func noteText(_ n: Citations.Note) -> String { n.text }

  func metadata(_ state: BuildState) -> SceneMetadata {
    let fm = spec.frontMatter
    return SceneMetadata(
      title: fm.title, author: (fm.authors + (fm.organisation.isEmpty ? [] : [fm.organisation])).joined(separator: ", "),
      subject: [fm.subtitle, fm.period?.displayText ?? ""].filter { !$0.isEmpty }.joined(separator: ", "),
      keywords: ["BriefKit"] + state.chartIDs, altText: "", sourceLine: "")
  }

  // MARK: - Page furniture

  func pageFurniture(page number: Int, of total: Int) -> [Primitive] {
    let small = textStyle(size: style.noteSize, color: style.mutedTextColor)
    let fm = spec.frontMatter
    var prims: [Primitive] = []
    let top = page.margin
    if number > 1 {
      let running = [fm.title, fm.period?.displayText ?? ""].filter { !$0.isEmpty }.joined(separator: " · ")
      prims.append(.text(TextItem(running, at: Point(content.minX, top), style: small, vertical: .top)))
      if !fm.classification.isEmpty {
        prims.append(.text(TextItem(fm.classification, at: Point(content.maxX, top), style: small.withWeight(.semibold), horizontal: .end, vertical: .top)))
      }
      prims.append(.line(from: Point(content.minX, top + style.noteSize * 1.8), to: Point(content.maxX, top + style.noteSize * 1.8), StrokeStyle(color: style.gridColor, width: 0.5)))
    }
    let bottom = page.size.height - page.margin
    prims.append(.text(TextItem("Page \(number) of \(total)", at: Point(content.maxX, bottom), style: small, horizontal: .end, vertical: .bottom)))
    let left = [fm.organisation, fm.classification].filter { !$0.isEmpty }.joined(separator: " · ")
    if !left.isEmpty { prims.append(.text(TextItem(left, at: Point(content.minX, bottom), style: small, vertical: .bottom))) }
    return [.group(role: "page-furniture", prims)]
  }

  /// Title, subtitle, period and authors, and the distribution line, on the first page.
  func titleBlock() throws -> Box {
    let fm = spec.frontMatter
    let w = content.width
    var prims: [Primitive] = []
    var y = 0.0
    func add(_ s: String, _ ts: TextStyle, gap: Double) throws {
      guard !s.isEmpty else { return }
      prims.append(.text(TextItem(s, at: Point(content.minX, y), style: ts, vertical: .top, maxWidth: w)))
      y += try measurer.measure(s, style: ts, spans: [], maxWidth: w).height + gap
    }
    if !fm.classification.isEmpty {
      try add(fm.classification.uppercased(), textStyle(size: style.noteSize, weight: .semibold, color: accent), gap: 6)
    }
    try add(fm.title, textStyle(size: page.bodySize * 2.3, weight: .bold), gap: 4)
    try add(fm.subtitle, textStyle(size: page.bodySize * 1.35, color: style.mutedTextColor), gap: 6)
    let byline = [fm.period?.displayText ?? "", fm.authors.joined(separator: ", "), fm.organisation].filter { !$0.isEmpty }.joined(separator: " · ")
    try add(byline, textStyle(size: page.bodySize * 0.9, color: style.mutedTextColor), gap: 8)
    prims.append(.rect(Rect(x: content.minX, y: y, width: w, height: 1.5), accent))
    y += 1.5 + page.bodySize
    return Box(height: y, primitives: [.group(role: "title-block", prims)])
  }
}

extension TextStyle {
  func withWeight(_ w: FontWeight) -> TextStyle {
    var s = self
    s.font.weight = w
    return s
  }
}

/// What the layout accumulates while it walks the blocks.
struct BuildState {
  var citations: Citations
  var headingNumbers: [Int] = []
  var figureNumber = 0
  var tableNumber = 0
  var outline: [(level: Int, title: String, anchor: String)] = []
  var chartIDs: [String] = []
  var chartSources: [String] = []
  var chartDerived: [String] = []
}
