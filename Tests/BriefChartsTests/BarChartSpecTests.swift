import BriefCharts
import BriefScene
import XCTest

final class BarChartSpecTests: XCTestCase {
  func load(_ yaml: String) throws -> BarChartSpec.Loaded {
    try BarChartSpec.load(yaml: yaml, file: "spec.yaml")
  }

  func message(_ yaml: String) -> String {
    do {
      _ = try load(yaml)
      return "no error"
    } catch {
      return "\(error)"
    }
  }

  func testAFullSpecLoads() throws {
    let loaded = try load(
      """
      id: bribes
      title: Bribes
      subtitle: USD
      source: "Source: Daily NK, Feb 2021"
      notes: One note.
      size: 500x300
      date: 2021-02-01
      bars:
        - {label: Construction, value: 1300}
        - {label: Sinuiju, value: 3500..4000}
        - {label: Misc, value: "<=2000"}
      """)
    XCTAssertEqual(loaded.chart.id, "bribes")
    XCTAssertEqual(loaded.chart.frame.notes, ["One note."])
    XCTAssertEqual(loaded.size, Size(width: 500, height: 300))
    XCTAssertEqual(loaded.date?.year, 2021)
    XCTAssertEqual(loaded.chart.items.map(\.value.kind), [.exact, .range, .atMost])
  }

  func testErrorsNameFileLineColumnFieldExpectedAndFound() {
    XCTAssertEqual(
      message("title: T\nbars:\n  - label: A\n    value: 3..1\n"),
      "spec.yaml:4:12: error: bars[1].value: expected a range whose low end is not above its high end, found \"3..1\"")
    XCTAssertEqual(
      message("title: T\ncolour: red\nbars: []\n"),
      "spec.yaml:2:1: error: colour: expected one of id, title, subtitle, source, notes, size, date, bars, tick-suffix, found unknown key \"colour\"")
    XCTAssertEqual(
      message("title: T\nbars:\n  - label: A\n"),
      "spec.yaml:3:5: error: bars[1].value: expected a value, found no value")
    XCTAssertEqual(
      message("title: T\nsize: big\nbars: []\n"),
      "spec.yaml:2:7: error: size: expected WIDTHxHEIGHT in points, e.g. 640x400, found \"big\"")
    XCTAssertEqual(
      message("title: T\ndate: 2021-02-30\nbars: []\n"),
      "spec.yaml:2:7: error: date: expected a day as YYYY-MM-DD, found \"2021-02-30\"")
    XCTAssertEqual(message("title: T\nbars: 5\n"), "spec.yaml:2:7: error: bars: expected a list, found \"5\"")
    XCTAssertTrue(message("title: [unclosed\n").hasPrefix("spec.yaml:2:1: error: YAML: expected valid YAML, found "), message("title: [unclosed\n"))
    XCTAssertEqual(message(""), "spec.yaml:1:1: error: document: expected a mapping with title and bars, found an empty file")
  }

  func testSizeParsing() {
    XCTAssertEqual(BarChartSpec.parseSize("1920x1080"), Size(width: 1920, height: 1080))
    XCTAssertNil(BarChartSpec.parseSize("0x10"))
    XCTAssertNil(BarChartSpec.parseSize("nanx10"))
    XCTAssertNil(BarChartSpec.parseSize("infx10"))
    XCTAssertNil(BarChartSpec.parseSize("10"))
  }
}
