import Foundation
import XCTest

@testable import BriefModel

/// The expression engine's parts, with hand-computed expectations.
final class ExpressionTests: XCTestCase {
  // MARK: - Helpers

  func observation(_ id: String, _ measure: String, _ value: String, _ unit: String, _ period: String, destination: String? = "Russia", source: String = "src-a") throws -> Observation {
    let parsedUnit = Unit(spelled: unit)
    return Observation(
      id: id, measure: Measure(measure),
      value: try ReportedValue.parse(value).limited(to: parsedUnit.naturalLimits), unit: parsedUnit,
      period: try EDTFDate.parse(period), origins: [], destination: destination, destinationPlace: nil, sector: nil,
      job: nil, relativeTo: nil, source: source, attribution: nil, note: nil,
      location: SourceLocation(file: "o.yaml", line: 1, column: 1))
  }

  func evaluate(_ formula: String, dataset: Dataset = Dataset(), it: Observation? = nil) throws -> Quantity {
    var evaluator = Evaluator(dataset: dataset, produced: [:], producedInOrder: [])
    if let it { evaluator.scope.items["it"] = .observation(it) }
    return try evaluator.quantity(try Parser.parse(formula))
  }

  func assertQuantity(_ q: Quantity, _ low: Double?, _ high: Double?, _ estimate: Double?, file: StaticString = #filePath, line: UInt = #line) {
    func same(_ a: Double?, _ b: Double?, _ what: String) {
      switch (a, b) {
      case (nil, nil): break
      case (let a?, let b?): XCTAssertEqual(a, b, accuracy: 1e-9, what, file: file, line: line)
      default: XCTFail("\(what): \(String(describing: a)) vs \(String(describing: b))", file: file, line: line)
      }
    }
    same(q.interval.low, low, "low")
    same(q.interval.high, high, "high")
    same(q.estimate, estimate, "estimate")
  }

  // MARK: - Lexer and parser

  func testLexerReadsIdsWithHyphensPercentagesAndSymbols() throws {
    let tokens = try Lexer.tokens("cn-work-visas-2013 / (1 + 17%) - x")
    XCTAssertEqual(tokens.map(\.text), ["cn-work-visas-2013", "/", "(", "1", "+", "17%", ")", "-", "x", ""])
    XCTAssertEqual(tokens[5].kind, .number(0.17, percent: true))
    XCTAssertEqual(tokens[8].position, TextPosition(line: 1, column: 34))
  }

  func testParserPrecedenceAndPositions() throws {
    guard case .binary(.minus, let left, .name("c", let c), let minus) = try Parser.parse("a + b * 2 - c") else {
      return XCTFail("a + b * 2 - c is (a + b * 2) - c")
    }
    XCTAssertEqual(minus, TextPosition(line: 1, column: 11))
    XCTAssertEqual(c, TextPosition(line: 1, column: 13))
    guard case .binary(.plus, _, .binary(.times, _, _, _), _) = left else { return XCTFail("* binds tighter than +") }
    guard case .call("nearest", let args, _) = try Parser.parse("nearest({measure: [wage, wage-promised], destination: it.destination}, to: it)") else {
      return XCTFail("a call")
    }
    XCTAssertEqual(args.count, 2)
    XCTAssertEqual(args[1].label, "to")
    guard case .selection(let s, _) = args[0].value else { return XCTFail("a selection") }
    XCTAssertEqual(s.conditions.map(\.field), ["measure", "destination"])
    XCTAssertEqual(s.conditions[0].values, [.literal("wage"), .literal("wage-promised")])
    XCTAssertEqual(s.conditions[1].values, [.field("it", "destination", TextPosition(line: 1, column: 55))])
  }

  func testSyntaxErrorsPointAtTheToken() {
    func error(_ text: String) -> ExpressionError? {
      do {
        _ = try Parser.parse(text)
        return nil
      } catch { return error as? ExpressionError }
    }
    XCTAssertEqual(error("1 +")?.position, TextPosition(line: 1, column: 4))
    XCTAssertEqual(error("1 +")?.message.found, "the end of the formula")
    XCTAssertEqual(error("f(1,, 2)")?.position, TextPosition(line: 1, column: 5))
    XCTAssertEqual(error("a # b")?.message.found, "'#'")
    XCTAssertEqual(error("2x")?.position, TextPosition(line: 1, column: 2))
    // Deep nesting is refused, not recursed into.
    XCTAssertEqual(error(String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500))?.message.found, "deeper nesting")
    XCTAssertEqual(error(String(repeating: "-", count: 500) + "1")?.message.found, "deeper nesting")
  }

  // MARK: - Checker

  func testCheckerFindsUnknownNamesFunctionsAndArity() throws {
    var checker = Checker(bound: ["it": false], isKnownId: { $0 == "ru-wage-2024-10" }, knownIds: ["ru-wage-2024-10"])
    checker.check(try Parser.parse("usd(ru-wage-2024-1) + growht(it, it) + growth(it) + sum(it) + per(it, fortnight)"))
    let found = checker.errors.map(\.message.found)
    XCTAssertEqual(found.count, 5, "\(found)")
    XCTAssertEqual(found[0], "\"ru-wage-2024-1\"; did you mean \"ru-wage-2024-10\"?")
    XCTAssertEqual(found[1], "\"growht\"; did you mean \"growth\"?")
    XCTAssertEqual(found[2], "1 argument to growth")
    XCTAssertEqual(checker.errors[3].message.expected, "a selection such as {measure: wage} or group as the first argument of sum")
    XCTAssertEqual(found[4], "\"fortnight\"")
  }

  // MARK: - Evaluator

  func testGrowthOnPointsAndIntervals() throws {
    // 93,300 after 79,600: 93,300 / 79,600 − 1 = 17.2111%.
    assertQuantity(try evaluate("growth(93300, 79600)"), 0.1721105527, 0.1721105527, 0.1721105527)
    // ~89,000 (88,500..89,500) after 93,300: 88,500 / 93,300 − 1 = −5.1447%, 89,500 / 93,300 − 1 = −4.0729%.
    let approx = try observation("ru-later", "workers", "~89000", "workers", "2015")
    let before = try observation("ru-before", "workers", "93300", "workers", "2014")
    var evaluator = Evaluator(dataset: Dataset(), produced: [:], producedInOrder: [])
    evaluator.scope.items = ["it": .observation(approx), "previous": .observation(before)]
    let g = try evaluator.quantity(try Parser.parse("growth(it, previous)"))
    assertQuantity(g, 88500 / 93300 - 1, 89500 / 93300 - 1, 89000 / 93300 - 1)
    XCTAssertEqual(g.kind, .approximate)
    XCTAssertEqual(NumberFormat.plain(g.interval.low! * 100, maxDecimals: 2), "\(NumberFormat.minus)5.14")
    XCTAssertEqual(NumberFormat.plain(g.interval.high! * 100, maxDecimals: 2), "\(NumberFormat.minus)4.07")
    // 11,490 after 30,023: −61.73%.
    let fall = try evaluate("growth(11490, 30023)")
    XCTAssertEqual(fall.estimate! * 100, -61.7293408387, accuracy: 1e-9)
    XCTAssertEqual(fall.dimension, .none)
  }

  func testImpliedPriorAndItsMethodText() throws {
    // 93,300 / 1.17 = 79,743.59.
    let exact = try evaluate("implied_prior(93300, 17%)")
    assertQuantity(exact, 93300 / 1.17, 93300 / 1.17, 93300 / 1.17)
    XCTAssertEqual(Wording.method(exact, restated: false), "93,300 divided by one plus 17%.")
    // With ~17% (16.5..17.5%): 93,300 / 1.175 = 79,404.26 … 93,300 / 1.165 = 80,085.84.
    let growth = try observation("g", "work-visa-growth", "~17%", "%", "2013")
    let q = try evaluate("implied_prior(93300, it)", it: growth)
    assertQuantity(q, 93300 / 1.175, 93300 / 1.165, 93300 / 1.17)
    XCTAssertEqual(q.kind, .approximate)
  }

  func testUSDUsesTheRateDatedNearestTheFigureAndCitesIt() throws {
    let wage = try observation("cn-wage", "wage", "12000", "CNY/year", "2024-07")
    let rate = { (id: String, value: String, date: String) in
      ExchangeRate(
        id: id, base: .usd, quote: .cny, rate: try ReportedValue.parse(value), date: try EDTFDate.parse(date), source: "fx",
        note: nil, location: SourceLocation(file: "r.yaml", line: 1, column: 1))
    }
    let dataset = Dataset(
      observations: [wage], rates: [try rate("old", "6.5", "2014-01-01"), try rate("new", "8", "2024-06-30")])
    // 12,000 CNY a year is 1,000 CNY a month; at 8 CNY per USD (the rate dated nearest) 125 USD a month.
    let q = try evaluate("per(usd(it), month)", dataset: dataset, it: wage)
    assertQuantity(q, 125, 125, 125)
    XCTAssertEqual(q.provenance.rates, ["new"])
    XCTAssertEqual(q.dimension, Dimension(powers: ["USD": 1, "month": -1]))
    XCTAssertTrue(q.words.contains("converted to USD at 8 CNY per USD (30 Jun 2024, new) per month"), q.words)
    XCTAssertEqual(q.provenance.caveats, ["converted at the 30 Jun 2024 rate, outside the figure's period (Jul 2024)"])
  }

  func testPerNormalisesPeriodsThroughTheDeclaredUnit() throws {
    // CNY/year is held per month: 12,000 CNY/year is 1,000 CNY a month, and 12,000 again in CNY/year.
    let wage = try observation("w", "wage", "12000", "CNY/year", "2024")
    let q = try evaluate("per(it, month)", it: wage)
    assertQuantity(q, 1000, 1000, 1000)
    XCTAssertEqual(Dimension.of(try XCTUnwrap(Unit(fixed: "CNY/year"))).factor * 12000, 1000, accuracy: 1e-9)
    // per() takes amounts per period only.
    let visas = try observation("v", "work-visas", "93300", "visas", "2013")
    XCTAssertThrowsError(try evaluate("per(it, month)", it: visas)) { error in
      XCTAssertEqual((error as? ExpressionError)?.message.found, "visas")
    }
  }

  func testALowerBoundPropagatesAsALowerBound() throws {
    let loggers = try observation("l", "workers", ">=10000", "workers", "2010")
    let q = try evaluate("it * 2", it: loggers)
    assertQuantity(q, 20000, nil, nil)
    XCTAssertEqual(q.kind, .atLeast)
    XCTAssertEqual(q.provenance.bounds, ["l"])
    let upTo = try observation("u", "bribe", "<=2000", "USD", "2021")
    XCTAssertEqual(try evaluate("it / 2", it: upTo).kind, .atMost)
  }

  func testDivisionByAnIntervalContainingZeroHasNoUpperBound() throws {
    // 1,300 / [0, 200] = [6.5, ∞); estimate 1,300 / 100 = 13.
    let kept = try observation("k", "wage", "0..200", "USD/month", "2024")
    let q = try evaluate("1300 / it", it: kept)
    assertQuantity(q, 6.5, nil, 13)
    XCTAssertTrue(q.provenance.caveats[0].hasSuffix("may be zero, so no upper bound"), q.provenance.caveats[0])
    // A divisor whose estimate is 0 gives no estimate.
    XCTAssertNil(try evaluate("1 / (2 - 2)").estimate)
  }

  func testDimensionsMustAgree() throws {
    let wage = try observation("w", "wage", "800", "USD/month", "2024")
    XCTAssertThrowsError(try evaluate("it + 5 * it / it", it: wage)) { error in
      XCTAssertEqual((error as? ExpressionError)?.message.found, "USD/month and a pure number (%, times)")
      XCTAssertEqual((error as? ExpressionError)?.position, TextPosition(line: 1, column: 4))
    }
    let cny = try observation("c", "wage", "800", "CNY/month", "2024")
    var evaluator = Evaluator(dataset: Dataset(), produced: [:], producedInOrder: [])
    evaluator.scope.items = ["it": .observation(wage), "previous": .observation(cny)]
    XCTAssertThrowsError(try evaluator.quantity(try Parser.parse("it - previous"))) { error in
      XCTAssertEqual((error as? ExpressionError)?.message.found, "USD/month and CNY/month (convert with usd())")
    }
  }

  func testOrderStatisticsOverASelection() throws {
    let dataset = Dataset(observations: [
      try observation("a", "wage", "50", "USD/month", "2014"), try observation("b", "wage", "~800", "USD/month", "2024"),
      try observation("c", "wage", "100", "USD/month", "2020", destination: "China"),
    ])
    assertQuantity(try evaluate("median({measure: wage, destination: Russia})", dataset: dataset), 400, 450, 425)
    assertQuantity(try evaluate("min({measure: wage})", dataset: dataset), 50, 50, 50)
    assertQuantity(try evaluate("max({measure: wage})", dataset: dataset), 750, 850, 800)
    assertQuantity(try evaluate("sum({measure: wage})", dataset: dataset), 900, 1000, 950)
    let hull = try evaluate("hull({measure: wage})", dataset: dataset)
    assertQuantity(hull, 50, 850, nil)
    XCTAssertEqual(hull.kind, .range)
  }

  // MARK: - Patterns

  func testPatternsFillAndMatchIds() throws {
    let p = try Pattern.parse("{destination|code}-work-visas-{period|prior-year}-implied")
    XCTAssertEqual(p.fill({ ["destination": "China", "period": "2013"][$0] }, code: { $0 == "China" ? "cn" : $0 }), "cn-work-visas-2012-implied")
    XCTAssertEqual(p.fill { ["destination": "Inner Mongolia", "period": "2013"][$0] }, "inner-mongolia-work-visas-2012-implied")
    XCTAssertTrue(p.couldMake("ru-work-visas-2020-implied"))
    XCTAssertFalse(p.couldMake("ru-work-visas-implied"))
    XCTAssertEqual(try Pattern.parse("repay-months-{id|strip:-usd}").fill { _ in "bribe-x-usd" }, "repay-months-bribe-x")
    XCTAssertEqual(try Pattern.parse("{count|plural:figure}").fill { _ in "1" }, "1 figure")
    XCTAssertNil(try Pattern.parse("{job}").fill { _ in nil })
    XCTAssertEqual(try Pattern.parse("{job|or:none|slug}").fill { _ in nil }, "none")
    XCTAssertThrowsError(try Pattern.parse("{id|shout}"))
    XCTAssertThrowsError(try Pattern.parse("{id"))
  }

  // MARK: - Engine: templates, pairs, errors

  static let observations = """
    - id: ru-workers-2014
      measure: workers
      value: 30023
      unit: workers
      period: 2014
      destination: Russia
      source: src-a
    - id: ru-workers-2015
      measure: workers
      value: 11490
      unit: workers
      period: 2015
      destination: Russia
      source: src-b
    - id: ru-workers-2013
      measure: workers
      value: "~20000"
      unit: workers
      period: 2013
      destination: Russia
      source: src-a

    """

  func run(_ derived: String) throws -> (DerivationOutput, [DatasetError]) {
    let data = try TestDataset(observations: Self.observations, derived: derived)
    defer { data.remove() }
    let (dataset, errors) = DatasetLoader.loadCollectingErrors(directory: data.directory)
    return (Engine.run(dataset), errors.map { e in
      var e = e
      e.file = (e.file as NSString).lastPathComponent
      return e
    })
  }

  static let seriesAndPairs = """
    - id: "headcount-{id}"
      family: headcount
      for-each: {measure: workers}
      formula: it
      unit: workers
      series: "headcount-{destination|slug}"
    - id: "{series}-growth-{period|year}"
      family: headcount-growth
      for-each: {family: headcount}
      group-by: series
      pairs: consecutive
      formula: growth(it, previous)
      unit: "%"

    """

  func testPairsOfASeriesGiveTheGrowthOfEachConsecutivePair() throws {
    let (output, errors) = try run(Self.seriesAndPairs)
    XCTAssertEqual(errors, [])
    let ids = output.estimates.map(\.id)
    XCTAssertEqual(ids.suffix(2), ["headcount-russia-growth-2014", "headcount-russia-growth-2015"])
    let fall = try XCTUnwrap(output.estimates.first { $0.id == "headcount-russia-growth-2015" })
    XCTAssertEqual(try XCTUnwrap(fall.estimate), -61.7293408387, accuracy: 1e-6)
    XCTAssertTrue(fall.caveats.contains { $0.hasPrefix("cross-source") })
    XCTAssertEqual(fall.method, "The growth from 30,023 workers (headcount-ru-workers-2014) to 11,490 workers (headcount-ru-workers-2015).")
    // ~20,000 (15,000..25,000) to 30,023: 30,023 / 25,000 − 1 = 20.09% … 30,023 / 15,000 − 1 = 100.15%.
    let rise = try XCTUnwrap(output.estimates.first { $0.id == "headcount-russia-growth-2014" })
    XCTAssertEqual(try XCTUnwrap(rise.interval.low), 100 * (30023.0 / 25000 - 1), accuracy: 1e-9)
    XCTAssertEqual(try XCTUnwrap(rise.interval.high), 100 * (30023.0 / 15000 - 1), accuracy: 1e-9)
    XCTAssertEqual(output.series.map(\.id), ["headcount-russia"])
    XCTAssertEqual(output.series[0].points.map(\.observation), ["ru-workers-2013", "ru-workers-2014", "ru-workers-2015"])
  }

  func testEngineErrorsAreLocatedAndReportedTogether() throws {
    let (_, errors) = try run("""
      - id: a
        formula: b + ru-workers-2014
        unit: workers
      - id: b
        formula: a * 2
        unit: workers
      - id: c
        formula: usd(ru-workers-2014)
        unit: USD
      - id: "dup-{destination}"
        family: dup
        for-each: {measure: workers}
        formula: it
        unit: workers
      - id: d
        formula: ru-workers-2014 / 12
        unit: "%"

      """)
    let text = errors.map(\.description)
    XCTAssertEqual(text, [
      "derived.yaml:5:12: error: formula: expected derivations that do not depend on themselves, found a cycle a -> b -> a",
      "derived.yaml:8:16: error: formula: expected an amount of money for usd, found workers",
      "derived.yaml:10:7: error: id: expected a pattern that gives each input its own id, found \"dup-Russia\" made from both ru-workers-2014 and ru-workers-2013",
      "derived.yaml:10:7: error: id: expected a pattern that gives each input its own id, found \"dup-Russia\" made from both ru-workers-2014 and ru-workers-2015",
      "derived.yaml:16:28: error: formula: expected a formula in % (a pure number (%, times)), as the unit says, found workers",
    ])
  }
}
