import BriefCharts
import BriefModel
import BriefScene
import BriefTestSupport
import XCTest

final class LineChartTests: XCTestCase {
  let measurer = FixedMeasurer()

  func day(_ y: Int, _ m: Int, _ d: Int) throws -> Day {
    try XCTUnwrap(Day(year: y, month: m, day: d))
  }

  func chart(_ series: [LineSeries], suffix: String = "") -> LineChart {
    LineChart(id: "lc", frame: FrameText(title: "Title", source: "Source: Test"), series: series, valueSuffix: suffix)
  }

  func texts(_ primitives: [Primitive]) -> [TextItem] {
    primitives.flatMap(\.flattened).compactMap { if case .text(let t) = $0 { return t } else { return nil } }
  }

  /// Tick positions by label: x for dates, y for values.
  func dateTicks(_ scene: Scene) -> [String: Double] {
    Dictionary(texts(scene.groups(role: "ticks").flatMap { $0 }).map { ($0.text, $0.position.x) }, uniquingKeysWith: { a, _ in a })
  }

  func valueTicks(_ scene: Scene) -> [String: Double] {
    Dictionary(texts(scene.groups(role: "value-ticks").flatMap { $0 }).map { ($0.text, $0.position.y) }, uniquingKeysWith: { a, _ in a })
  }

  func points(_ path: Path) -> [Point] {
    path.elements.compactMap { e -> Point? in
      switch e {
      case .move(let p), .line(let p): return p
      default: return nil
      }
    }
  }

  func roles(_ primitives: [Primitive]) -> [String] {
    primitives.map { if case .group(let r, _) = $0 { return r } else { return "" } }
  }

  func testLineJoinsEstimatesAndBandCoversLowToHigh() throws {
    let series = LineSeries(name: "Russia", points: [
      LinePoint(start: try day(2021, 3, 1), low: 150, high: 250, estimate: 200, label: "~200"),
      LinePoint(start: try day(2021, 1, 1), low: 80, high: 120, estimate: 100, label: "~100"),
    ])
    let scene = try chart([series]).scene(measurer: measurer)
    let v = valueTicks(scene)
    XCTAssertEqual(v.keys.sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }, ["0", "50", "100", "150", "200", "250"], "zero is on the axis")
    let y0 = try XCTUnwrap(v["0"]), y50 = try XCTUnwrap(v["50"])
    func y(_ value: Double) -> Double { y0 + (y50 - y0) * value / 50 }
    let d = dateTicks(scene)
    XCTAssertNotNil(d["Jan 2021"], "two months of data tick by month")
    let jan = try XCTUnwrap(d["Jan 2021"]), feb = try XCTUnwrap(d["Feb"])
    let dw = (feb - jan) / 31
    let xJan1 = jan + dw / 2, xMar1 = jan + (31 + 28) * dw + dw / 2

    // Points are sorted by date; the line runs through the middle of each day at its estimate.
    let line = try XCTUnwrap(scene.groups(role: "series-line").first?.first)
    guard case .stroke(let path, let stroke) = line else { return XCTFail("the line is a stroke") }
    let vertices = points(path)
    XCTAssertEqual(vertices.count, 2)
    XCTAssertEqual(vertices[0].x, xJan1, accuracy: 1e-9)
    XCTAssertEqual(vertices[0].y, y(100), accuracy: 1e-9)
    XCTAssertEqual(vertices[1].x, xMar1, accuracy: 1e-9)
    XCTAssertEqual(vertices[1].y, y(200), accuracy: 1e-9)
    XCTAssertEqual(stroke.color, ChartStyle.standard.palette[0])

    // The band: highs left to right, then lows right to left, translucent.
    let band = try XCTUnwrap(scene.groups(role: "series-band").first?.first)
    guard case .fill(let bandPath, let bandColor) = band else { return XCTFail("the band is a fill") }
    let corners = points(bandPath)
    assertClose(corners.map(\.y), [y(120), y(250), y(150), y(80)], accuracy: 1e-9)
    XCTAssertEqual(corners[0].x, xJan1, accuracy: 1e-9)
    XCTAssertLessThan(bandColor.alpha, 0.5)
    XCTAssertEqual(roles(try XCTUnwrap(scene.groups(role: "series-points").first)), ["estimate", "estimate"])
  }

  func testOneSidedBoundsAreArrowsNotLineVertices() throws {
    let series = LineSeries(name: "China", points: [
      LinePoint(start: try day(2019, 1, 1), estimate: 100, label: "100"),
      LinePoint(start: try day(2020, 1, 1), low: 150, label: "≥150"),
      LinePoint(start: try day(2021, 1, 1), high: 90, label: "up to 90"),
      LinePoint(start: try day(2022, 1, 1), estimate: 120, label: "120"),
    ])
    let scene = try chart([series]).scene(size: Size(width: 640, height: 400), measurer: measurer)
    let markers = try XCTUnwrap(scene.groups(role: "series-points").first)
    XCTAssertEqual(roles(markers), ["estimate", "lower-bound", "upper-bound", "estimate"])
    XCTAssertEqual(scene.groups(role: "series-line").first?.count, 0, "no line runs through a bound")
    let v = valueTicks(scene)
    let y0 = try XCTUnwrap(v["0"]), y50 = try XCTUnwrap(v["50"])
    func y(_ value: Double) -> Double { y0 + (y50 - y0) * value / 50 }
    func arrowhead(_ marker: Primitive) -> Rect? {
      guard case .group(_, let parts) = marker else { return nil }
      return parts.compactMap { if case .fill(let p, _) = $0 { return p.bounds } else { return nil } }.first
    }
    // "At least 150": the head points up from the bound; "up to 90" points down.
    let up = try XCTUnwrap(arrowhead(markers[1]))
    XCTAssertLessThan(up.maxY, y(150))
    let down = try XCTUnwrap(arrowhead(markers[2]))
    XCTAssertGreaterThan(down.minY, y(90))
    let footer = texts(scene.groups(role: "footer").flatMap { $0 }).map(\.text)
    XCTAssertTrue(footer.contains { $0.hasPrefix("Arrows mark one-sided figures") })
    XCTAssertFalse(footer.contains { $0.hasPrefix("Shaded bands") }, "no band, no band note")
  }

  func testAPeriodDrawsAHorizontalLineAcrossItsDays() throws {
    let series = LineSeries(name: "Russia", points: [
      LinePoint(start: try day(2020, 1, 1), end: try day(2020, 12, 31), estimate: 50, label: "50"),
      LinePoint(start: try day(2022, 6, 1), end: try day(2022, 6, 30), estimate: 40, label: "40"),
    ])
    let scene = try chart([series]).scene(measurer: measurer)
    let d = dateTicks(scene)
    let x2020 = try XCTUnwrap(d["2020"]), x2021 = try XCTUnwrap(d["2021"])
    let marker = try XCTUnwrap(scene.groups(role: "series-points").first?.first)
    guard case .group(_, let parts) = marker, case .stroke(let span, _)? = parts.first, let b = span.bounds else {
      return XCTFail("a period starts with its span line")
    }
    XCTAssertEqual(b.height, 0, "the span line is horizontal")
    XCTAssertEqual(b.minX, x2020, accuracy: 1e-9)
    XCTAssertEqual(b.maxX, x2021, accuracy: 1e-9)
    // The estimate sits in the middle of the period.
    let dot = parts.compactMap { p -> Rect? in if case .fill(let path, let c) = p, c.alpha == 1, c != .white { return path.bounds } else { return nil } }.last
    XCTAssertEqual(try XCTUnwrap(dot).midX, (x2020 + x2021) / 2, accuracy: 1e-9)
  }

  func testSinglePointAndAllEqualValues() throws {
    let one = try chart([LineSeries(name: "Only", points: [LinePoint(start: try day(2021, 5, 5), estimate: 7, label: "7")])])
      .scene(measurer: measurer)
    assertTexts(one, ["Only", "7"])
    XCTAssertNotNil(valueTicks(one)["0"])

    let flat = try (1...4).map { LinePoint(start: try day(2020 + $0, 1, 1), estimate: 5, label: "5") }
    let scene = try chart([LineSeries(name: "Flat", points: flat)]).scene(measurer: measurer)
    let v = valueTicks(scene)
    XCTAssertNotNil(v["0"])
    XCTAssertNotNil(v["5"])
    let line = try XCTUnwrap(scene.groups(role: "series-line").first?.first)
    guard case .stroke(let path, _) = line else { return XCTFail() }
    XCTAssertEqual(Set(points(path).map(\.y)).count, 1, "equal values draw a flat line")
  }

  func assertTexts(_ scene: Scene, _ expected: [String], file: StaticString = #filePath, line: UInt = #line) {
    let all = Set(scene.texts.map(\.text))
    for t in expected where !all.contains(t) { XCTFail("missing text \(t)", file: file, line: line) }
  }

  func testLabelsNeverOverlapAndStayInside() throws {
    let a = try (0..<24).map { i in
      LinePoint(start: try day(2020 + i / 12, 1 + i % 12, 1), low: Double(900 + i * 10), high: Double(1200 + i * 10), estimate: Double(1000 + i * 10 + (i % 2) * 40), label: "~\(1000 + i * 10)")
    }
    let b = try (0..<24).map { i in
      LinePoint(start: try day(2020 + i / 12, 1 + i % 12, 15), estimate: Double(1050 + i * 12), label: "\(1050 + i * 12)")
    }
    let scene = try chart([LineSeries(name: "China", points: a), LineSeries(name: "Russia", points: b)]).scene(measurer: measurer)
    let labels = texts(scene.groups(role: "value-labels").flatMap { $0 }) + texts(scene.groups(role: "series-labels").flatMap { $0 })
    XCTAssertGreaterThan(labels.count, 2)
    let boxes = try labels.map { try measurer.bounds(of: $0) }
    let inside = Rect(x: 20, y: 20, width: 600, height: 360)
    for (t, box) in zip(labels, boxes) { XCTAssertTrue(inside.contains(box, tolerance: 0.001), "\(t.text) leaves the chart") }
    for i in boxes.indices { for j in boxes.indices where j > i { XCTAssertFalse(boxes[i].intersects(boxes[j]), "\(labels[i].text) meets \(labels[j].text)") } }
  }

  func testSeriesAreNamedAtTheirEndsInPaletteColours() throws {
    let scene = try chart([
      LineSeries(name: "China", points: [LinePoint(start: try day(2019, 1, 1), estimate: 50_000, label: "50,000"), LinePoint(start: try day(2023, 1, 1), estimate: 100_000, label: "100,000")]),
      LineSeries(name: "Russia", points: [LinePoint(start: try day(2019, 1, 1), estimate: 10_000, label: "10,000"), LinePoint(start: try day(2024, 1, 1), estimate: 15_000, label: "15,000")]),
    ]).scene(measurer: measurer)
    let names = texts(scene.groups(role: "series-labels").flatMap { $0 })
    XCTAssertEqual(names.map(\.text), ["China", "Russia"])
    XCTAssertEqual(names.map(\.style.color), Array(ChartStyle.standard.palette.prefix(2)))
    let lines = scene.groups(role: "series-line").compactMap { $0.first }
    for (name, line) in zip(names, lines) {
      guard case .stroke(let path, _) = line, let last = points(path).last else { return XCTFail() }
      XCTAssertGreaterThan(name.position.x, last.x, "\(name.text) sits past its line's end")
      XCTAssertEqual(name.position.y, last.y, accuracy: 12, "\(name.text) sits level with its line's end")
    }
    XCTAssertEqual(
      scene.metadata.altText,
      "Line chart. Title. China: 50,000 (2019-01-01); 100,000 (2023-01-01). Russia: 10,000 (2019-01-01); 15,000 (2024-01-01). Source: Test")
  }

  func testPointsFromReportedValuesAndEDTFDates() throws {
    let p = try XCTUnwrap(LinePoint(date: try EDTFDate.parse("2021-03"), value: try ReportedValue.parse(">=10000")))
    XCTAssertEqual(p.start, try day(2021, 3, 1))
    XCTAssertEqual(p.end, try day(2021, 3, 31))
    XCTAssertEqual(p.low, 10_000)
    XCTAssertNil(p.high)
    XCTAssertNil(p.estimate)
    XCTAssertEqual(p.label, "≥10,000")
    XCTAssertNil(LinePoint(date: try EDTFDate.parse("../2017"), value: .exact(1)))
  }

  func testBadInputFailsWithPhaseAndId() throws {
    XCTAssertThrowsError(try chart([]).scene(measurer: measurer)) { error in
      XCTAssertEqual(error as? ChartError, .invalid(chart: "lc", phase: .select, message: "there are no series to draw"))
    }
    XCTAssertThrowsError(try chart([LineSeries(name: "Empty", points: [])]).scene(measurer: measurer)) { error in
      XCTAssertTrue("\(error)".hasPrefix("chart lc: select: "), "\(error)")
    }
    let nothing = LinePoint(start: try day(2021, 1, 1), label: "?")
    XCTAssertThrowsError(try chart([LineSeries(name: "A", points: [nothing])]).scene(measurer: measurer)) { error in
      XCTAssertEqual("\(error)", "chart lc: normalise: A, 2021-01-01: the point has no value, bound or estimate")
    }
    let inverted = LinePoint(start: try day(2021, 1, 1), low: 5, high: 3, label: "5–3")
    XCTAssertThrowsError(try chart([LineSeries(name: "A", points: [inverted])]).scene(measurer: measurer)) { error in
      XCTAssertTrue("\(error)".hasPrefix("chart lc: normalise: A, 2021-01-01: the low figure 5 is above"), "\(error)")
    }
    let fine = LineSeries(name: "A", points: [LinePoint(start: try day(2021, 1, 1), estimate: 1, label: "1")])
    XCTAssertThrowsError(try chart([fine]).scene(size: Size(width: 60, height: 60), measurer: measurer)) { error in
      XCTAssertTrue("\(error)".hasPrefix("chart lc: frame: "), "\(error)")
    }
    XCTAssertThrowsError(try chart([fine]).scene(size: Size(width: 640, height: 130), measurer: measurer)) { error in
      XCTAssertTrue("\(error)".hasPrefix("chart lc: scales: "), "\(error)")
    }
  }
}

private func assertClose(_ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line) {
  XCTAssertEqual(a.count, b.count, file: file, line: line)
  for (x, y) in zip(a, b) { XCTAssertEqual(x, y, accuracy: accuracy, file: file, line: line) }
}
