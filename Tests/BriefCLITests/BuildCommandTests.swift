import BriefTestSupport
import Foundation
import XCTest

/// `brief build` end to end: the default brief's PDF, checked with poppler and qpdf, and bad briefs.
final class BuildCommandTests: XCTestCase {
  let root = Tools.packageRoot

  func brief(_ args: [String], env: [String: String]? = nil) throws -> Tools.Run {
    try Tools.run(Tools.briefExecutable, args, environment: env, cwd: root)
  }

  func testTheDefaultBriefBuildsIntoAValidTaggedPDFWithItsCharts() throws {
    let out = try scratchFolder("briefkit-build")
    let run = try brief(["build", "-o", out])
    XCTAssertEqual(run.status, 0, run.stderr)
    XCTAssertEqual(run.stdout + run.stderr, "")
    let files = Tools.listing(out)
    XCTAssertTrue(files.contains("monthly.pdf"))
    for id in ["bribes-for-selection", "wages-usd-month", "share-of-wages-kept", "workers-in-russia", "dispatch-timeline"] {
      XCTAssertTrue(files.contains("\(id).png") && files.contains("\(id).svg"), "no \(id) chart files: \(files)")
    }
    let pdf = out + "/monthly.pdf"
    let qpdf = try Tools.run("qpdf", ["--check", pdf])
    XCTAssertEqual(qpdf.status, 0, "qpdf --check: " + qpdf.stdout + qpdf.stderr)

    let info = try Tools.run("pdfinfo", ["-isodates", pdf]).stdout
    XCTAssertTrue(info.contains("Title:           North Korean workers abroad"), info)
    XCTAssertTrue(info.contains("Author:          BriefKit analysts, Labour Export Monitor"), info)
    XCTAssertTrue(info.contains("CreationDate:    2026-11-01T00:00:00Z"), "dated by the brief's period: \(info)")
    let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
    XCTAssertTrue((3...6).contains(pages), "\(pages) pages")

    let fonts = try Tools.run("pdffonts", [pdf]).stdout.split(separator: "\n").dropFirst(2)
    for row in fonts {
      let cols = row.split(separator: " ")
      XCTAssertEqual(cols[cols.count - 5], "yes", "not embedded: \(row)")
    }

    // Reading order: the sections in order, notes after the text that cites them, sources at the end.
    let text = try Tools.run("pdftotext", [pdf, "-"]).stdout
    var last = text.startIndex
    for heading in ["North Korean workers abroad", "1 Summary", "2 Recruitment and selection", "3 Bribes for selection", "4 Wages and what workers keep", "5 Headcounts in Russia and China", "6 Timeline", "Sources and methods"] {
      guard let r = text.range(of: heading, range: last..<text.endIndex) else { return XCTFail("\(heading) missing or out of order") }
      last = r.upperBound
    }
    XCTAssertTrue(text.contains("Page 1 of \(pages)"))
    XCTAssertTrue(text.contains("Bribe in Sinuiju, Jan 2021"), "a note cites the figure")
    XCTAssertFalse(text.contains("{{"), "no placeholder is left unresolved")

    // Outline, page labels and links, from qpdf's JSON.
    let json = try Tools.run("qpdf", ["--json", pdf]).stdout
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let outlines = object?["outlines"] as? [[String: Any]] ?? []
    XCTAssertEqual(outlines.compactMap { $0["title"] as? String }.first, "1 Summary")
    XCTAssertEqual(outlines.compactMap { $0["title"] as? String }.last, "Sources and methods")
    let labels = object?["pagelabels"] as? [[String: Any]] ?? []
    XCTAssertFalse(labels.isEmpty, "the PDF has page labels")
    XCTAssertTrue(json.contains("/Link"), "note markers are links")
  }

  func testHangulInABriefRendersThroughFontFallback() throws {
    let dir = try scratchFolder("briefkit-hangul")
    try "---\ntitle: 신의주 brief\n---\n\n# 신의주\n\nBribes in 신의주 (Sinuiju) reached {{bribe-sinuiju-2021-usd}}.\n".write(toFile: dir + "/h.md", atomically: true, encoding: .utf8)
    let run = try brief(["build", dir + "/h.md", "-o", dir + "/out", "--formats", "pdf", "--depfile", dir + "/h.d"])
    XCTAssertEqual(run.status, 0, run.stderr)
    XCTAssertTrue(try Tools.run("pdftotext", [dir + "/out/h.pdf", "-"]).stdout.contains("Bribes in 신의주 (Sinuiju)"))
    XCTAssertTrue(try String(contentsOfFile: dir + "/h.d", encoding: .utf8).contains("/nanum/"), "the Hangul font is an input")
  }

  func testThePDFOutlineShowsHeadingsWithTheirLiveNumbersFormatted() throws {
    let dir = try scratchFolder("briefkit-outline")
    let markdown = """
      ---
      title: Outline
      ---

      # Bribes of *about* {{bribe-sinuiju-2021-usd}} in `Sinuiju`

      Text.

      ## Low end {{bribe-sinuiju-2021-usd.low}}

      More text.

      """
    try markdown.write(toFile: dir + "/o.md", atomically: false, encoding: .utf8)
    let run = try brief(["build", dir + "/o.md", "-o", dir, "--formats", "pdf"])
    XCTAssertEqual(run.status, 0, run.stderr)
    // Every bookmark's title, depth first, read back from the PDF by qpdf.
    let json = try Tools.run("qpdf", ["--json", "--json-key=outlines", dir + "/o.pdf"])
    XCTAssertEqual(json.status, 0, json.stderr)
    let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
    func titles(_ items: [[String: Any]]) -> [String] {
      items.flatMap { [$0["title"] as? String ?? "?"] + titles($0["kids"] as? [[String: Any]] ?? []) }
    }
    XCTAssertEqual(
      titles(object?["outlines"] as? [[String: Any]] ?? []),
      ["1 Bribes of about 3,500–4,000 USD in Sinuiju", "1.1 Low end 3,500", "Sources and methods"])
  }

  func testTwoBuildsAreByteIdentical() throws {
    let a = try scratchFolder("briefkit-build-a"), b = try scratchFolder("briefkit-build-b")
    XCTAssertEqual(try brief(["build", "-o", a, "--formats", "pdf"]).status, 0)
    XCTAssertEqual(try brief(["build", "-o", b, "--formats", "pdf"], env: ["TZ": "Pacific/Auckland", "LANG": "ko_KR.UTF-8"]).status, 0)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: a + "/monthly.pdf")), try Data(contentsOf: URL(fileURLWithPath: b + "/monthly.pdf")))
  }

  func testEveryJobCountGivesTheSameFiles() throws {
    // One job does everything in turn; more draw the chart files on a lane of their own and encode beside it.
    var listings: [[String: Data]] = []
    for jobs in ["1", "2", "4"] {
      let dir = try scratchFolder("briefkit-build-jobs-\(jobs)")
      let run = try brief(["build", "-o", dir, "--jobs", jobs])
      XCTAssertEqual(run.status, 0, run.stderr)
      var files: [String: Data] = [:]
      for name in Tools.listing(dir) { files[name] = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)) }
      listings.append(files)
    }
    XCTAssertEqual(listings[0].keys.sorted().filter { $0.hasSuffix(".png") }.count, 5, "\(listings[0].keys.sorted())")
    XCTAssertEqual(listings[1], listings[0])
    XCTAssertEqual(listings[2], listings[0])
  }

  func testBadBriefsFailAtTheirLocationAndWriteNothing() throws {
    let dir = try scratchFolder("briefkit-bad-brief")
    let cases: [(String, String)] = [
      ("---\ntitle: T\n---\n\nAbout {{no-such-estimate}} workers.\n", ":5:7: error: {{no-such-estimate}}: expected the id of an estimate"),
      ("---\ntitle: T\n---\n\n![Chart](chart:no-such-chart)\n", ":5:1: error: chart:no-such-chart: expected a chart id from the chart specs"),
      ("---\ntitle: [unclosed\n---\n\nText.\n", ":3:1: error: yaml: expected valid YAML"),
      ("---\ntitel: T\n---\n\nText.\n", ":2:1: error: "),
      ("---\ntitle: T\nstyle: sepia\n---\n\nText.\n", ":3:8: error: style: expected a style in styles (default, print, slides) or a style file, found \"sepia\""),
    ]
    for (i, (text, expected)) in cases.enumerated() {
      let file = "\(dir)/bad\(i).md"
      try text.write(toFile: file, atomically: true, encoding: .utf8)
      let out = "\(dir)/out\(i)"
      let run = try brief(["build", file, "-o", out])
      XCTAssertEqual(run.status, 1, run.stderr)
      XCTAssertTrue(run.stderr.hasPrefix(file + expected), "\(run.stderr) does not start with \(file + expected)")
      XCTAssertFalse(FileManager.default.fileExists(atPath: out), "nothing is written for a bad brief")
    }
    let style = try brief(["build", "-o", dir + "/o", "--style", "sepia"])
    XCTAssertEqual(style.status, 2)
    XCTAssertTrue(style.stderr.contains("no style \"sepia\""), style.stderr)
  }
}
