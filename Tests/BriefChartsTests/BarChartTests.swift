import BriefCharts
import BriefModel
import BriefScene
import BriefTestSupport
import XCTest

final class BarChartTests: XCTestCase {
  let measurer = FixedMeasurer()

  func chart(_ values: [(String, String)], notes: [String] = []) throws -> BarChart {
    BarChart(
      id: "test",
      frame: FrameText(title: "Title", subtitle: "Subtitle", notes: notes, source: "Source: Test, 2021"),
      items: try values.map { BarItem(label: $0.0, value: try ReportedValue.parse($0.1)) })
  }

  /// The x of each gridline, by its tick label.
  func gridlines(_ scene: Scene) -> [String: Double] {
    let labels = scene.groups(role: "ticks").flatMap { $0 }.compactMap { p -> TextItem? in
      if case .text(let t) = p { return t } else { return nil }
    }
    var out: [String: Double] = [:]
    for t in labels { out[t.text] = t.position.x }
    return out
  }

  func fills(_ group: [Primitive]) -> [Rect] {
    group.compactMap { if case .fill(let p, _) = $0 { return p.bounds } else { return nil } }
  }

  func strokes(_ group: [Primitive]) -> [(Path, StrokeStyle)] {
    group.compactMap { if case .stroke(let p, let s) = $0 { return (p, s) } else { return nil } }
  }

  func testBarsEndWhereTheScaleMapsTheirValues() throws {
    let scene = try chart([("Exact", "1000"), ("Range", "2000..3000")]).scene(
      size: Size(width: 400, height: 300), measurer: measurer)
    let grid = gridlines(scene)
    XCTAssertEqual(grid.keys.sorted(), ["0", "1,000", "2,000", "3,000"])
    let x0 = try XCTUnwrap(grid["0"]), x1000 = try XCTUnwrap(grid["1,000"]), x3000 = try XCTUnwrap(grid["3,000"])
    XCTAssertEqual(x1000 - x0, (x3000 - x0) / 3, accuracy: 1e-9)

    let bars = scene.groups(role: "bar")
    XCTAssertEqual(bars.count, 2)
    let exact = try XCTUnwrap(fills(bars[0]).first)
    XCTAssertEqual(exact.minX, x0, accuracy: 1e-9)
    XCTAssertEqual(exact.maxX, x1000, accuracy: 1e-9)
    XCTAssertTrue(strokes(bars[0]).isEmpty, "an exact value has no whisker")

    // The range: a bar to its low end and a whisker from the low to the high end.
    let range = try XCTUnwrap(fills(bars[1]).first)
    XCTAssertEqual(range.maxX, x0 + 2 * (x1000 - x0), accuracy: 1e-9)
    let whisker = try XCTUnwrap(strokes(bars[1]).first?.0.bounds)
    XCTAssertEqual(whisker.minX, range.maxX, accuracy: 1e-9)
    XCTAssertEqual(whisker.maxX, x3000, accuracy: 1e-9)
    XCTAssertEqual(whisker.height, 0, "the whisker runs along the bar's centre")
    XCTAssertEqual(whisker.minY, range.midY, accuracy: 1e-9)

    // Bars come in spec order, top to bottom, with equal thickness.
    XCTAssertLessThan(exact.maxY, range.minY)
    XCTAssertEqual(exact.height, range.height, accuracy: 1e-9)
  }

  func testValueLabelsFormatEachKindAndSitPastTheMark() throws {
    let scene = try chart([("A", "1300"), ("B", "<=2000"), ("C", "3500..4000"), ("D", ">=1000"), ("E", "~4000")]).scene(
      size: Size(width: 500, height: 300), measurer: measurer)
    let labels = try XCTUnwrap(scene.groups(role: "value-labels").first).compactMap { p -> TextItem? in
      if case .text(let t) = p { return t } else { return nil }
    }
    XCTAssertEqual(labels.map(\.text), ["1,300", "up to 2,000", "3,500–4,000", "≥1,000", "~4,000"])
    let bars = scene.groups(role: "bar")
    for (label, bar) in zip(labels, bars) {
      let markEnd = bar.compactMap { p -> Double? in
        switch p {
        case .fill(let path, _), .stroke(let path, _): return path.bounds?.maxX
        default: return nil
        }
      }.max() ?? 0
      XCTAssertGreaterThan(label.position.x, markEnd, "\(label.text) must not overlap its mark")
      let box = try measurer.bounds(of: label)
      XCTAssertLessThanOrEqual(box.maxX, 500 - ChartStyle.standard.margin + 0.001, "\(label.text) is clipped")
    }
  }

  func testEachBoundKindHasItsOwnGlyph() throws {
    let scene = try chart([("Up to", "<=2000"), ("At least", ">=1000"), ("Less", "<10%")]).scene(
      size: Size(width: 400, height: 300), measurer: measurer)
    let bars = scene.groups(role: "bar")
    // "Up to": a pale fill and a dashed outline.
    let outline = strokes(bars[0])
    XCTAssertEqual(outline.count, 1)
    XCTAssertFalse(outline[0].1.dash.isEmpty)
    let fill = bars[0].compactMap { if case .fill(_, let c) = $0 { return c } else { return nil } }
    XCTAssertLessThan(fill.first?.alpha ?? 1, 0.5)
    // "At least": a solid bar, a line and a filled arrowhead past the bound.
    let solid = fills(bars[1])
    XCTAssertEqual(solid.count, 2)
    XCTAssertGreaterThan(solid[1].minX, solid[0].maxX - 0.001, "the arrowhead lies beyond the bar")
    // "Less than" draws like "up to".
    XCTAssertEqual(strokes(bars[2]).count, 1)
  }

  func testNotesExplainOnlyTheMarksThatAppear() throws {
    let plain = try chart([("A", "1"), ("B", "2")]).scene(size: Size(width: 400, height: 300), measurer: measurer)
    let footer = plain.groups(role: "footer").flatMap { $0 }
    XCTAssertEqual(footer.count, 1, "only the source line")
    let mixed = try chart([("A", "1..2"), ("B", "<=2"), ("C", ">=1"), ("D", "~3")], notes: ["Own note."]).scene(
      size: Size(width: 500, height: 400), measurer: measurer)
    let texts = mixed.groups(role: "footer").flatMap { $0 }.compactMap { p -> String? in
      if case .text(let t) = p { return t.text } else { return nil }
    }
    XCTAssertEqual(texts.first, "Own note.")
    XCTAssertEqual(texts.last, "Source: Test, 2021")
    XCTAssertEqual(texts.count, 6)
    XCTAssertTrue(texts.contains { $0.contains("upper bounds") })
    XCTAssertTrue(texts.contains { $0.contains("lower bounds") })
  }

  func testLongLabelsWrapAndNoTextLeavesTheCanvasOrOverlaps() throws {
    let long = String(repeating: "Workers dispatched ", count: 3)
    let scene = try chart([(long, "1300"), ("Short", "2000"), (long + "again", "3500..4000")]).scene(
      size: Size(width: 640, height: 400), measurer: measurer)
    let boxes = try scene.texts.map { try measurer.bounds(of: $0) }
    let canvas = Rect(x: 0, y: 0, width: 640, height: 400)
    for (t, b) in zip(scene.texts, boxes) {
      XCTAssertTrue(canvas.inset(top: 19.9, left: 19.9, bottom: 19.9, right: 19.9).contains(b), "\(t.text) leaves the frame: \(b)")
    }
    let categories = try XCTUnwrap(scene.groups(role: "category-labels").first).compactMap { p -> TextItem? in
      if case .text(let t) = p { return t } else { return nil }
    }
    XCTAssertNotNil(categories[0].maxWidth)
    let catBoxes = try categories.map { try measurer.bounds(of: $0) }
    XCTAssertGreaterThan(catBoxes[0].height, 12, "the long label wraps onto several lines")
    for i in catBoxes.indices { for j in catBoxes.indices where j > i { XCTAssertFalse(catBoxes[i].intersects(catBoxes[j])) } }
    let bars = scene.groups(role: "bar").compactMap { fills($0).first }
    for (c, b) in zip(catBoxes, bars) { XCTAssertLessThanOrEqual(c.maxX, b.minX, "labels stay left of the bars") }
  }

  /// Counts what a chart asks of its measurer.
  final class CountingMeasurer: TextMeasurer {
    var requests: [(text: String, maxWidth: Double?)] = []
    func measure(_ text: String, style: TextStyle, maxWidth: Double?) throws -> TextMetrics {
      requests.append((text, maxWidth))
      return try FixedMeasurer().measure(text, style: style, maxWidth: maxWidth)
    }
    func lines(_ text: String, style: TextStyle, spans: [TextSpan], maxWidth: Double) throws -> [TextLine] {
      try FixedMeasurer().lines(text, style: style, spans: spans, maxWidth: maxWidth)
    }
  }

  func testRowLabelsThatFitAreMeasuredOnceAndDrawnUnwrappedWhileOneTooLongWrapsThemAll() throws {
    func categories(_ scene: Scene) throws -> [TextItem] {
      try XCTUnwrap(scene.groups(role: "category-labels").first).compactMap { p -> TextItem? in
        if case .text(let t) = p { return t } else { return nil }
      }
    }
    let counting = CountingMeasurer()
    let short = try chart([("Construction", "1300"), ("Logging", "2000")]).scene(size: Size(width: 640, height: 400), measurer: counting)
    XCTAssertEqual(try categories(short).map(\.maxWidth), [nil, nil], "labels that fit are not wrapped")
    XCTAssertEqual(counting.requests.filter { $0.text == "Construction" }.map(\.maxWidth), [nil], "and are measured once")
    // One label wider than the column (a third of the chart) wraps every label to the same width.
    let long = String(repeating: "Workers dispatched ", count: 3)
    let wrapped = try categories(try chart([(long, "1300"), ("Short", "2000")]).scene(size: Size(width: 640, height: 400), measurer: measurer))
    let width = try XCTUnwrap(wrapped[0].maxWidth)
    XCTAssertLessThan(width, 640 * 0.33)
    XCTAssertEqual(wrapped[1].maxWidth, width)
  }

  func testMetadataCarriesTitleSourceAndAltText() throws {
    let scene = try chart([("Construction", "1300"), ("Sinuiju", "3500..4000")]).scene(measurer: measurer)
    XCTAssertEqual(scene.metadata.title, "Title")
    XCTAssertEqual(scene.metadata.sourceLine, "Source: Test, 2021")
    XCTAssertEqual(
      scene.metadata.altText,
      "Horizontal bar chart. Title. Subtitle. 2 bars: Construction: 1,300; Sinuiju: 3,500–4,000. Source: Test, 2021")
  }

  func testEmptyAndCrampedChartsFailWithTheirPhase() throws {
    XCTAssertThrowsError(try chart([]).scene(measurer: measurer)) { error in
      XCTAssertEqual("\(error)", "chart test: select: there are no bars to draw")
    }
    XCTAssertThrowsError(try chart([("A", "1")]).scene(size: Size(width: 60, height: 60), measurer: measurer)) { error in
      XCTAssertTrue("\(error)".hasPrefix("chart test: frame: "), "\(error)")
    }
    let many = (0..<200).map { ("Bar \($0)", "\($0 + 1)") }
    XCTAssertThrowsError(try chart(many).scene(size: Size(width: 400, height: 200), measurer: measurer)) { error in
      XCTAssertTrue("\(error)".hasPrefix("chart test: scales: "), "\(error)")
    }
  }

  func testNegativeValuesDrawLeftOfZero() throws {
    let scene = try chart([("Loss", "-500"), ("Gain", "1000")]).scene(size: Size(width: 400, height: 300), measurer: measurer)
    let grid = gridlines(scene)
    let x0 = try XCTUnwrap(grid["0"])
    let loss = try XCTUnwrap(fills(scene.groups(role: "bar")[0]).first)
    XCTAssertEqual(loss.maxX, x0, accuracy: 1e-9)
    XCTAssertLessThan(loss.minX, x0)
    XCTAssertNotNil(grid["−500"], "negative ticks use a real minus sign")
  }

  func testThinnedLabelsNameEveryKthBarWithoutOverlapAndSaySo() throws {
    let values = (1...300).map { ("Item \($0)", "\(($0 * 37) % 500 + 20)") }
    var dense = try chart(values)
    let size = Size(width: 640, height: 400)
    // Every label cannot fit: the default refuses, as before.
    XCTAssertThrowsError(try dense.scene(size: size, measurer: measurer)) {
      XCTAssertTrue("\($0)".contains("make the chart taller"), "\($0)")
    }
    dense.categoryLabels = .thinned
    let scene = try dense.scene(size: size, measurer: measurer)
    XCTAssertEqual(scene.groups(role: "bar").count, 300, "every bar is drawn")
    let labels = try XCTUnwrap(scene.groups(role: "category-labels").first).compactMap { p -> TextItem? in
      if case .text(let t) = p { return t } else { return nil }
    }
    let every = Int(try XCTUnwrap(labels.dropFirst().first?.text.split(separator: " ").last.flatMap { Int($0) })) - 1
    XCTAssertGreaterThan(every, 1)
    XCTAssertEqual(labels.map(\.text), stride(from: 1, through: 300, by: every).map { "Item \($0)" })
    let boxes = try labels.map { try measurer.bounds(of: $0) }
    for (a, b) in zip(boxes, boxes.dropFirst()) { XCTAssertFalse(a.intersects(b), "\(a) and \(b) overlap") }
    XCTAssertTrue(try XCTUnwrap(scene.groups(role: "value-labels").first).isEmpty, "values are read off the axis")
    XCTAssertTrue(scene.texts.contains { $0.text == "Labels name every \(NumberFormat.ordinal(every)) of the 300 bars, from the first; values are read off the axis." })
    XCTAssertTrue(scene.metadata.altText.contains("; and 200 more."), scene.metadata.altText)
    // With room for every label, thinned labels change nothing.
    var roomy = try chart(Array(values.prefix(8)))
    let all = try roomy.scene(size: size, measurer: measurer)
    roomy.categoryLabels = .thinned
    XCTAssertEqual(try roomy.scene(size: size, measurer: measurer), all)
  }

  func testOrdinals() {
    XCTAssertEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(NumberFormat.ordinal), ["1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"])
  }

  func testThinnedLabelsRefuseGroupHeadingsTheyCannotFit() throws {
    var items = try (1...300).map { BarItem(label: "Item \($0)", value: try ReportedValue.parse("\($0 % 50 + 10)")) }
    items[0].group = "First"
    items[150].group = "Second"
    let chart = BarChart(id: "g", frame: FrameText(title: "T"), items: items, categoryLabels: .thinned)
    XCTAssertThrowsError(try chart.scene(size: Size(width: 640, height: 400), measurer: measurer)) {
      XCTAssertTrue("\($0)".hasPrefix("chart g: scales: group headings need a line each"), "\($0)")
    }
  }
}
