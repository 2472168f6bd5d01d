import BriefTestSupport
import Foundation
import XCTest

/// Scripted rebuilds: depfiles, manifests, unchanged outputs, and a real `make` over a copy of the repository's inputs.
final class RebuildTests: XCTestCase {
  let root = Tools.packageRoot

  /// A scratch project with the seeds, styles and brief, and a Makefile driving the built `brief`.
  func project() throws -> String {
    let dir = try scratchFolder("briefkit make")  // a space in the path, to exercise escaping
    let fm = FileManager.default
    try fm.createDirectory(atPath: dir + "/seeds/briefs", withIntermediateDirectories: true)
    for f in ["vocabulary", "sources", "observations", "events", "rates", "derived", "charts"] {
      try fm.copyItem(atPath: "\(root)/seeds/\(f).yaml", toPath: "\(dir)/seeds/\(f).yaml")
    }
    try fm.copyItem(atPath: "\(root)/seeds/briefs/monthly.md", toPath: "\(dir)/seeds/briefs/monthly.md")
    try fm.copyItem(atPath: "\(root)/styles", toPath: "\(dir)/styles")
    // The repository's own Makefile, run with the `brief` under test (`make BRIEF=…`).
    try fm.copyItem(atPath: "\(root)/Makefile", toPath: "\(dir)/Makefile")
    return dir
  }

  func make(_ dir: String, _ args: [String] = []) throws -> Tools.Run {
    try Tools.run("make", ["-C", dir, "BRIEF=\(Tools.briefExecutable)"] + args, environment: ["SOURCE_DATE_EPOCH": "1780000000"])
  }

  func mtime(_ path: String) throws -> Date {
    try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date)
  }

  func ranRules(_ run: Tools.Run) -> [String] {
    run.stdout.split(separator: "\n").filter { $0.contains(" build ") || $0.contains(" chart ") }.map {
      $0.contains(" build ") ? "monthly" : String($0.split(separator: " ")[2])
    }.sorted()
  }

  /// Every rule of the Makefile: the brief and each chart of the specs.
  func allRules(_ dir: String) throws -> [String] {
    let specs = try String(contentsOfFile: dir + "/seeds/charts.yaml", encoding: .utf8)
    let ids = specs.split(separator: "\n").filter { $0.hasPrefix("  - id: ") }.map { String($0.dropFirst(8)) }
    XCTAssertGreaterThan(ids.count, 3)
    return (ids + ["monthly"]).sorted()
  }

  func testMakeBuildsRebuildsOnlyWhatChangedAndSurvivesDeletionsAndFailures() throws {
    let dir = try project()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    let everything = try allRules(dir)
    let first = try make(dir, ["-j2"])
    XCTAssertEqual(first.status, 0, first.stdout + first.stderr)
    XCTAssertEqual(ranRules(first), everything)
    XCTAssertEqual(try make(dir, ["-q"]).status, 0, "a no-op rebuild has nothing to do")

    // The depfile names every input, fonts included, each with an empty rule.
    let dep = try String(contentsOfFile: dir + "/output/.deps/cn-work-visas.d", encoding: .utf8)
    XCTAssertTrue(dep.hasPrefix("output/.deps/cn-work-visas.stamp: \\\n"), dep)
    for input in ["seeds/charts.yaml", "styles/default.yaml", "seeds/observations.yaml", ".otf"] { XCTAssertTrue(dep.contains(input), "\(input) missing from \(dep)") }
    XCTAssertTrue(dep.contains("\nseeds/observations.yaml:\n"), "inputs get phony rules")

    // Touching the style reruns exactly the rules that read it; unchanged outputs keep their times.
    let png = dir + "/output/cn-work-visas.png"
    let before = try mtime(png)
    Thread.sleep(forTimeInterval: 1.1)
    try Tools.run("touch", [dir + "/styles/default.yaml"]).status == 0 ? () : XCTFail("touch")
    let restyled = try make(dir, ["-j2"])
    XCTAssertEqual(ranRules(restyled), everything)
    XCTAssertEqual(try mtime(png), before, "an unchanged output is not rewritten")
    XCTAssertEqual(ranRules(try make(dir, ["-j2"])), [], "and the next make has nothing to do")
    try Tools.run("touch", [dir + "/styles/slides.yaml"]).status == 0 ? () : XCTFail("touch")
    XCTAssertEqual(try make(dir, ["-q"]).status, 0, "a style nothing uses rebuilds nothing")

    // Changing one observation's value rebuilds and rewrites what shows it.
    var obs = try String(contentsOfFile: dir + "/seeds/observations.yaml", encoding: .utf8)
    obs = obs.replacingOccurrences(of: "value: 93300", with: "value: 93400")
    try obs.write(toFile: dir + "/seeds/observations.yaml", atomically: true, encoding: .utf8)
    let changed = try make(dir, ["-j2"])
    XCTAssertTrue(Set(ranRules(changed)).isSuperset(of: ["cn-work-visas", "monthly"]), "\(ranRules(changed))")
    XCTAssertNotEqual(try mtime(png), before)

    // A failing build leaves the previous outputs intact and writes no depfile.
    let pdfBefore = try Data(contentsOf: URL(fileURLWithPath: dir + "/output/monthly.pdf"))
    var brief = try String(contentsOfFile: dir + "/seeds/briefs/monthly.md", encoding: .utf8)
    brief += "\nAnd {{no-such-figure}}.\n"
    try brief.write(toFile: dir + "/seeds/briefs/monthly.md", atomically: true, encoding: .utf8)
    let failed = try make(dir)
    XCTAssertNotEqual(failed.status, 0)
    XCTAssertTrue(failed.stderr.contains("error: {{no-such-figure}}"), failed.stderr)
    XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/output/monthly.pdf")), pdfBefore)
    XCTAssertFalse(Tools.listing(dir + "/output").contains { $0.contains(".tmp-") }, "no temporary files are left")

    // Deleting an input gives make's own message, not a crash of the depfile rules.
    try FileManager.default.removeItem(atPath: dir + "/seeds/briefs/monthly.md")
    let missing = try make(dir)
    XCTAssertNotEqual(missing.status, 0)
    XCTAssertTrue(missing.stderr.contains("No rule to make target 'seeds/briefs/monthly.md'"), missing.stderr)
  }

  func testADeletedOutputIsMadeAgainAndNothingElse() throws {
    let dir = try project()
    defer { try? FileManager.default.removeItem(atPath: dir) }
    XCTAssertEqual(try make(dir, ["-j2"]).status, 0)
    XCTAssertEqual(try make(dir, ["-q"]).status, 0)
    let out = dir + "/output/"
    let kept = Tools.listing(out).filter { !$0.hasPrefix(".") }
    var times: [String: Date] = [:]
    for name in kept { times[name] = try mtime(out + name) }
    for name in ["cn-work-visas.png", "monthly.pdf"] { try FileManager.default.removeItem(atPath: out + name) }

    XCTAssertEqual(try make(dir, ["-q"]).status, 1, "make -q sees the missing outputs")
    Thread.sleep(forTimeInterval: 1.1)
    let rebuilt = try make(dir, ["-j2"])
    XCTAssertEqual(rebuilt.status, 0, rebuilt.stderr)
    XCTAssertEqual(ranRules(rebuilt), ["cn-work-visas", "monthly"])
    XCTAssertEqual(Tools.listing(out).filter { !$0.hasPrefix(".") }, kept, "both are back")
    let rewritten = try kept.filter { try mtime(out + $0) != times[$0] }
    XCTAssertEqual(rewritten, ["cn-work-visas.png", "monthly.pdf"], "nothing else was written")
    XCTAssertEqual(try make(dir, ["-q"]).status, 0, "and then make has nothing to do")
  }

  func testManifestListsEveryOutputWithSizeChecksumAndInputs() throws {
    let dir = try scratchFolder("briefkit-manifest")
    let run = try Tools.run(Tools.briefExecutable, ["chart", "cn-work-visas", "-o", dir, "--manifest", dir + "/m/manifest.json"], cwd: root)
    XCTAssertEqual(run.status, 0, run.stderr)
    let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/m/manifest.json"))
    let rows = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
    XCTAssertEqual(rows.compactMap { $0["path"] as? String }, ["cn-work-visas.pdf", "cn-work-visas.png", "cn-work-visas.svg"].map { dir + "/" + $0 })
    for row in rows {
      let path = try XCTUnwrap(row["path"] as? String)
      let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
      XCTAssertEqual(row["size"] as? Int, bytes.count)
      let sum = try Tools.run("sha256sum", [path]).stdout.split(separator: " ").first.map(String.init)
      XCTAssertEqual(row["sha256"] as? String, sum)
      XCTAssertTrue((row["inputs"] as? [String] ?? []).contains("seeds/observations.yaml"))
    }
  }

  func testDepfileEscapesPathsForMake() throws {
    let dir = try scratchFolder("briefkit dep#files")
    let out = dir + "/out $x"
    let run = try Tools.run(Tools.briefExecutable, ["chart", "cn-work-visas", "-o", out, "--formats", "svg", "--depfile", dir + "/c.d"], cwd: root)
    XCTAssertEqual(run.status, 0, run.stderr)
    let dep = try String(contentsOfFile: dir + "/c.d", encoding: .utf8)
    let escaped = (out + "/cn-work-visas.svg").replacingOccurrences(of: " ", with: "\\ ").replacingOccurrences(of: "#", with: "\\#").replacingOccurrences(of: "$", with: "$$")
    XCTAssertTrue(dep.hasPrefix(escaped + ":"), dep)
  }

  func testDepfileAndManifestAreNeitherAnOutputNorAnInputNorEachOther() throws {
    let dir = try scratchFolder("briefkit-own-paths")
    try FileManager.default.createDirectory(atPath: dir + "/real", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: dir + "/link", withDestinationPath: "real")
    try "id: ok\nkind: bars\ntitle: Fine\nbars: [{label: A, value: 1}]\n".write(toFile: dir + "/ok.yaml", atomically: false, encoding: .utf8)
    func refused(_ args: [String], _ message: String, line: UInt = #line) throws {
      let before = Tools.listing(dir)
      let run = try Tools.run(Tools.briefExecutable, args, cwd: dir)
      XCTAssertEqual(run.status, 2, run.stderr, line: line)
      XCTAssertEqual(run.stderr, "brief: error: " + message + "\n", line: line)
      XCTAssertEqual(Tools.listing(dir), before, "nothing is written", line: line)
    }
    try refused(
      ["chart", "ok.yaml", "-o", "out", "--formats", "png", "--depfile", "./out//ok.png"],
      "--depfile ./out//ok.png is the output out/ok.png, which it would overwrite: give it a path of its own")
    try refused(
      ["chart", "ok.yaml", "-o", "real", "--formats", "svg", "--manifest", dir + "/link/../link/ok.svg"],
      "--manifest \(dir)/link/../link/ok.svg is the output real/ok.svg, which it would overwrite: give it a path of its own")
    try refused(
      ["chart", "ok.yaml", "-o", "out.pdf", "--depfile", "x/../out.pdf"],
      "--depfile x/../out.pdf is the output out.pdf, which it would overwrite: give it a path of its own")
    try refused(
      ["chart", "ok.yaml", "-o", "out", "--manifest", "ok.yaml"],
      "--manifest ok.yaml is the input ok.yaml, which it would overwrite: give it a path of its own")
    try refused(
      ["chart", "ok.yaml", "-o", "out", "--depfile", "a.d", "--manifest", dir + "/a.d"],
      "--depfile a.d and --manifest \(dir)/a.d are the same file: give each a path of its own")
    try refused(
      ["chart", "ok.yaml", "-o", "out/a\tb.svg"],
      "the output \"out/a\\u{9}b.svg\" has a control character (U+0009), which a depfile or make rule cannot name: choose a path without one")
    try refused(
      ["chart", "ok.yaml", "-o", "out", "--depfile", "a.d", "--depfile-target", "stamp\n"],
      "--depfile-target \"stamp\\u{a}\" has a control character (U+000A), which a depfile or make rule cannot name: choose a path without one")
    // An input with a line break in its name cannot be listed in a depfile; without one it is read as any other.
    try FileManager.default.copyItem(atPath: dir + "/ok.yaml", toPath: dir + "/o\nk.yaml")
    try refused(
      ["chart", "o\nk.yaml", "-o", "out", "--depfile", "a.d"],
      "the input \"o\\u{a}k.yaml\" has a control character (U+000A), which a depfile or make rule cannot name: choose a path without one")
    let plain = try Tools.run(Tools.briefExecutable, ["chart", "o\nk.yaml", "-o", "plain", "--formats", "svg", "--manifest", "plain/m.json"], cwd: dir)
    XCTAssertEqual(plain.status, 0, plain.stderr)
    let fine = try Tools.run(Tools.briefExecutable, ["chart", "ok.yaml", "-o", "out", "--formats", "svg", "--depfile", "out/ok.d", "--manifest", "out/ok.json"], cwd: dir)
    XCTAssertEqual(fine.status, 0, fine.stderr)
    XCTAssertEqual(Tools.listing(dir + "/out"), ["ok.d", "ok.json", "ok.svg"])
  }

  func testSVGAndPNGAreIdenticalAcrossProcessesTimeZonesAndLocalesAndJobs() throws {
    var sums: [String] = []
    for (tz, lang, jobs) in [("UTC", "C", "1"), ("Asia/Seoul", "ko_KR.UTF-8", "2"), ("America/New_York", "de_DE.UTF-8", "4")] {
      let dir = try scratchFolder("briefkit-same")
      let run = try Tools.run(Tools.briefExecutable, ["chart", "--all", "-o", dir, "--jobs", jobs, "--manifest", dir + "/manifest.json"], environment: ["TZ": tz, "LANG": lang], cwd: root)
      XCTAssertEqual(run.status, 0, run.stderr)
      let rows = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/manifest.json"))) as? [[String: Any]] ?? []
      sums.append(rows.map { "\(($0["path"] as? String ?? "").split(separator: "/").last ?? "") \($0["sha256"] ?? "")" }.joined(separator: "\n"))
    }
    XCTAssertEqual(Set(sums).count, 1, "every output has the same sha256 in all three runs")
  }
}
