import BriefCharts
import BriefModel
import BriefScene
import BriefTestSupport
import XCTest

@testable import BriefDocument

/// Layout checks on built briefs, with the fixed-metrics measurer: where text lands, where notes go, how pages break.
final class BriefLayoutTests: XCTestCase {
  let measurer = FixedMeasurer()
  let root = Tools.packageRoot

  func seedsContext() throws -> ChartContext {
    switch DatasetLoader.load(directory: root + "/seeds") {
    case .success(let d): return ChartContext(dataset: d)
    case .failure(let e): throw e
    }
  }

  func seedsCharts() throws -> [ChartSpec] {
    try ChartSpecLoader.load(yaml: try String(contentsOfFile: root + "/seeds/charts.yaml", encoding: .utf8), file: "charts.yaml")
  }

  func build(_ markdown: String, page: PageStyle = .a4) throws -> BuiltBrief {
    let spec = try BriefParser.parse(text: markdown, file: "brief.md")
    return try BriefLayout(spec: spec, charts: try seedsCharts(), context: try seedsContext(), style: .standard, page: page, measurer: measurer).build()
  }

  /// Every text item of a page with its box on the page, transforms applied; chart internals are reported as one box per chart.
  func placedTexts(_ scene: Scene) throws -> [(TextItem, Rect, String)] {
    var out: [(TextItem, Rect, String)] = []
    func walk(_ prims: [Primitive], dx: Double, dy: Double, scale: Double, role: String) throws {
      for p in prims {
        switch p {
        case .text(let t):
          let b = try measurer.bounds(of: t)
          out.append((t, Rect(x: dx + b.x * scale, y: dy + b.y * scale, width: b.width * scale, height: b.height * scale), role))
        case .group(let r, let children): try walk(children, dx: dx, dy: dy, scale: scale, role: role == "body" ? r : role)
        case .clip(_, let children): try walk(children, dx: dx, dy: dy, scale: scale, role: role)
        case .transform(let o, let s, let children): try walk(children, dx: dx + o.x * scale, dy: dy + o.y * scale, scale: scale * s, role: role)
        default: break
        }
      }
    }
    try walk(scene.primitives, dx: 0, dy: 0, scale: 1, role: "body")
    return out
  }

  func anchors(_ scene: Scene) -> [String: Point] {
    var out: [String: Point] = [:]
    for p in scene.primitives { if case .anchor(let n, let at) = p { out[n] = at } }
    return out
  }

  func links(_ scene: Scene) -> [(Rect, String)] {
    scene.primitives.compactMap { if case .link(let r, let t) = $0 { return (r, t) } else { return nil } }
  }

  /// The checks every brief must pass.
  func assertWellLaidOut(_ built: BuiltBrief, page: PageStyle = .a4, file: StaticString = #filePath, line: UInt = #line) throws {
    let margins = Rect(x: page.margin, y: page.margin, width: page.size.width - 2 * page.margin, height: page.size.height - 2 * page.margin)
    for (i, scene) in built.pages.enumerated() {
      let texts = try placedTexts(scene)
      // Nothing outside the margins.
      for (t, box, _) in texts where !margins.contains(box, tolerance: 0.5) {
        XCTFail("page \(i + 1): \"\(t.text.prefix(40))\" leaves the margins: \(box)", file: file, line: line)
      }
      // No two body texts overlap (charts and tiles are checked by their own tests).
      let body = texts.filter { $0.2 == "body" || $0.2 == "page-furniture" || $0.2 == "title-block" }
      for a in body.indices {
        for b in body.indices where b > a && body[a].1.intersects(body[b].1) {
          // A note marker's own line is one item; markers never stand alone, so any overlap is a fault.
          XCTFail("page \(i + 1): \"\(body[a].0.text.prefix(30))\" overlaps \"\(body[b].0.text.prefix(30))\"", file: file, line: line)
        }
      }
      // Every note cited on a page is at the foot of that page.
      let here = anchors(scene)
      for (_, target) in links(scene) where target.hasPrefix("#note-") {
        XCTAssertNotNil(here[String(target.dropFirst())], "page \(i + 1): \(target) is not on the page that cites it", file: file, line: line)
      }
      // A heading is never the last thing on its page.
      let lowest = texts.filter { $0.2 == "body" }.map(\.1.maxY).max() ?? 0
      for (name, at) in here where name.hasPrefix("section-") {
        XCTAssertLessThan(at.y + 30, lowest, "page \(i + 1): heading \(name) stands alone at the foot", file: file, line: line)
      }
    }
  }

  func testOutlineTitlesShowHeadingsAsDrawnWithLiveNumbersAndWithoutNoteMarkers() throws {
    let built = try build(
      """
      ---
      title: Outline
      ---

      # Bribes of *about* {{bribe-sinuiju-2021-usd}} in `Sinuiju`

      Text.

      ## Low end {{bribe-sinuiju-2021-usd.low}} and {{bribe-construction-2021}}

      More text.
      """)
    let titles = built.outline.map(\.title)
    XCTAssertEqual(titles, ["1 Bribes of about 3,500–4,000 USD in Sinuiju", "1.1 Low end 3,500 and 1,300 USD", "Sources and methods"])
    // The heading as drawn, its note markers (a thin space and the number) taken out, is the outline's title.
    let drawn = try placedTexts(try XCTUnwrap(built.pages.first)).map(\.0.text).first { $0.hasPrefix("1  Bribes") }
    let unmarked = try XCTUnwrap(drawn).replacingOccurrences(of: "\u{2009}1", with: "").replacingOccurrences(of: "\u{00A0}", with: " ")
      .replacingOccurrences(of: "\u{2060}", with: "").replacingOccurrences(of: "1  ", with: "1 ")
    XCTAssertEqual(unmarked, titles[0])
  }

  func testTheDefaultBriefIsThreeToSixPagesAndLaidOutCleanly() throws {
    let text = try String(contentsOfFile: root + "/seeds/briefs/monthly.md", encoding: .utf8)
    let built = try build(text)
    XCTAssertTrue((3...6).contains(built.pages.count), "\(built.pages.count) pages")
    try assertWellLaidOut(built)
    XCTAssertEqual(built.outline.first?.title, "1 Summary")
    XCTAssertEqual(built.outline.last?.title, "Sources and methods")
    XCTAssertEqual(built.pageLabels, (1...built.pages.count).map(String.init))
    XCTAssertEqual(built.date?.description, "2026-11-01")
  }

  func testLiveNumbersAreFormattedByKindWithNotesCitingTheirSources() throws {
    let built = try build(
      """
      ---
      title: T
      period: 2026-11
      ---
      # Numbers
      Sinuiju {{bribe-sinuiju-2021-usd}}; misc {{bribe-misc-2021-usd}}; loggers {{ru-loggers-2010}}; low {{bribe-sinuiju-2021-usd.low}}; again {{bribe-sinuiju-2021-usd}}.
      """)
    // Values are kept on one line with no-break spaces and word joiners; compare them as plain text.
    let texts = try built.pages.flatMap { try placedTexts($0) }.map {
      $0.0.text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{2060}", with: "")
    }
    let body = texts.joined(separator: " ")
    XCTAssertTrue(body.contains("Sinuiju 3,500–4,000 USD\u{2009}1"), body)
    XCTAssertTrue(body.contains("misc up to 2,000 USD\u{2009}2"), body)
    XCTAssertTrue(body.contains("loggers ≥10,000\u{2009}3"), body)
    XCTAssertTrue(body.contains("low 3,500\u{2009}4"), body)
    let notes = texts.filter { $0.contains("Source") || $0.hasPrefix("See note") }
    XCTAssertTrue(notes.contains { $0.hasPrefix("Bribe in Sinuiju, Jan 2021: 3,750 (3,500–4,000) USD. Source: Daily NK, Seulkee Jang, Feb 2021 [1].") }, "\(notes)")
    XCTAssertTrue(notes.contains("See note 1."))
    XCTAssertTrue(texts.contains { $0.hasPrefix("[1] Daily NK, Seulkee Jang, Feb 2021") }, "the closing section lists the source")
  }

  func testUnknownIdsAndChartsAreErrorsAtTheirPlaceInTheBrief() throws {
    XCTAssertThrowsError(try build("---\ntitle: T\n---\n\nAbout {{headcount-nowhere}} workers.\n")) { e in
      XCTAssertTrue("\(e)".hasPrefix("brief.md:5:7: error: {{headcount-nowhere}}: expected the id of an estimate (see brief stats) or an observation, found no such id; did you mean \"headcount-"), "\(e)")
    }
    XCTAssertThrowsError(try build("---\ntitle: T\n---\n\n![Pie](chart:pie-chart)\n")) { e in
      XCTAssertTrue("\(e)".hasPrefix("brief.md:5:1: error: chart:pie-chart: expected a chart id from the chart specs ("), "\(e)")
    }
    XCTAssertThrowsError(try build("---\ntitle: T\n---\n\n{{table:bribes-galore}}\n")) { e in
      XCTAssertTrue("\(e)".hasPrefix("brief.md:5:1: error: table:bribes-galore: expected a measure ("), "\(e)")
    }
  }

  func testALongBriefPaginatesCleanly() throws {
    var md = "---\ntitle: Long brief\nperiod: 2026-11\n---\n"
    let ids = try seedsCharts().filter { $0.kind != .tile }.map(\.id)
    let sentence = "Workers sent abroad hand most of their pay to the state and the company, and keep little of it for themselves. "
    for section in 1...20 {
      md += "\n# Section \(section)\n\n"
      for p in 0..<11 {
        md += String(repeating: sentence, count: 3 + (p + section) % 5)
        md += "Bribes reached {{bribe-sinuiju-2021-usd}} in Sinuiju.\n\n"
      }
      md += "![Chart \(section)](chart:\(ids[section % ids.count]))\n\n"
      if section % 2 == 0 { md += "{{table:\(["workers", "bribe", "dispatch-duration", "wage", "selected"][section / 2 % 5])}}\n\n" }
      md += "## Details \(section)\n\n- one item with {{ru-workers-2017}}\n- two\n  1. nested\n  2. nested again\n\n> A quote that runs on for a while to wrap onto a second line of the page and more.\n\n"
    }
    let built = try build(md)
    XCTAssertGreaterThanOrEqual(built.pages.count, 50)
    try assertWellLaidOut(built)
    XCTAssertEqual(built.outline.filter { $0.level == 1 }.count, 21, "20 sections and the closing one")
  }

  func testTheJustifiedStyleStretchesAllButTheLastLine() throws {
    var page = PageStyle.a4
    page.justify = true
    let built = try build("---\ntitle: T\n---\n\n" + String(repeating: "Word ", count: 80) + "\n", page: page)
    let lines = try placedTexts(built.pages[0]).map(\.0).filter { $0.text.hasPrefix("Word") }
    XCTAssertGreaterThan(lines.count, 2)
    XCTAssertTrue(lines.dropLast().allSatisfy { $0.style.alignment == .justify && $0.style.justifyLastLine })
    XCTAssertEqual(lines.last?.style.alignment, .left)
  }

  func testListsAndQuotesMayNotIndentTextNarrowerThanFourEms() throws {
    // A4 leaves 483.3 pt; a numbered list indents 18 pt a level: 24 levels leave 51.3 pt, 25 leave 33.3.
    func numbered(_ depth: Int) -> String {
      "---\ntitle: T\n---\nIntro.\n\n" + (0..<depth).map { String(repeating: " ", count: 3 * $0) + "1. item" }.joined(separator: "\n") + "\n"
    }
    XCTAssertNoThrow(try build(numbered(24)))
    XCTAssertThrowsError(try build(numbered(25))) { error in
      XCTAssertEqual(
        "\(error)",
        "brief.md:30:76: error: layout: expected lists and quotes that leave text at least 40.0 pt wide, found 33.3 pt left of the page's 483.3 pt after 450.0 pt of indentation")
    }
    // The same rule for quotes (14 pt a level), with a larger body.
    var page = PageStyle.a4
    page.bodySize = 20
    let quotes = "---\ntitle: T\n---\n" + String(repeating: ">", count: 30) + " x\n"
    XCTAssertThrowsError(try build(quotes, page: page)) { error in
      XCTAssertEqual((error as? DatasetError)?.found, "77.3 pt left of the page's 483.3 pt after 406.0 pt of indentation")
    }
  }
}

/// The page breaker alone, on synthetic blocks.
final class PaginatorTests: XCTestCase {
  func line(_ h: Double = 10, notes: [Int] = []) -> FlowLine {
    FlowLine(height: h, primitives: [], notes: notes, links: [])
  }

  func pageOfEachLine(_ flows: [Flow], height: Double = 100, noteHeight: Double = 0) -> [[Double]] {
    var p = Paginator(content: Rect(x: 0, y: 0, width: 100, height: height)) { n in n.isEmpty ? 0 : 5 + Double(n.count) * noteHeight }
    p.layout(flows)
    return p.pages.map { page in
      page.primitives.compactMap { if case .transform(let o, _, _) = $0 { return o.y } else { return nil } }
    }
  }

  func testNoOrphanOrWidow() {
    // 8 lines of 10 on a page of 100 after 75 points of other text: 2 fit at the foot, 6 go over.
    let filler = Flow.box(Box(height: 75, primitives: []))
    let para = Flow.lines(TextBlock(lines: Array(repeating: line(), count: 8)))
    XCTAssertEqual(pageOfEachLine([filler, para]).map(\.count), [3, 6])
    // After 85 points only one line would fit: the whole paragraph moves (no orphan).
    let bigger = Flow.box(Box(height: 85, primitives: []))
    XCTAssertEqual(pageOfEachLine([bigger, para]).map(\.count), [1, 8])
    // 10 lines with 9 fitting on an empty page would leave 1 (a widow): 8 stay, 2 go over.
    XCTAssertEqual(pageOfEachLine([.lines(TextBlock(lines: Array(repeating: line(), count: 10)))], height: 95).map(\.count), [8, 2])
  }

  func testHeadingsStayWithWhatFollows() {
    let filler = Flow.box(Box(height: 80, primitives: []))
    var heading = TextBlock(lines: [line(12)])
    heading.keepWithNext = true
    let para = Flow.lines(TextBlock(lines: Array(repeating: line(), count: 4)))
    XCTAssertEqual(pageOfEachLine([filler, .lines(heading), para]).map(\.count), [1, 5])
  }

  func testAFigureThatDoesNotFitWaitsWhileParagraphsFillThePage() {
    let filler = Flow.box(Box(height: 60, primitives: []))
    let figure = Flow.box(Box(height: 50, primitives: [.group(role: "figure", [])], floats: true))
    let para = Flow.lines(TextBlock(lines: Array(repeating: line(), count: 3)))
    var heading = TextBlock(lines: [line()])
    heading.keepWithNext = true
    var p = Paginator(content: Rect(x: 0, y: 0, width: 100, height: 100)) { _ in 0 }
    p.layout([filler, figure, para, .lines(heading), para])
    // Page 1: the filler and the paragraph that fits; page 2: the figure, then the heading and its paragraph.
    XCTAssertEqual(p.pages.count, 2)
    XCTAssertEqual(p.pages[0].primitives.count, 4)
    guard case .transform(_, _, let first)? = p.pages[1].primitives.first else { return XCTFail("no figure on page 2") }
    XCTAssertEqual(first, [.group(role: "figure", [])], "the held figure opens the next page, before the heading")
  }

  func testBoxesNeverSplitAndNotesStayWithTheirLines() {
    let filler = Flow.box(Box(height: 60, primitives: []))
    XCTAssertEqual(pageOfEachLine([filler, .box(Box(height: 50, primitives: []))]).map(\.count), [1, 1])
    // Lines citing notes 10 points tall each: the foot area grows, so fewer lines fit.
    let cited = Flow.lines(TextBlock(lines: (1...9).map { line(notes: [$0]) }))
    let pages = pageOfEachLine([cited], noteHeight: 10)
    XCTAssertEqual(pages.first?.count, 4, "4 lines of 10 and 4 notes of 10 plus the 5-point rule fill 85 of 100")
  }
}
