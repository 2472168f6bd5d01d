import BriefTestSupport
import Foundation
import XCTest

/// `brief chart ID`, `--all`, styles and formats, run against the repository's seeds and styles.
final class ChartSpecsCommandTests: XCTestCase {
  var dir = ""
  let root = Tools.packageRoot

  override func setUpWithError() throws {
    dir = try scratchFolder("briefkit-cli-specs")
  }

  func brief(_ args: [String], env: [String: String]? = nil) throws -> Tools.Run {
    try Tools.run(Tools.briefExecutable, args, environment: env, cwd: root)
  }

  func testAllChartsRenderInEveryFormatAndStyle() throws {
    for style in ["default", "print", "slides"] {
      let out = dir + "/" + style
      let run = try brief(["chart", "--all", "-o", out, "--style", style])
      XCTAssertEqual(run.status, 0, run.stderr)
      XCTAssertEqual(run.stderr, "")
      let files = Tools.listing(out)
      for id in ["bribes-for-selection", "cn-work-visas", "wages-usd-month", "workers-in-russia", "dispatch-timeline", "share-of-wages-kept", "months-to-repay-bribe"] {
        for ext in ["pdf", "png", "svg"] { XCTAssertTrue(files.contains("\(id).\(ext)"), "\(style): no \(id).\(ext)") }
      }
    }
    let slide = try DecodedPNG(Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/slides/cn-work-visas.png"))))
    XCTAssertEqual([slide.width, slide.height], [1920, 1080], "slides are 960×540 pt at scale 2")
    XCTAssertFalse(slide.text["Description"]?.isEmpty ?? true, "the PNG carries alt text")
    let info = try Tools.run("pdfinfo", [dir + "/default/bribes-for-selection.pdf"]).stdout
    XCTAssertTrue(info.contains("Subject:         Horizontal bar chart."), "the PDF subject is the alt text: \(info)")
  }

  func testOneChartByIdWithChosenFormats() throws {
    let run = try brief(["chart", "cn-work-visas", "-o", dir, "--formats", "png,svg"])
    XCTAssertEqual(run.status, 0, run.stderr)
    XCTAssertEqual(Tools.listing(dir), ["cn-work-visas.png", "cn-work-visas.svg"])
    let text = try Tools.run("pdftotext", [dir + "/x.pdf", "-"])
    XCTAssertNotEqual(text.status, 0)
    XCTAssertEqual(try brief(["chart", "cn-work-visas", "-o", dir + "/visas.pdf"]).status, 0)
    let pdf = try Tools.run("pdftotext", [dir + "/visas.pdf", "-"]).stdout
    XCTAssertTrue(pdf.contains("93,300"))
    XCTAssertTrue(pdf.contains("Source: Radio Free Asia, 25 Apr 2014"))
    let info = try Tools.run("pdfinfo", ["-isodates", dir + "/visas.pdf"]).stdout
    XCTAssertTrue(info.contains("CreationDate:    2014-04-25T00:00:00Z"), "the PDF is dated by its newest source: \(info)")
  }

  func testUnknownChartAndBadSpecsWriteNothing() throws {
    let unknown = try brief(["chart", "pie-of-everything", "-o", dir])
    XCTAssertEqual(unknown.status, 1)
    XCTAssertTrue(unknown.stderr.hasPrefix("seeds/charts.yaml:1:1: error: chart: expected one of the charts bribes-for-selection, "), unknown.stderr)
    let specs = dir + "/specs.yaml"
    try """
      charts:
        - id: ok
          kind: bars
          title: Fine
          data: [{estimate: bribe-construction-2021-usd}]
        - id: broken
          kind: bars
          title: Broken
          data: [{estimate: bribe-in-atlantis}]
      """.write(toFile: specs, atomically: true, encoding: .utf8)
    let out = dir + "/out"
    let run = try brief(["chart", "--all", "--specs", specs, "-o", out])
    XCTAssertEqual(run.status, 1)
    XCTAssertTrue(run.stderr.hasPrefix("\(specs):9:12: error: chart broken: select: no estimate \"bribe-in-atlantis\"; did you mean "), run.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing is written when any chart fails")
    let kind = try brief(["chart", "--all", "--specs", specs, "-o", out, "--style", "neon"])
    XCTAssertEqual(kind.status, 2)
    XCTAssertEqual(kind.stderr, "brief: error: no style \"neon\": styles/neon.yaml does not exist (styles: default, print, slides)\n")
  }

  func testCanvasSizeIsCappedByMaxPixels() throws {
    let run = try brief(["chart", "cn-work-visas", "-o", dir + "/o", "--formats", "png", "--max-pixels", "1000000"])
    XCTAssertEqual(run.status, 3)
    XCTAssertEqual(run.stderr, "brief: error: an image of 1280×800 pixels is too large (at most 32767 per side and 1000000 in all)\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/o"))
    XCTAssertEqual(try brief(["chart", "cn-work-visas", "-o", dir + "/o", "--formats", "png", "--max-pixels", "1100000"]).status, 0)
  }

  func testBadStyleFileIsExitOneWithItsLocation() throws {
    let style = dir + "/bad.yaml"
    try "extends: default\nfonts:\n  title: huge\n".write(toFile: style, atomically: true, encoding: .utf8)
    let run = try brief(["chart", "cn-work-visas", "-o", dir + "/o", "--style", style])
    XCTAssertEqual(run.status, 1)
    XCTAssertEqual(run.stderr, "\(style):3:10: error: fonts.title: expected a number from 4 to 200, found \"huge\"\n")
  }

  func testBadDatasetIsExitOneListingEveryProblem() throws {
    let data = dir + "/data"
    try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
    for f in ["vocabulary", "sources", "observations", "events", "rates", "derived"] {
      try FileManager.default.copyItem(atPath: "\(root)/seeds/\(f).yaml", toPath: "\(data)/\(f).yaml")
    }
    var obs = try String(contentsOfFile: data + "/observations.yaml", encoding: .utf8)
    obs = obs.replacingOccurrences(of: "value: 93300", with: "value: lots")
    obs = obs.replacingOccurrences(of: "source: dailynk-2021-02", with: "source: dailynk-1999")
    try obs.write(toFile: data + "/observations.yaml", atomically: true, encoding: .utf8)
    let run = try brief(["chart", "cn-work-visas", "--data", data, "-o", dir + "/o"])
    XCTAssertEqual(run.status, 1)
    let lines = run.stderr.split(separator: "\n")
    XCTAssertGreaterThanOrEqual(lines.count, 2)
    XCTAssertTrue(lines.allSatisfy { $0.hasPrefix(data + "/observations.yaml:") && $0.contains(": error: ") }, run.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/o"))
  }
}
