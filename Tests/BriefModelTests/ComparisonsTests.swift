import XCTest

@testable import BriefModel

/// Which figures are compared, and the verdict: the vocabulary's places and each measure's nature.
final class ComparisonsTests: XCTestCase {
  static let sources = TestDataset.sources + """
    - id: src-c
      outlet: Outlet C
      authors: []
      published: 2025
      language: en

    """

  func compare(_ observations: String) throws -> (conflicts: [Conflict], agreements: [Agreement]) {
    let data = try TestDataset(sources: Self.sources, observations: observations)
    defer { data.remove() }
    return Comparisons.compare(try DatasetLoader.load(directory: data.directory).get())
  }

  func observation(_ id: String, _ measure: String, _ value: String, _ unit: String, _ period: String, _ source: String, places: String) -> String {
    """
    - id: \(id)
      measure: \(measure)
      value: "\(value)"
      unit: \(unit)
      period: \(period)
      source: \(source)
    \(places.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))

    """
  }

  func testAStockUntilAYearIsAboutThatYearNotItsWholePast() throws {
    // "~30,000 until 2017" says what held in 2017; 47,364 in Jan–Mar 2015 is another time.
    let result = try compare(
      observation("cn-until-2017", "workers", "~30000", "workers", "../2017", "src-a", places: "destination: China")
        + observation("cn-2015-q1", "workers", "47364", "workers", "2015-01/2015-03", "src-b", places: "destination: China"))
    XCTAssertEqual(result.conflicts.map(\.id), [])
    XCTAssertEqual(result.agreements.map(\.id), [])
  }

  func testFiguresForDifferentPlacesAreNeverCompared() throws {
    // 37 people leaving Hyesan and 13,221 entries to Russia; Vladivostok is not Russia.
    let result = try compare(
      observation("hyesan", "departed", "37", "people", "2024", "src-a", places: "origin: Hyesan\ndestination: Russia")
        + observation("ru-entries", "departed", "13221", "people", "2024", "src-b", places: "destination: Russia")
        + observation("vladivostok", "workers", "500", "workers", "2024", "src-a", places: "destination: Russia\ndestination-place: Vladivostok")
        + observation("russia", "workers", "20000", "workers", "2024", "src-b", places: "destination: RU"))
    XCTAssertEqual(result.conflicts.map(\.id), [])
  }

  func testARealConflictIsFoundAndSaysWhy() throws {
    // Two sources, the same stock in the same place, times that coincide, ranges apart.
    let result = try compare(
      observation("ru-a", "workers", "~4000", "workers", "2024-10", "src-a", places: "destination: Russia")
        + observation("ru-b", "workers", "15000..25000", "workers", "2024", "src-b", places: "destination: Russian Federation")
        + observation("ru-c", "workers", "<=5000", "workers", "2024-10~", "src-c", places: "destination: RU"))
    XCTAssertEqual(result.conflicts.map(\.id), ["conflict-ru-a-ru-b", "conflict-ru-b-ru-c"])
    XCTAssertEqual(
      result.conflicts.first?.summary,
      "src-a reports ~4,000 workers (Oct 2024) and src-b 15,000–25,000 workers (2024) for workers in Russia, "
        + "both levels at times that can coincide, and the figures cannot both be true.")
    XCTAssertEqual(result.agreements.map(\.id), ["agreement-ru-a-ru-c"])
  }

  func testFlowsAreComparedOnlyOverTheSameSpan() throws {
    let result = try compare(
      observation("visas-2013-a", "work-visas", "93300", "visas", "2013", "src-a", places: "destination: China")
        + observation("visas-2013-b", "work-visas", "80000", "visas", "2013", "src-b", places: "destination: China")
        + observation("visas-2013-h1", "work-visas", "40000", "visas", "2013-01/2013-06", "src-c", places: "destination: China"))
    XCTAssertEqual(result.conflicts.map(\.id), ["conflict-visas-2013-a-visas-2013-b"])
    XCTAssertTrue(result.conflicts.first?.summary.contains("both totals over 2013") ?? false)
  }

  func testPlacesAreCanonicalAndAnUnknownPlaceIsAnErrorWithASuggestion() throws {
    let data = try TestDataset(
      sources: Self.sources,
      observations: observation("a", "workers", "100", "workers", "2024", "src-a", places: "destination: RU")
        + observation("b", "workers", "100", "workers", "2024", "src-a", places: "destination: Rusia")
        + observation("c", "workers", "100", "workers", "2024", "src-a", places: "destination: China\ndestination-place: Vladivostok"))
    defer { data.remove() }
    let (dataset, errors) = DatasetLoader.loadCollectingErrors(directory: data.directory)
    XCTAssertEqual(dataset.observation("a")?.destination, "Russia")
    XCTAssertEqual(
      errors.map(\.description),
      [
        "\(data.path("observations.yaml")):14:16: error: destination: expected a place declared in vocabulary.yaml; did you mean \"Russia\", \"Russian Federation\"?, found \"Rusia\"",
        "\(data.path("observations.yaml")):22:22: error: destination-place: expected a place inside the destination China, found \"Vladivostok\"",
      ])
  }

  func testANewMeasureAndUnitNeedNoCode() throws {
    let vocabulary = TestDataset.vocabulary.replacingOccurrences(
      of: "units:\n", with: "  - {id: employment-entries, label: \"Employment entries to {place}\", dimension: count, units: [entries], nature: flow}\n\nunits:\n")
    let data = try TestDataset(
      sources: Self.sources,
      observations: observation("cn-entries-2019", "employment-entries", "~89000", "entries", "2019", "src-a", places: "destination: China")
        + observation("cn-entries-bad", "employment-entries", "5", "workers", "2019", "src-a", places: "destination: China")
        + observation("cn-persons", "workers", "5", "persons", "2019", "src-a", places: "destination: China"),
      vocabulary: vocabulary)
    defer { data.remove() }
    let (dataset, errors) = DatasetLoader.loadCollectingErrors(directory: data.directory)
    XCTAssertEqual(dataset.observation("cn-entries-2019")?.unit, .count("entries"))
    XCTAssertEqual(errors.map(\.field), ["unit", "unit"])
    XCTAssertEqual(errors.map(\.expected), ["one of the units entries for employment-entries", "one of the units workers, people for workers"])
  }

  func testTheVocabularyIsChecked() throws {
    let vocabulary = """
      measures:
        - {id: workers, label: "Workers in {place}", dimension: headcount, nature: stock}
        - {id: visas, label: "Visas", dimension: count, units: [visa-stamps], nature: sometimes}
      units:
        - {id: workers, singular: worker}
        - {id: USD, singular: dollar}
      places:
        - {id: Russia, kind: country, aliases: [RU]}
        - {id: Rossiya, kind: country, aliases: [RU]}
        - {id: Vladivostok, kind: city, parent: Rusia}
        - {id: A, kind: region, parent: B}
        - {id: B, kind: region, parent: A}

      """
    let data = try TestDataset(vocabulary: vocabulary)
    defer { data.remove() }
    let errors = data.errors().filter { $0.file.hasSuffix("vocabulary.yaml") }
    XCTAssertEqual(
      errors.map { "\($0.line):\($0.column) \($0.field): expected \($0.expected), found \($0.found)" },
      [
        "2:59 dimension: expected one of count, money, money-per-period, percent, ratio, duration, found \"headcount\"",
        "3:58 units: expected count units declared under units, found \"visa-stamps\"",
        "3:81 nature: expected stock or flow, found \"sometimes\"",
        "6:10 id: expected a count noun (not %, times, a duration or a currency), found \"USD\"",
        "9:10 aliases: expected a name no other place uses, found \"RU\", already a name of Russia",
        "10:43 parent: expected a place declared under places; did you mean \"Russia\"?, found \"Rusia\"",
        "11:35 parent: expected a place that does not lie inside A, found \"B\", which does",
        "12:35 parent: expected a place that does not lie inside B, found \"A\", which does",
      ])
  }

  func testTwoSourcesFiguresForOneYearAreBothKeptNamedWithTheirSources() throws {
    let data = try TestDataset(
      sources: Self.sources,
      observations: observation("visas-a", "work-visas", "93300", "visas", "2013", "src-a", places: "destination: China")
        + observation("visas-b", "work-visas", "93000", "visas", "2013", "src-b", places: "destination: China"))
    defer { data.remove() }
    let result = Analysis.run(try DatasetLoader.load(directory: data.directory).get())
    let labels = result.estimates.filter { ["visas-a", "visas-b"].contains($0.id) }.map(\.label)
    XCTAssertEqual(labels, ["Work visas issued by China, 2013 (Outlet A)", "Work visas issued by China, 2013 (Outlet B)"])
    XCTAssertEqual(result.agreements.map(\.id), [], "93,300 and 93,000 cannot both be exact")
    XCTAssertEqual(result.conflicts.map(\.id), ["conflict-visas-a-visas-b"])
  }
}
