import BriefTestSupport
import Foundation
import XCTest

/// A month of new data added as an analyst would, with no Swift: a new source, a new measure
/// counted in a new unit, yearly figures (one approximate), a growth template, and a brief
/// sentence and a chart that use the results.
final class MonthOfNewDataTests: XCTestCase {
  let root = Tools.packageRoot

  func append(_ text: String, to path: String) throws {
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(text.utf8))
  }

  /// The seeds and styles, with the new month added.
  func project() throws -> String {
    let dir = try scratchFolder("briefkit-new-month")
    let fm = FileManager.default
    try fm.createDirectory(atPath: dir + "/seeds/briefs", withIntermediateDirectories: true)
    for f in ["vocabulary", "sources", "observations", "events", "rates", "derived", "charts"] {
      try fm.copyItem(atPath: "\(root)/seeds/\(f).yaml", toPath: "\(dir)/seeds/\(f).yaml")
    }
    try fm.copyItem(atPath: root + "/styles", toPath: dir + "/styles")
    // A new measure, counted in a unit the vocabulary did not have.
    var vocabulary = try String(contentsOfFile: dir + "/seeds/vocabulary.yaml", encoding: .utf8)
    vocabulary = vocabulary.replacingOccurrences(
      of: "\nunits:\n",
      with: """

          - id: work-licences
            label: Work licences issued by {place}
            dimension: count
            units: [licences]
            nature: flow

        units:
          - {id: licences, singular: licence}

        """)
    try vocabulary.write(toFile: dir + "/seeds/vocabulary.yaml", atomically: true, encoding: .utf8)
    try append(
      """

      - id: labour-ministry-2026-11
        kind: data
        outlet: Labour ministry statistics
        headline: Foreign work licences by country of origin
        authors: []
        published: 2026-11-20
        language: en

      """, to: dir + "/seeds/sources.yaml")
    func licences(_ place: String, _ code: String, _ year: Int, _ value: String) -> String {
      "\n- id: \(code)-licences-\(year)\n  measure: work-licences\n  value: \"\(value)\"\n  unit: licences\n  period: \(year)\n"
        + "  destination: \(place)\n  source: labour-ministry-2026-11\n"
    }
    try append(
      licences("China", "cn", 2012, "79600") + licences("China", "cn", 2013, "93300") + licences("China", "cn", 2014, "~89000")
        + licences("China", "cn", 2015, "91000") + licences("Russia", "ru", 2019, "30023") + licences("Russia", "ru", 2020, "11490"),
      to: dir + "/seeds/observations.yaml")
    try append(
      """

      - id: "{destination|code}-licences-growth-{period|year}"
        family: licences-growth
        for-each: {measure: work-licences}
        group-by: destination
        pairs: consecutive
        formula: growth(it, previous)
        unit: "%"
        label: "{destination}, {period|text}"

      """, to: dir + "/seeds/derived.yaml")
    try append(
      """

        - id: licences-growth
          kind: bars
          title: Work licences rose in China and fell in Russia
          subtitle: Change on the year before, %
          select: {family: licences-growth}
          size: 640x360

      """, to: dir + "/seeds/charts.yaml")
    try """
      ---
      title: Work licences
      period: 2026-11
      organisation: Labour Export Monitor
      language: en
      ---

      # Licences

      Licences for China grew by {{cn-licences-growth-2013}} in 2013 and changed by
      {{= growth(cn-licences-2014, cn-licences-2013)}} in 2014; those for Russia changed by
      {{= growth(ru-licences-2020, ru-licences-2019)}} in 2020.

      ![Change in work licences](chart:licences-growth)

      """.write(toFile: dir + "/seeds/briefs/licences.md", atomically: true, encoding: .utf8)
    return dir
  }

  func testANewMonthNeedsNoCodeAndGivesTheHandComputedFigures() throws {
    let dir = try project()
    let check = try Tools.run(Tools.briefExecutable, ["check"], cwd: dir)
    XCTAssertEqual(check.status, 0, check.stderr)

    let stats = try Tools.run(Tools.briefExecutable, ["stats", "--json"], cwd: dir)
    XCTAssertEqual(stats.status, 0, stats.stderr)
    let top = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
    let estimates = try XCTUnwrap(top["estimates"] as? [[String: Any]])
    func estimate(_ id: String) throws -> [String: Any] { try XCTUnwrap(estimates.first { $0["id"] as? String == id }, id) }
    func number(_ e: [String: Any], _ key: String) -> Double? { e[key] as? Double }
    // By hand: 93,300 after 79,600 is 93,300 / 79,600 − 1 = 17.2111 %.
    let g2013 = try estimate("cn-licences-growth-2013")
    XCTAssertEqual(number(g2013, "estimate") ?? 0, 17.2111, accuracy: 1e-4)
    XCTAssertEqual(number(g2013, "low") ?? 0, 17.2111, accuracy: 1e-4)
    XCTAssertEqual(g2013["unit"] as? String, "%")
    // ~89,000 is read as 88,500..89,500: 88,500 / 93,300 − 1 = −5.1447 %, 89,500 / 93,300 − 1 = −4.0729 %.
    let g2014 = try estimate("cn-licences-growth-2014")
    XCTAssertEqual(number(g2014, "low") ?? 0, -5.1447, accuracy: 1e-4)
    XCTAssertEqual(number(g2014, "high") ?? 0, -4.0729, accuracy: 1e-4)
    XCTAssertEqual(number(g2014, "estimate") ?? 0, -4.6088, accuracy: 1e-4)  // 89,000 / 93,300 − 1
    // 91,000 after ~89,000: 91,000 / 89,500 − 1 = 1.6760 % to 91,000 / 88,500 − 1 = 2.8249 %.
    let g2015 = try estimate("cn-licences-growth-2015")
    XCTAssertEqual(number(g2015, "low") ?? 0, 1.6760, accuracy: 1e-4)
    XCTAssertEqual(number(g2015, "high") ?? 0, 2.8249, accuracy: 1e-4)
    // 11,490 after 30,023: 11,490 / 30,023 − 1 = −61.7293 %.
    XCTAssertEqual(number(try estimate("ru-licences-growth-2020"), "estimate") ?? 0, -61.7293, accuracy: 1e-4)
    // Each estimate names its inputs, formula, method and caveats.
    XCTAssertEqual(g2014["inputs"] as? [String], ["cn-licences-2014", "cn-licences-2013"])
    XCTAssertEqual(g2014["formula"] as? String, "growth(it, previous)")
    XCTAssertFalse((g2014["method"] as? String ?? "").isEmpty)
    XCTAssertTrue((g2014["caveats"] as? [String] ?? []).contains { $0.contains("approximate") }, "\(g2014)")
    XCTAssertNil(estimates.first { $0["id"] as? String == "cn-licences-growth-2012" }, "the first year has no year before it")

    // The brief cites a growth of the template and two formulas of its own; the chart draws the series.
    let out = dir + "/out"
    let build = try Tools.run(Tools.briefExecutable, ["build", "seeds/briefs/licences.md", "-o", out, "--formats", "pdf,png"], cwd: dir)
    XCTAssertEqual(build.status, 0, build.stderr)
    let text = try Tools.run("pdftotext", [out + "/licences.pdf", "-"]).stdout
    // Computed figures are shown to three significant digits, their ranges rounded outwards
    // (−5.1447 to −5.15); a single value stays one value.
    for phrase in ["grew by 17.2% 1 in 2013", "changed by −4.61% (−5.15–−4.07%)", "changed by −61.7% 3 in 2020"] {
      XCTAssertTrue(text.replacingOccurrences(of: "\n", with: " ").contains(phrase), "\(phrase) in:\n\(text)")
    }
    let png = try DecodedPNG(Array(try Data(contentsOf: URL(fileURLWithPath: out + "/licences-growth.png"))))
    for label in ["China, 2013", "China, 2014", "China, 2015", "Russia, 2020"] {
      XCTAssertTrue(png.text["Description"]?.contains(label) ?? false, "\(label) in \(png.text["Description"] ?? "")")
    }
  }

  func testAFormulaInABriefIsCheckedAndLocatedInTheBrief() throws {
    let dir = try project()
    let brief = dir + "/seeds/briefs/licences.md"
    var text = try String(contentsOfFile: brief, encoding: .utf8)
    text = text.replacingOccurrences(of: "{{= growth(ru-licences-2020, ru-licences-2019)}}", with: "{{= growth(ru-licences-2020, ru-licence-2019)}}")
    try text.write(toFile: brief, atomically: true, encoding: .utf8)
    let run = try Tools.run(Tools.briefExecutable, ["build", "seeds/briefs/licences.md", "-o", dir + "/out"], cwd: dir)
    XCTAssertEqual(run.status, 1)
    XCTAssertTrue(
      run.stderr.hasPrefix("seeds/briefs/licences.md:12:30: error: formula: expected the id of an observation or derived estimate; did you mean \"ru-licences-2019\""),
      run.stderr)
    XCTAssertTrue(run.stderr.hasSuffix(", found \"ru-licence-2019\"\n"), run.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/out"))
  }
}
