import BriefCharts
import BriefModel
import BriefScene
import BriefTestSupport
import Foundation
import XCTest

/// Numbers from input never trap: NaN, ±infinity, 1e308, -0, 10,000-digit numbers, empty
/// selections, a single value and all-equal values each give a correct chart or a clear error.
final class NumberTrapTests: XCTestCase {
  let measurer = FixedMeasurer()
  let digits308 = "1" + String(repeating: "0", count: 308)
  let digits10000 = String(repeating: "9", count: 10_000)

  // MARK: - The parser

  func testNonFiniteAndHugeNumbersAreClearErrors() {
    for text in ["nan", "NaN", "inf", "-inf", ".inf", "1e308", "1e999", "~nan", "nan..1", "1..inf", "~1±inf"] {
      XCTAssertThrowsError(try ReportedValue.parse(text), text) { error in
        XCTAssertTrue("\(error)".hasPrefix("expected a reported value like"), "\(text): \(error)")
      }
    }
    for text in [digits308, "-" + digits308, digits10000, "~" + digits10000, "0.." + digits308, "~1±" + digits308, "1000000000000001"] {
      XCTAssertThrowsError(try ReportedValue.parse(text), String(text.prefix(20))) { error in
        let message = "\(error)"
        XCTAssertTrue(message.hasPrefix("expected a number of at most 10^15 (1,000,000,000,000,000), found \""), message)
        XCTAssertLessThan(message.count, 200, "the found part is cut short")
      }
    }
    // 10^15 itself is allowed, and ranges and sums near it stay finite.
    let big = try? ReportedValue.parse("~1000000000000000..1000000000000000")
    XCTAssertEqual(big?.estimate, 1e15)
    XCTAssertTrue(big?.interval.high?.isFinite ?? false)
  }

  func testNegativeZeroIsZero() throws {
    for text in ["-0", "-0.0", "~-0", "-0..0"] {
      let value = try ReportedValue.parse(text)
      XCTAssertEqual(value.estimate, 0, text)
      XCTAssertFalse(value.formatted().contains("-0"), "\(text) -> \(value.formatted())")
    }
  }

  func testPercentagesOutsideZeroToHundredAreErrorsNotEmptyIntervals() {
    // Found by fuzzing: "0222%" was an exact value whose interval ran from 222 down to 100.
    // And "~300±1768%" was accepted with its estimate moved to 100 (and "~300%" then rejected).
    for text in ["0222%", "150%", "-5%", ">=120%", "~-3%", "101..200%", "~300±1768%", "50..150%", "<=150%"] {
      XCTAssertThrowsError(try ReportedValue.parse(text), text) { error in
        XCTAssertEqual("\(error)", "expected a percentage from 0 to 100, found \"\(text)\"")
      }
    }
    for text in ["100%", "~100%", "<=100%", "0%", "-0%", "~0%"] {
      guard let value = try? ReportedValue.parse(text) else { XCTFail(text); continue }
      if let low = value.interval.low, let high = value.interval.high { XCTAssertLessThanOrEqual(low, high, text) }
    }
  }

  // MARK: - Charts of inline values

  /// Values at the edges, each alone, twice (all equal), and beside ordinary ones.
  var edgeValues: [String] {
    ["0", "-0", "1000000000000000", "-1000000000000000", "-1000000000000000..1000000000000000", "~1000000000000000",
     ">=1000000000000000", "<=-1000000000000000", "0.000000000000001", "~0.000000000000001", "0..0", "~0", ">0", "<0",
     "-5..-1", "100%", "~0%", "~5±1000000000000000"]
  }

  func testEveryKindDrawsEdgeValuesWithFiniteCoordinates() throws {
    var compiled = 0
    for kind in ["bars", "dot-range", "tile"] {
      for value in edgeValues {
        let groups: [[String]] = kind == "tile" ? [[value]] : [[value], [value, value], [value, "1", "-3", "~2000"]]
        for bars in groups {
          for orientation in kind == "bars" ? ["horizontal", "vertical"] : [""] {
            let yaml = """
              id: t
              kind: \(kind)
              title: Edge values
              \(orientation.isEmpty ? "" : "orientation: \(orientation)")
              bars:
              \(bars.enumerated().map { "  - {label: \"L\($0.offset)\", value: \"\($0.element)\"}" }.joined(separator: "\n"))
              """
            let label = "\(kind) \(orientation) \(bars)"
            let spec = try XCTUnwrap(try ChartSpecLoader.load(yaml: yaml, file: "t.yaml").first, label)
            do {
              let scene = try ChartCompiler(context: nil).scene(spec, style: .standard, measurer: measurer)
              assertFinite(scene, label)
              compiled += 1
            } catch let error as ChartError {
              // A clear error is fine; a trap is not.
              XCTAssertFalse("\(error)".isEmpty, label)
            }
          }
        }
      }
    }
    XCTAssertGreaterThan(compiled, 100)
  }

  func testASingleValueAndAllEqualValuesGetAnAxisFromZero() throws {
    for values in [["5"], ["5", "5", "5"], ["-0"], ["0", "0"]] {
      let yaml = "id: t\nkind: bars\ntitle: T\nbars:\n" + values.map { "  - {label: A, value: \"\($0)\"}" }.joined(separator: "\n")
      let spec = try XCTUnwrap(try ChartSpecLoader.load(yaml: yaml, file: "t.yaml").first)
      let scene = try ChartCompiler(context: nil).scene(spec, style: .standard, measurer: measurer)
      assertFinite(scene, "\(values)")
      XCTAssertTrue(scene.texts.contains { $0.text == "0" }, "\(values): no 0 tick")
      XCTAssertFalse(scene.texts.contains { $0.text.contains("-0") }, "\(values): a -0 label")
    }
  }

  func testEmptyAndOversizedInlineDataAreErrorsAtLoad() {
    let cases: [(String, String)] = [
      ("id: t\nkind: bars\ntitle: T\nbars: []", "t.yaml:1:1: error: data: expected data, bars or select for a bars chart, found none"),
      ("id: t\nkind: tile\ntitle: T\nbars: [{label: A, value: 1}, {label: B, value: 2}]",
       "t.yaml:1:1: error: data: expected exactly one estimate or observation for a tile, found 2"),
      ("id: t\nkind: bars\ntitle: T\nbars: [{label: A, value: \(digits10000)}]",
       "t.yaml:4:26: error: bars[1].value: expected a number of at most 10^15 (1,000,000,000,000,000), found \"\(String(repeating: "9", count: 57))...\""),
      ("id: t\nkind: bars\ntitle: T\nbars: [{label: A, value: .nan}]",
       "t.yaml:4:26: error: bars[1].value: expected \(ReportedValue.syntaxDescription), found \".nan\""),
    ]
    for (yaml, message) in cases {
      XCTAssertThrowsError(try ChartSpecLoader.load(yaml: yaml, file: "t.yaml")) { XCTAssertEqual("\($0)", message) }
    }
  }

  // MARK: - The dataset at its limits

  /// Every value of the seeds replaced by an edge value: the dataset loads or reports clear
  /// errors, the statistics stay finite, and every chart of the seeds compiles or fails clearly.
  func testTheSeedsWithEdgeValuesNeverTrap() throws {
    let root = Tools.packageRoot
    let specs = try ChartSpecLoader.load(yaml: try String(contentsOfFile: root + "/seeds/charts.yaml", encoding: .utf8), file: "charts.yaml")
    let original = try String(contentsOfFile: root + "/seeds/observations.yaml", encoding: .utf8)
    for value in ["0", "-0", "1000000000000000", "~1000000000000000", "0..1000000000000000", "0.000000000000001", "~0", ">=0", "1"] {
      let dir = try Tools.scratchFolder("briefkit-edge")
      defer { try? FileManager.default.removeItem(atPath: dir) }
      for f in ["vocabulary", "sources", "events", "rates"] {
        try FileManager.default.copyItem(atPath: "\(root)/seeds/\(f).yaml", toPath: "\(dir)/\(f).yaml")
      }
      // Percentages keep theirs (they are limited to 0–100); every other value becomes `value`.
      let edited = original.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
        line.hasPrefix("  value:") && !line.contains("%") ? "  value: \"\(value)\"" : String(line)
      }.joined(separator: "\n")
      try edited.write(toFile: dir + "/observations.yaml", atomically: true, encoding: .utf8)
      let (dataset, errors) = DatasetLoader.loadCollectingErrors(directory: dir)
      for e in errors { XCTAssertTrue(e.description.contains(": error: "), e.description) }
      guard errors.isEmpty else { continue }
      let analysis = Analysis.run(dataset)
      for e in analysis.estimates {
        for x in [e.interval.low, e.interval.high, e.estimate].compactMap({ $0 }) {
          XCTAssertFalse(x.isNaN, "\(value): \(e.id) has NaN")
        }
      }
      let compiler = ChartCompiler(context: ChartContext(dataset: dataset, analysis: analysis))
      for spec in specs {
        do {
          assertFinite(try compiler.scene(spec, style: .standard, measurer: measurer), "\(value): \(spec.id)")
        } catch let error as ChartError {
          XCTAssertFalse("\(error)".isEmpty)
        }
      }
    }
  }

  // MARK: - Helpers

  /// No coordinate, size or label of the scene is NaN or infinite.
  func assertFinite(_ scene: Scene, _ label: String, file: StaticString = #filePath, line: UInt = #line) {
    let text = scene.description
    let bad = text.split(separator: "\n").filter { line in
      line.split(whereSeparator: { " ,xLMCw".contains($0) }).contains { ["nan", "-nan", "inf", "-inf", "+inf"].contains(String($0)) }
        || line.contains("∞")
    }
    XCTAssertEqual(bad, [], "\(label): non-finite numbers in the scene", file: file, line: line)
  }
}
