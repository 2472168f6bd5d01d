import BriefCharts
import BriefModel
import BriefScene
import BriefTestSupport
import XCTest

final class ChartSpecTests: XCTestCase {
  let measurer = FixedMeasurer()

  func testEverySeedsChartCompilesInEveryStyleWithItsSourcesAndNoOverlap() throws {
    let root = Tools.packageRoot
    guard case .success(let dataset) = DatasetLoader.load(directory: root + "/seeds") else { return XCTFail("seeds do not load") }
    let specs = try ChartSpecLoader.load(yaml: try String(contentsOfFile: root + "/seeds/charts.yaml", encoding: .utf8), file: "charts.yaml")
    XCTAssertGreaterThanOrEqual(specs.count, 7)
    let compiler = ChartCompiler(context: ChartContext(dataset: dataset))
    for name in StyleFile.builtIn {
      let style = try StyleFile.load(name, stylesDirectory: root + "/styles") { try String(contentsOfFile: $0, encoding: .utf8) }.style
      for spec in specs {
        let scene = try compiler.scene(spec, style: style, measurer: measurer)
        XCTAssertTrue(scene.metadata.sourceLine.hasPrefix("Source"), "\(spec.id) has no source line")
        XCTAssertFalse(scene.metadata.altText.isEmpty, "\(spec.id) has no alt text")
        XCTAssertNotNil(compiler.date(of: spec), "\(spec.id) has no date for its PDF")
        let canvas = Rect(x: 0, y: 0, width: scene.size.width, height: scene.size.height)
        let boxes = try scene.texts.map { ($0.text, try measurer.bounds(of: $0)) }
        for (text, box) in boxes {
          XCTAssertTrue(canvas.contains(box, tolerance: 0.5), "\(name)/\(spec.id): \"\(text)\" leaves the canvas")
        }
        for a in boxes.indices {
          for b in boxes.indices where b > a && boxes[a].1.inset(top: 0.5, left: 0.5, bottom: 0.5, right: 0.5).intersects(boxes[b].1) {
            XCTFail("\(name)/\(spec.id): \"\(boxes[a].0)\" overlaps \"\(boxes[b].0)\"")
          }
        }
      }
    }
  }

  func testProvenanceBuildsTheSourceLineAndMarksDerivedValues() throws {
    let specs = try Fixtures.specs(
      """
      charts:
        - id: b
          kind: bars
          title: Bribes
          data:
            - {observation: bribe-a, label: Construction}
            - {observation: wage-a}
      """)
    let scene = try ChartCompiler(context: try Fixtures.context()).scene(specs[0], style: .standard, measurer: measurer)
    XCTAssertEqual(scene.metadata.sourceLine, "Sources: Daily NK, Feb 2021; Radio Free Asia, 25 Apr 2014")
    let labels = scene.texts.map(\.text)
    XCTAssertTrue(labels.contains("Construction"))
    XCTAssertTrue(labels.contains("Russia, Apr 2014"), "an observation without a label is named by place and period: \(labels)")
  }

  func testSortingAndSelectionByField() throws {
    let specs = try Fixtures.specs(
      """
      charts:
        - id: b
          kind: bars
          title: Bribes
          select: {measure: bribe}
          sort: descending
      """)
    let compiler = ChartCompiler(context: try Fixtures.context())
    XCTAssertEqual(try compiler.select(specs[0]).map(\.id), ["bribe-a", "bribe-b"])
    let scene = try compiler.scene(specs[0], style: .standard, measurer: measurer)
    let values = try XCTUnwrap(scene.groups(role: "value-labels").first).compactMap { p -> String? in
      if case .text(let t) = p { return t.text } else { return nil }
    }
    XCTAssertEqual(values, ["3,500–4,000", "1,300"])
  }

  func testSelectionErrorsNameTheSpecLocationChartAndPhase() throws {
    let context = try Fixtures.context()
    func error(_ yaml: String) -> String {
      Fixtures.message {
        let specs = try Fixtures.specs(yaml)
        _ = try ChartCompiler(context: context).scene(specs[0], style: .standard, measurer: self.measurer)
      }
    }
    XCTAssertEqual(
      error("charts:\n  - id: x\n    kind: bars\n    title: T\n    data:\n      - {observation: bribe-z}\n"),
      "charts.yaml:6:9: error: chart x: select: no observation \"bribe-z\"; did you mean \"bribe-a\", \"bribe-b\"?")
    XCTAssertEqual(
      error("charts:\n  - id: x\n    kind: bars\n    title: T\n    select: {measure: bribe, destination: Mars}\n"),
      "charts.yaml:5:13: error: chart x: select: no observation matches measure bribe, destination Mars")
    XCTAssertEqual(
      error("charts:\n  - id: x\n    kind: bars\n    title: T\n    data: [{estimate: nothing-like-it}]\n"),
      "charts.yaml:5:12: error: chart x: select: no estimate \"nothing-like-it\"")
  }

  func testSpecErrorsNameFileLineColumnFieldExpectedAndFound() {
    func error(_ yaml: String) -> String { Fixtures.message { _ = try Fixtures.specs(yaml) } }
    XCTAssertEqual(
      error("charts:\n  - id: x\n    kind: pie\n    title: T\n"),
      "charts.yaml:3:11: error: charts[1].kind: expected one of bars, dot-range, line, timeline, stacked, tile, found \"pie\"")
    XCTAssertEqual(
      error("charts:\n  - id: x\n    kind: bars\n    data: [{observation: a}]\n"),
      "charts.yaml:2:5: error: charts[1].title: expected a title, found none")
    XCTAssertEqual(
      error("charts:\n  - id: x\n    kind: bars\n    title: T\n    data: [{observation: a, estimate: b}]\n"),
      "charts.yaml:5:12: error: charts[1].data[1]: expected one of estimate, observation or value, found estimate and observation")
    XCTAssertEqual(
      error("charts:\n  - id: x\n    kind: bars\n    title: T\n    data: [{value: 3..1, label: A}]\n"),
      "charts.yaml:5:20: error: charts[1].data[1].value: expected a range whose low end is not above its high end, found \"3..1\"")
    XCTAssertEqual(
      error("charts:\n  - id: ../x\n    kind: bars\n    title: T\n"),
      "charts.yaml:2:9: error: charts[1].id: expected an id of letters, digits, '-' and '_' (it names output files), found \"../x\"")
    XCTAssertEqual(
      error("charts:\n  - {id: x, kind: bars, title: T, data: [{value: 1}]}\n  - {id: x, kind: bars, title: U, data: [{value: 2}]}\n"),
      "charts.yaml:3:5: error: id: expected an id not used before (first at line 2), found \"x\" again")
    XCTAssertEqual(
      error("charts:\n  - id: x\n    kind: bars\n    title: T\n    colour: red\n"),
      "charts.yaml:5:5: error: charts[1].colour: expected one of id, kind, title, subtitle, notes, size, date, data, select, series, events, sort, orientation, ranges, labels, tick-suffix, parts, style, bars, source, found unknown field \"colour\"")
    XCTAssertEqual(
      error("charts:\n  - id: x\n    kind: bars\n    title: T\n    data: [{value: 1}]\n    style: {fonts: {title: big}}\n"),
      "charts.yaml:6:28: error: style.fonts.title: expected a number from 4 to 200, found \"big\"")
    XCTAssertEqual(
      error("charts:\n  - id: x\n    kind: bars\n    title: T\n"),
      "charts.yaml:2:5: error: charts[1].data: expected data, bars or select for a bars chart, found none")
    XCTAssertEqual(
      error("charts:\n  - id: x\n    kind: bars\n    orientation: vertical\n    labels: thinned\n    title: T\n    data: [{value: 1}]\n"),
      "charts.yaml:5:13: error: charts[1].labels: expected all (thinned labels are for horizontal bar and dot-range charts), found thinned on a vertical bar chart")
    XCTAssertEqual(
      error("charts:\n  - id: x\n    kind: bars\n    labels: some\n    title: T\n    data: [{value: 1}]\n"),
      "charts.yaml:4:13: error: charts[1].labels: expected one of all, thinned, found \"some\"")
  }

  func testSpecStyleOverridesApply() throws {
    let specs = try Fixtures.specs("kind: bars\ntitle: T\nbars: [{label: A, value: 1}]\nstyle: {fonts: {title: 30}, colors: {palette: ['#ff0000']}}\nsize: 300x200\n")
    XCTAssertEqual(specs[0].id, "charts", "a lone spec takes its id from the file name")
    let style = try specs[0].style(over: .standard)
    XCTAssertEqual(style.titleSize, 30)
    XCTAssertEqual(style.palette.map(\.hex), ["#ff0000"])
    XCTAssertEqual(style.size, Size(width: 300, height: 200))
  }

  func testFortyLongCategoriesDoNotOverlap() throws {
    let label = String(repeating: "Workers sent abroad ", count: 3)  // 60 characters
    let items = try (0..<40).map { BarItem(label: "\(label)\($0)", value: try ReportedValue.parse("\($0 * 100 + 50)")) }
    let chart = BarChart(id: "many", frame: FrameText(title: "Forty bars", source: "Source: test"), items: items)
    let scene = try chart.scene(size: Size(width: 800, height: 1400), measurer: measurer)
    let boxes = try scene.texts.map { try measurer.bounds(of: $0) }
    var overlaps: [String] = []
    for i in boxes.indices {
      for j in boxes.indices where j > i && boxes[i].intersects(boxes[j]) {
        overlaps.append("\(scene.texts[i].text) / \(scene.texts[j].text)")
      }
    }
    XCTAssertEqual(overlaps, [])
    XCTAssertEqual(scene.groups(role: "bar").count, 40)
  }
}
