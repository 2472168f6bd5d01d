import Foundation
import XCTest

@testable import BriefModel

final class DatasetLoaderTests: XCTestCase {
  let goodObservation = """
    - id: ru-workers
      measure: workers
      value: "~4000"
      unit: workers
      period: 2024-10
      destination: Russia
      source: src-b

    """

  func testValidDatasetLoads() throws {
    let data = try TestDataset(observations: goodObservation)
    defer { data.remove() }
    let dataset = try DatasetLoader.load(directory: data.directory).get()
    XCTAssertEqual(dataset.sources.count, 3)
    XCTAssertEqual(dataset.observations.count, 1)
    let observation = try XCTUnwrap(dataset.observations.first)
    XCTAssertEqual(observation.value.interval, Interval(low: 3500, high: 4500))
    XCTAssertEqual(observation.location, SourceLocation(file: data.path("observations.yaml"), line: 1, column: 3))
    XCTAssertEqual(dataset.rates.first?.value, 7.1358)
    XCTAssertEqual(BriefCommand.check(directory: data.directory), CommandOutput(status: 0, standardOutput: "", standardError: ""))
  }

  func testNaturalLimitsApplied() throws {
    let data = try TestDataset(
      observations: """
        - id: a
          measure: bribe
          value: "<=2000"
          unit: USD
          period: 2021
          source: src-a
        - id: b
          measure: workers
          value: "~200"
          unit: people
          period: 2021
          source: src-a
        - id: c
          measure: wage-share-kept
          value: "<10%"
          unit: "%"
          period: 2010
          source: src-a

        """)
    defer { data.remove() }
    let dataset = try DatasetLoader.load(directory: data.directory).get()
    XCTAssertEqual(dataset.observations[0].value.interval, Interval(low: 0, high: 2000))
    XCTAssertEqual(dataset.observations[1].value.interval, Interval(low: 150, high: 250))
    XCTAssertEqual(dataset.observations[2].value.interval, Interval(low: 0, high: 10))
    XCTAssertTrue(dataset.observations[2].value.isPercent)
  }

  /// One bad dataset with every kind of problem; each is reported with its position.
  func testEveryProblemIsReportedWithPosition() throws {
    let observations = """
      - id: dup
        measure: workers
        value: 100
        unit: workers
        period: 2021
        source: nowhere
      - id: dup
        measure: workers
        value: "4000..3500"
        unit: workers
        period: last month
        source: src-a
      - id: money
        measure: wage
        value: 5
        unit: XYZ/month
        period: 2021
        source: src-a
      - id: furlongs
        measure: workers
        value: 5
        unit: furlongs
        period: 2021
        source: src-a
      - id: nomeasure
        value: 5
        unit: workers
        period: 2021
        source: src-a
      - id: wrongtype
        measure: workers
        value: [1, 2]
        unit: workers
        period: 2021
        source: src-a

      """
    let data = try TestDataset(
      sources: TestDataset.sources + "- id: bad-src\n  outlet: X\n  authors: Someone\n  published: 2021\n  language: en\n",
      observations: observations,
      events: "- id: e1\n  date: 2021\n  title: [unclosed\n",
      rates: "- id: r1\n  base: USD\n  quote: QQQ\n  rate: 2\n  date: 2024\n  source: fx\n")
    defer { data.remove() }
    let errors = data.errors()
    let obs = data.path("observations.yaml")
    let expected: [(String, Int, Int, String, String, String)] = [
      // The YAML syntax error in events.yaml.
      (data.path("events.yaml"), 4, 1, "yaml", "valid YAML", ""),
      (obs, 6, 11, "source", "the id of a source in sources.yaml (bad-src, fx, src-a, src-b)", "\"nowhere\""),
      (obs, 7, 7, "id", "an id not used before (ids are unique across the dataset)", "\"dup\", already used at \(obs):1:7"),
      (obs, 9, 10, "value", "a range whose low end is not above its high end", "\"4000..3500\""),
      (obs, 11, 11, "period", EDTFDate.syntaxDescription, "\"last month\""),
      (obs, 16, 9, "unit", "a known currency (USD, CNY, KRW, KPW, RUB, EUR, JPY), optionally per day/week/month/year", "\"XYZ/month\""),
      (obs, 22, 9, "unit", Unit.knownUnitsDescription(countNouns: try DatasetLoader.load(directory: SeedDatasetTests.seedsDirectory).get().vocabulary.units), "\"furlongs\""),
      (obs, 25, 3, "measure", "a value for 'measure'", "the field missing"),
      (obs, 32, 10, "value", "a single value (text or number)", "a list"),
      (data.path("rates.yaml"), 3, 10, "quote", "a known currency (USD, CNY, KRW, KPW, RUB, EUR, JPY)", "\"QQQ\""),
      (data.path("sources.yaml"), 19, 12, "authors", "a list of names", "\"Someone\""),
    ]
    for (file, line, column, field, expectedText, found) in expected {
      let match = errors.first { $0.file == file && $0.line == line && $0.column == column && $0.field == field }
      guard let match else {
        XCTFail("no error at \(file):\(line):\(column) \(field); got:\n\(errors.map(\.description).joined(separator: "\n"))")
        continue
      }
      XCTAssertEqual(match.expected, expectedText, "\(line):\(column)")
      if !found.isEmpty { XCTAssertEqual(match.found, found, "\(line):\(column)") }
    }
    XCTAssertEqual(errors.count, expected.count, errors.map(\.description).joined(separator: "\n"))

    // brief check lists all of them on standard error, one per line, and exits 1.
    let output = BriefCommand.check(directory: data.directory)
    XCTAssertEqual(output.status, 1)
    let lines = output.standardError.split(separator: "\n")
    XCTAssertEqual(lines.count, expected.count)
    XCTAssertTrue(lines.allSatisfy { $0.contains(": error: ") })
    XCTAssertTrue(output.standardError.contains("\(obs):11:11: error: period: expected an EDTF date"))
    // And stats refuses bad data the same way.
    XCTAssertEqual(BriefCommand.stats(directory: data.directory, json: true).status, 1)
  }

  func testMessageFormat() {
    let error = DatasetError(file: "seeds/x.yaml", line: 3, column: 9, field: "unit", expected: "a unit", found: "\"m\"")
    XCTAssertEqual(error.description, "seeds/x.yaml:3:9: error: unit: expected a unit, found \"m\"")
  }

  func testUnitMustSuitMeasureAndLimits() throws {
    let data = try TestDataset(
      observations: """
        - id: w
          measure: wage
          value: 5
          unit: USD
          period: 2021
          source: src-a
        - id: neg
          measure: workers
          value: -5
          unit: workers
          period: 2021
          source: src-a
        - id: typo
          measure: workers
          value: 5
          unit: workers
          period: 2021
          source: src-a
          destinaton: Russia

        """)
    defer { data.remove() }
    let errors = data.errors()
    XCTAssertEqual(errors.count, 3, errors.map(\.description).joined(separator: "\n"))
    XCTAssertEqual(errors[0].line, 4)
    XCTAssertEqual(errors[0].field, "unit")
    XCTAssertEqual(errors[0].expected, "money per period (such as USD/month) for wage")
    XCTAssertEqual(errors[1].line, 9)
    XCTAssertEqual(errors[1].field, "value")
    XCTAssertEqual(errors[1].expected, "a value of at least 0 for workers")
    XCTAssertEqual(errors[2].line, 19)
    XCTAssertEqual(errors[2].column, 3)
    XCTAssertEqual(errors[2].field, "destinaton")
    XCTAssertEqual(errors[2].found, "an unknown field 'destinaton'")
  }

  func testCountsAreWholeAndNoBoundLeavesThemNothingOrOnlyZero() throws {
    // One observation per line of `cases`: value, unit, and the expected part of its error (nil: fine).
    let cases: [(String, String, String?)] = [
      ("1300.5", "visas", "a whole number for visas (a count)"),
      ("~1300.5", "visas", "a whole number for visas (a count)"),
      ("1300.5..2000", "visas", "a whole number for visas (a count)"),
      ("~1300..2000.5", "visas", "a whole number for visas (a count)"),
      ("\"<=0.5\"", "workers", "a whole number for workers (a count)"),
      ("\">2.5\"", "workers", "a whole number for workers (a count)"),
      ("\"<0\"", "visas", "a value of at least 0 for visas"),
      ("\"<0\"", "USD", "a value of at least 0 for USD"),
      ("\">=-1\"", "workers", "a value of at least 0 for workers"),
      ("\"<1\"", "visas", "\"0\" (a count of visas less than 1 can only be 0)"),
      ("\"<=0\"", "visas", "\"0\" (a count of visas at most 0 can only be 0)"),
      ("0", "visas", nil), ("~0", "visas", nil), ("\"<2\"", "visas", nil), ("\"<=1\"", "visas", nil),
      ("\">=0\"", "visas", nil), ("1300..2000", "visas", nil), ("1300.5", "USD", nil), ("\"<0.5\"", "USD", nil),
    ]
    let observations = cases.enumerated().map { k, c in
      let measure = c.1 == "USD" ? "bribe" : c.1 == "visas" ? "work-visas" : "workers"
      return "- {id: o\(k), measure: \(measure), value: \(c.0), unit: \(c.1), period: 2021, source: src-a}\n"
    }.joined()
    let data = try TestDataset(observations: observations)
    defer { data.remove() }
    let errors = data.errors()
    let byLine = Dictionary(errors.map { ($0.line, $0) }, uniquingKeysWith: { a, _ in a })
    XCTAssertEqual(errors.count, cases.filter { $0.2 != nil }.count, errors.map(\.description).joined(separator: "\n"))
    for (k, c) in cases.enumerated() {
      XCTAssertEqual(byLine[k + 1]?.expected, c.2, "value \(c.0) \(c.1)")
      if c.2 != nil { XCTAssertEqual(byLine[k + 1]?.field, "value") }
    }
  }

  func testUnitsOfOffersPromisesAndContractTerms() throws {
    let data = try TestDataset(
      observations: """
        - id: offer-months
          measure: bribe-offered
          value: "<12"
          unit: months
          period: 2014
          source: src-a
        - id: offer-usd
          measure: bribe-offered
          value: 500
          unit: USD
          period: 2014
          source: src-a
        - id: offer-bad
          measure: bribe-offered
          value: 5
          unit: workers
          period: 2014
          source: src-a
        - id: promise-bad
          measure: wage-promised
          value: 5
          unit: CNY
          period: 2024
          source: src-a
        - id: term-bad
          measure: contract-term
          value: 3
          unit: USD
          period: 2014
          source: src-a

        """)
    defer { data.remove() }
    let errors = data.errors()
    XCTAssertEqual(errors.map(\.line), [16, 22, 28], errors.map(\.description).joined(separator: "\n"))
    XCTAssertEqual(errors.map(\.field), ["unit", "unit", "unit"])
    XCTAssertEqual(
      errors[0].expected,
      "a currency (a one-off amount such as USD) or a duration (years, months, weeks or days) for bribe-offered")
    XCTAssertEqual(errors[1].expected, "money per period (such as USD/month) for wage-promised")
    XCTAssertEqual(errors[2].expected, "a duration (years, months, weeks or days) for contract-term")
    let vocabulary = try DatasetLoader.load(directory: SeedDatasetTests.seedsDirectory).get().vocabulary
    for id in ["bribe-offered", "wage-promised", "contract-term"] { XCTAssertNotNil(vocabulary.measure(id), id) }
  }

  func testMissingFileAndWrongTopLevel() throws {
    let data = try TestDataset(observations: "id: not-a-list\n")
    defer { data.remove() }
    try FileManager.default.removeItem(atPath: data.path("events.yaml"))
    let errors = data.errors()
    XCTAssertEqual(errors.count, 2, errors.map(\.description).joined(separator: "\n"))
    let missing = try XCTUnwrap(errors.first { $0.file.hasSuffix("events.yaml") })
    XCTAssertEqual(missing.found, "no such file or directory")
    let wrong = try XCTUnwrap(errors.first { $0.file.hasSuffix("observations.yaml") })
    XCTAssertEqual(wrong.field, "observations")
    XCTAssertEqual(wrong.found, "a mapping")
    XCTAssertEqual(wrong.line, 1)
  }

  func testDuplicateKeyIsLocated() throws {
    let data = try TestDataset(
      observations: "- id: a\n  measure: workers\n  measure: workers\n  value: 1\n  unit: workers\n  period: 2021\n  source: src-a\n"
    )
    defer { data.remove() }
    let errors = data.errors()
    XCTAssertEqual(errors.count, 1, errors.map(\.description).joined(separator: "\n"))
    XCTAssertEqual(errors.first?.field, "measure")
    XCTAssertEqual(errors.first?.found, "duplicate key 'measure'")
  }
}

final class YAMLDocumentTests: XCTestCase {
  func testAliasBombIsRejectedByTheExpansionBudget() {
    // Each level holds nine aliases of the previous: 9^9 nodes if expanded.
    var text = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
      let previous = "*a\(level - 1)"
      text += "a\(level): &a\(level) [" + Array(repeating: previous, count: 9).joined(separator: ", ") + "]\n"
    }
    // Measured, not expanded: the budget is spent on memoised subtree sizes. How fast that is, is
    // measured by `make bench` (alias-bomb), not here.
    let result = YAMLDocument.parse(text: text, file: "bomb.yaml")
    guard case .failure(let error) = result else { return XCTFail("alias bomb accepted") }
    XCTAssertEqual(error.field, "yaml")
    XCTAssertTrue(error.expected.contains("once aliases are expanded"), error.description)
  }

  func testAliasErrorsCountCRLFLinesAndScalarColumns() {
    // Windows line ends count as one line each; columns count characters, not UTF-8 bytes.
    guard case .failure(let error) = YAMLDocument.parse(text: "a: &a [1]\r\nb: 2\r\n\"é\": x\r\nc: [é, *a]\r\n*a : 2\r\n", file: "k.yaml") else {
      return XCTFail("alias key accepted")
    }
    XCTAssertEqual(error.line, 5)
    XCTAssertEqual(error.column, 1)
    let many = "a: &a 1\nb: [" + Array(repeating: "*a", count: 300).joined(separator: ", ") + "]\n"
    guard case .failure(let count) = YAMLDocument.parse(text: "é: x\n" + many, file: "m.yaml") else { return XCTFail("300 aliases accepted") }
    XCTAssertEqual(count.line, 3)
    XCTAssertEqual(count.column, 5 + 4 * 256, "the 257th alias, after '[' and 256 of '*a, '")
  }

  func testTrimmingMatchesFoundation() {
    let samples = [
      "", " ", "abc", "  abc  ", "\tabc\n", "\u{00A0}abc\u{3000}", "\nabc\r\n", "a b", "é ", " \u{2028}x\u{2029} ", "\u{85}x", "x\u{0B}",
      "e\u{301} ", " \u{1F600}", "\r\n",
    ]
    for s in samples {
      XCTAssertEqual(s.trimmingWhitespace(), s.trimmingCharacters(in: .whitespacesAndNewlines), s.debugDescription)
      XCTAssertEqual(s.trimmingWhitespace(newlines: false), s.trimmingCharacters(in: .whitespaces), s.debugDescription)
    }
  }

  func testDatasetLoadsFromMemory() throws {
    let root = SeedDatasetTests.seedsDirectory
    var files: [String: Data] = [:]
    for name in ["vocabulary.yaml", "sources.yaml", "observations.yaml", "events.yaml", "rates.yaml"] {
      files["mem/" + name] = FileManager.default.contents(atPath: "\(root)/\(name)")
    }
    let fromDisk = try DatasetLoader.load(directory: root).get()
    let (fromMemory, errors) = DatasetLoader.loadCollectingErrors(directory: "mem") { files[$0] }
    XCTAssertEqual(errors.count, 0)
    XCTAssertEqual(fromMemory.observations.map(\.id), fromDisk.observations.map(\.id))
    XCTAssertEqual(fromMemory.observations.first?.location.file, "mem/observations.yaml")
    files["mem/events.yaml"] = nil
    let (_, missing) = DatasetLoader.loadCollectingErrors(directory: "mem") { files[$0] }
    XCTAssertEqual(missing.map(\.description), ["mem/events.yaml:1:1: error: file: expected a readable file, found no such file or directory"])
  }

  func testFewAliasesAreFine() {
    let text = "base: &b {x: 1}\none: *b\ntwo: *b\n"
    guard case .success(let document) = YAMLDocument.parse(text: text, file: "ok.yaml") else {
      return XCTFail("small aliases rejected")
    }
    XCTAssertNotNil(document.root)
  }

  func testAliasAsKeyAndDeepNestingRejected() {
    guard case .failure(let keyError) = YAMLDocument.parse(text: "a: &a [1]\n*a : 2\n", file: "k.yaml") else {
      return XCTFail("alias key accepted")
    }
    XCTAssertEqual(keyError.line, 2)
    XCTAssertEqual(keyError.column, 1)
    let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
    guard case .failure(let depthError) = YAMLDocument.parse(text: deep, file: "d.yaml") else {
      return XCTFail("deep nesting accepted")
    }
    XCTAssertTrue(depthError.expected.contains("nesting"))
  }

  func testMarksAreOneBased() throws {
    guard case .success(let document) = YAMLDocument.parse(text: "- a: 1\n  b: [x]\n", file: "m.yaml"),
      let root = document.root, case .sequence(let sequence) = root, let first = sequence.first
    else { return XCTFail("parse failed") }
    XCTAssertEqual(first.mark?.line, 1)
    XCTAssertEqual(first.mark?.column, 3)
  }
}
