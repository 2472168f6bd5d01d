import BriefTestSupport
import Foundation
import XCTest

/// Runs the built `brief` on specs and checks exit codes, messages and files.
final class ChartCommandTests: XCTestCase {
  var dir = ""

  override func setUpWithError() throws {
    dir = try scratchFolder("briefkit-cli")
    XCTAssertTrue(FileManager.default.isExecutableFile(atPath: Tools.briefExecutable), "build brief first: swift build")
  }

  func brief(_ args: [String], env: [String: String]? = nil) throws -> Tools.Run {
    try Tools.run(Tools.briefExecutable, args, environment: env, cwd: dir)
  }

  func writeSpec(_ name: String, _ text: String) throws -> String {
    let path = dir + "/" + name
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  let goodSpec = """
    id: bribes
    title: Bribes for a place on a Russia team
    subtitle: USD per worker, early 2021
    source: "Source: Daily NK, Feb 2021"
    date: 2021-02-01
    bars:
      - {label: Construction, value: 1300}
      - {label: 신의주 Sinuiju, value: 3500..4000}
    """

  func testRendersAllThreeFormatsSilently() throws {
    let spec = try writeSpec("s.yaml", goodSpec)
    for ext in ["pdf", "png", "svg"] {
      let run = try brief(["chart", spec, "-o", dir + "/chart.\(ext)"])
      XCTAssertEqual(run.status, 0, run.stderr)
      XCTAssertEqual(run.stdout + run.stderr, "", "nothing is printed on success")
    }
    XCTAssertEqual(Tools.listing(dir), ["chart.pdf", "chart.png", "chart.svg", "s.yaml"])
    let text = try Tools.run("pdftotext", [dir + "/chart.pdf", "-"]).stdout
    for expected in ["Bribes for a place on a Russia team", "Construction", "3,500–4,000", "Source: Daily NK, Feb 2021", "신의주"] {
      XCTAssertTrue(text.contains(expected), "pdftotext lacks \(expected)")
    }
    let png = try DecodedPNG(Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/chart.png"))))
    XCTAssertEqual([png.width, png.height], [1280, 800], "640×400 pt at the default scale 2")
  }

  func testSizeAndScaleSetThePixelSize() throws {
    let spec = try writeSpec("s.yaml", goodSpec)
    let run = try brief(["chart", spec, "-o", dir + "/slide.png", "--size", "960x540", "--scale", "2"])
    XCTAssertEqual(run.status, 0, run.stderr)
    let png = try DecodedPNG(Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/slide.png"))))
    XCTAssertEqual([png.width, png.height], [1920, 1080])
  }

  func testTwoRunsGiveIdenticalFiles() throws {
    let spec = try writeSpec("s.yaml", goodSpec)
    for ext in ["pdf", "png", "svg"] {
      XCTAssertEqual(try brief(["chart", spec, "-o", dir + "/a.\(ext)"]).status, 0)
      XCTAssertEqual(try brief(["chart", spec, "-o", dir + "/b.\(ext)"], env: ["TZ": "Asia/Seoul", "LANG": "de_DE.UTF-8"]).status, 0)
      let a = try Data(contentsOf: URL(fileURLWithPath: dir + "/a.\(ext)"))
      let b = try Data(contentsOf: URL(fileURLWithPath: dir + "/b.\(ext)"))
      XCTAssertEqual(a, b, "\(ext) differs between runs")
    }
  }

  func testSourceDateEpochSetsThePDFDateAndAMalformedOneIsAUsageError() throws {
    let spec = try writeSpec("s.yaml", goodSpec)
    XCTAssertEqual(try brief(["chart", spec, "-o", dir + "/e.pdf"], env: ["SOURCE_DATE_EPOCH": "1700000000"]).status, 0)
    let info = try Tools.run("pdfinfo", ["-isodates", dir + "/e.pdf"]).stdout
    XCTAssertTrue(info.contains("CreationDate:    2023-11-14T22:13:20Z"), info)
    let bad = try brief(["chart", spec, "-o", dir + "/f.pdf"], env: ["SOURCE_DATE_EPOCH": "yesterday"])
    XCTAssertEqual(bad.status, 2)
    XCTAssertEqual(bad.stderr, "brief: error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970; found \"yesterday\"\n")
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/f.pdf"))
  }

  func testBadSpecIsExitOneWithLocationAndNoOutput() throws {
    let spec = try writeSpec("bad.yaml", "title: T\nbars:\n  - label: A\n    value: about 5\n")
    let run = try brief(["chart", spec, "-o", dir + "/x.png"])
    XCTAssertEqual(run.status, 1)
    XCTAssertTrue(run.stderr.hasPrefix("\(spec):4:12: error: bars[1].value: expected "), run.stderr)
    XCTAssertTrue(run.stderr.hasSuffix("found \"about 5\"\n"), run.stderr)
    XCTAssertEqual(Tools.listing(dir), ["bad.yaml"])
  }

  func testMissingSpecIsExitOne() throws {
    let run = try brief(["chart", dir + "/none.yaml", "-o", dir + "/x.png"])
    XCTAssertEqual(run.status, 1)
    XCTAssertEqual(run.stderr, "\(dir)/none.yaml: error: cannot read the file: expected a readable file, found no such file or directory\n")
  }

  func testUnknownGlyphIsExitOneNamingTheTextAndWritesNothing() throws {
    let spec = try writeSpec("s.yaml", goodSpec.replacingOccurrences(of: "Construction", with: "Build 𓀀"))
    let run = try brief(["chart", spec, "-o", dir + "/x.png"])
    XCTAssertEqual(run.status, 1)
    XCTAssertEqual(run.stderr, "brief: error: no installed font can draw 1 character of the text \"Build 𓀀\" (U+13000)\n")
    XCTAssertEqual(Tools.listing(dir), ["s.yaml"])
  }

  func testUnwritableOutputIsExitThree() throws {
    let spec = try writeSpec("s.yaml", goodSpec)
    let run = try brief(["chart", spec, "-o", dir + "/no/such/folder/x.pdf"])
    XCTAssertEqual(run.status, 3)
    XCTAssertEqual(run.stderr, "brief: error: cannot write \(dir)/no/such/folder/x.pdf: No such file or directory\n")
  }

  func testUsageErrorsAreExitTwo() throws {
    let spec = try writeSpec("s.yaml", goodSpec)
    let gif = try brief(["chart", spec, "-o", dir + "/x.gif"])
    XCTAssertEqual(gif.status, 2)
    XCTAssertTrue(gif.stderr.hasPrefix("brief: error: the output file must end in .pdf, .png or .svg"), gif.stderr)
    XCTAssertEqual(try brief(["chart", spec, "-o", dir + "/x.png", "--size", "wide"]).status, 2)
    XCTAssertEqual(try brief(["chart", spec, "-o", dir + "/x.png", "--scale", "0"]).status, 2)
    XCTAssertEqual(try brief(["chart"]).status, 2)
    XCTAssertEqual(try brief(["paint"]).status, 2)
    XCTAssertEqual(Tools.listing(dir), ["s.yaml"])
  }

  func testSeveralChartsToOnePDFGiveAPagePerChartLabelledWithItsId() throws {
    let spec = try writeSpec(
      "book.yaml",
      """
      charts:
        - {id: first, kind: bars, title: First, date: 2021-02-01, source: "Source: A", bars: [{label: A, value: 1300}]}
        - {id: second, kind: bars, title: Second, size: 400x300, source: "Source: B", bars: [{label: B, value: 3500..4000}]}
        - {id: third, kind: bars, title: Third, source: "Source: C", bars: [{label: C, value: ">=10000"}]}
      """)
    for jobs in ["1", "2", "3"] {
      let run = try brief(["chart", "--all", "--specs", spec, "-o", dir + "/book-\(jobs).pdf", "--jobs", jobs])
      XCTAssertEqual(run.status, 0, run.stderr)
    }
    let one = try Data(contentsOf: URL(fileURLWithPath: dir + "/book-1.pdf"))
    for jobs in ["2", "3"] {
      XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/book-\(jobs).pdf")), one, "the bytes do not depend on --jobs")
    }
    let info = try Tools.run("pdfinfo", [dir + "/book-1.pdf"]).stdout
    XCTAssertTrue(info.contains("Pages:           3"), info)
    XCTAssertTrue(info.contains("Title:           3 charts of book.yaml"), info)
    XCTAssertTrue(info.contains("Page size:       640 x 400 pts"), info)
    XCTAssertEqual(try Tools.run("qpdf", ["--check", dir + "/book-1.pdf"]).status, 0)
    let labels = try Tools.run("qpdf", ["--json", "--json-key=pagelabels", dir + "/book-1.pdf"]).stdout
    for id in ["first", "second", "third"] { XCTAssertTrue(labels.contains("u:\(id)"), labels) }
    let text = try Tools.run("pdftotext", ["-f", "2", "-l", "2", dir + "/book-1.pdf", "-"]).stdout
    XCTAssertTrue(text.contains("Second") && text.contains("3,500–4,000"), text)
    // On a single CPU the pages' threads still run side by side (they take turns to draw).
    let oneCPU = try Tools.run("taskset", ["-c", "0", Tools.briefExecutable, "chart", "--all", "--specs", spec, "-o", dir + "/book-one-cpu.pdf", "--jobs", "2"], cwd: dir)
    XCTAssertEqual(oneCPU.status, 0, oneCPU.stderr)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/book-one-cpu.pdf")), one)
    let png = try brief(["chart", "--all", "--specs", spec, "-o", dir + "/book.png"])
    XCTAssertEqual(png.status, 2)
    XCTAssertTrue(png.stderr.contains("a .pdf file for one page per chart"), png.stderr)
  }
}
