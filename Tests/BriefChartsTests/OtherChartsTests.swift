import BriefCharts
import BriefModel
import BriefScene
import BriefTestSupport
import XCTest

final class OtherChartsTests: XCTestCase {
  let measurer = FixedMeasurer()

  func datum(_ label: String, _ value: String, group: String? = nil, unit: String = "USD") throws -> ChartDatum {
    let v = try ReportedValue.parse(value)
    return ChartDatum(id: label, label: label, group: group, value: v, valueLabel: v.formatted(), unit: unit, period: nil, sources: [], derived: false)
  }

  func circles(_ scene: Scene) -> [Rect] {
    scene.groups(role: "row").flatMap { $0 }.compactMap { p -> Rect? in
      if case .fill(let path, _) = p, path.elements.contains(where: { if case .curve = $0 { return true } else { return false } }) { return path.bounds }
      return nil
    }
  }

  func testDotRangePlacesDotsAtEstimatesAndMarksEachGroupsMedian() throws {
    let data = [
      try datum("a", "100", group: "G1"), try datum("b", "300", group: "G1"), try datum("b2", "250", group: "G1"),
      try datum("c", "200..400", group: "G2"), try datum("d", "50", group: "G2"),
    ]
    let scene = try DotRangeChart(id: "d", frame: FrameText(title: "T"), data: data).scene(size: Size(width: 500, height: 300), measurer: measurer)
    let ticks = try XCTUnwrap(scene.groups(role: "ticks").first).compactMap { p -> TextItem? in if case .text(let t) = p { return t } else { return nil } }
    let x0 = try XCTUnwrap(ticks.first { $0.text == "0" }?.position.x), x400 = try XCTUnwrap(ticks.first { $0.text == "400" }?.position.x)
    let dots = circles(scene)
    XCTAssertEqual(dots.count, 5)
    XCTAssertEqual(dots[0].midX, x0 + (x400 - x0) / 4, accuracy: 1e-6)
    XCTAssertEqual(dots[3].midX, x0 + (x400 - x0) * 3 / 4, accuracy: 1e-6, "a range's dot sits at its midpoint")
    // The range's line spans 200..400.
    let line = try XCTUnwrap(scene.groups(role: "row")[3].compactMap { p -> Rect? in if case .stroke(let path, _) = p { return path.bounds } else { return nil } }.first)
    XCTAssertEqual(line.minX, x0 + (x400 - x0) / 2, accuracy: 1e-6)
    XCTAssertEqual(line.maxX, x400, accuracy: 1e-6)
    // G1's median (250 of 100, 250, 300) is marked; G2 has two values, which a median would not summarise.
    let median = try XCTUnwrap(scene.groups(role: "medians").first).compactMap { p -> Rect? in if case .stroke(let path, _) = p { return path.bounds } else { return nil } }
    XCTAssertEqual(median.count, 1)
    XCTAssertEqual(try XCTUnwrap(median.first).minX, x0 + (x400 - x0) * 250 / 400, accuracy: 1e-6)
  }

  func testDotRangeOpenEndsRunToTheEdgeWithAnArrow() throws {
    let scene = try DotRangeChart(id: "d", frame: FrameText(title: "T"), data: [try datum("a", ">=100"), try datum("b", "300")]).scene(size: Size(width: 500, height: 300), measurer: measurer)
    let row = scene.groups(role: "row")[0]
    XCTAssertEqual(row.filter { if case .fill = $0 { return true } else { return false } }.count, 1, "an arrowhead, and no dot for a bound")
    XCTAssertTrue(scene.texts.contains { $0.text.contains("no limit") })
  }

  func testStackedSharesSplitTheBarAtTheShare() throws {
    let data = [try datum("kept", "25%", unit: "%"), try datum("bound", "<10%", unit: "%")]
    let scene = try StackedShareChart(id: "s", frame: FrameText(title: "T"), data: data, parts: ("Kept", "Taken")).scene(size: Size(width: 500, height: 300), measurer: measurer)
    let bars = scene.groups(role: "bar")
    let fills = bars[0].compactMap { p -> Rect? in if case .fill(let path, _) = p { return path.bounds } else { return nil } }
    let (taken, kept) = (fills[0], fills[1])
    XCTAssertEqual(kept.width / (kept.width + taken.width), 0.25, accuracy: 1e-9)
    XCTAssertEqual(kept.maxX, taken.minX, accuracy: 1e-9)
    XCTAssertEqual(bars[1].filter { if case .stroke(_, let s) = $0 { return !s.dash.isEmpty } else { return false } }.count, 1, "a bound is outlined")
    let texts = scene.texts.map(\.text)
    XCTAssertTrue(texts.contains("Taken 75%"), "\(texts)")
    XCTAssertTrue(texts.contains("Taken >90%"))
    XCTAssertThrowsError(try StackedShareChart(id: "s", frame: FrameText(title: "T"), data: [try datum("x", "5")], parts: ("A", "B")).scene(measurer: measurer)) {
      XCTAssertTrue("\($0)".hasPrefix("chart s: normalise: x: a stacked share needs a percentage"), "\($0)")
    }
  }

  func testTileShowsTheFigureLargeWithItsUnitAndSource() throws {
    let d = try datum("Workers", "~4000", unit: "workers")
    let scene = try KeyFigureTile(id: "t", frame: FrameText(title: "Workers in Russia", source: "Source: X"), datum: d).scene(measurer: measurer)
    XCTAssertEqual(scene.size, KeyFigureTile.defaultSize)
    let texts = scene.texts
    XCTAssertEqual(texts.map(\.text), ["~4,000 workers", "Workers in Russia", "Source: X"])
    XCTAssertGreaterThan(texts[0].style.font.size, texts[1].style.font.size * 2)
    for t in texts { XCTAssertTrue(Rect(x: 0, y: 0, width: 220, height: 130).contains(try measurer.bounds(of: t), tolerance: 0.01), t.text) }
  }

  func testTileFigureIsTheLargestWholeStepBelowItsMaximumThatFits() throws {
    let d = try datum("Workers", "~4000", unit: "workers")
    let style = ChartStyle.standard
    // Narrow tiles force the figure down (tall enough that only the width binds); the size chosen
    // must be the one found by trying every size from the largest down, a point at a time.
    for width in [120.0, 150, 175, 200, 260] {
      let tile = KeyFigureTile(id: "t", frame: FrameText(title: "Workers in Russia", source: "Source: X"), datum: d)
      let scene = try tile.scene(size: Size(width: width, height: 400), style: style, measurer: measurer)
      let (figure, title) = (scene.texts[0], scene.texts[1])
      let room = try XCTUnwrap(title.maxWidth)
      var expected = style.titleSize * 2.6
      while try measurer.measure(figure.text, style: style.text(size: expected, weight: .bold, tabular: true), maxWidth: nil).width > room {
        expected -= 1
      }
      XCTAssertEqual(figure.style.font.size, expected, "tile \(width) pt wide")
      XCTAssertLessThan(expected, style.titleSize * 2.6, "tile \(width) pt wide should shrink the figure")
    }
  }

  func testThinnedDotRangeRowsLabelEveryKthRowAndDrawEveryRow() throws {
    let data = try (1...250).map { try datum("Row \($0)", "\($0 % 90 + 10)..\($0 % 90 + 60)") }
    var chart = DotRangeChart(id: "d", frame: FrameText(title: "T"), data: data)
    let size = Size(width: 500, height: 400)
    XCTAssertThrowsError(try chart.scene(size: size, measurer: measurer)) { XCTAssertTrue("\($0)".contains("make the chart taller"), "\($0)") }
    chart.categoryLabels = .thinned
    let scene = try chart.scene(size: size, measurer: measurer)
    XCTAssertEqual(scene.groups(role: "row").count, 250)
    let labels = scene.texts.filter { $0.text.hasPrefix("Row ") }
    XCTAssertGreaterThan(labels.count, 5)
    XCTAssertLessThan(labels.count, 250)
    let every = (Int(labels[1].text.dropFirst(4)) ?? 0) - 1
    XCTAssertEqual(labels.map(\.text), stride(from: 1, through: 250, by: every).map { "Row \($0)" })
    let boxes = try labels.map { try measurer.bounds(of: $0) }
    for (a, b) in zip(boxes, boxes.dropFirst()) { XCTAssertFalse(a.intersects(b)) }
    XCTAssertFalse(scene.texts.contains { $0.text.contains("–") }, "no value labels beside thinned rows")
    XCTAssertTrue(scene.texts.contains { $0.text.hasPrefix("Labels name every \(NumberFormat.ordinal(every)) of the 250 rows") })
  }
}
