import BriefModel
import XCTest

@testable import BriefExtract

/// A small vocabulary like the dataset's: the count units and places the tests name.
let testVocabulary = Vocabulary(
  measures: [
    MeasureDefinition(id: "workers", label: "Workers in {place}", dimensions: [.count], units: ["workers", "people"], nature: .stock, caveat: nil, location: SourceLocation(file: "v", line: 1, column: 1)),
    MeasureDefinition(id: "bribe", label: "Bribe in {place}", dimensions: [.money], units: [], nature: .stock, caveat: nil, location: SourceLocation(file: "v", line: 1, column: 1)),
    MeasureDefinition(id: "wage", label: "Wage in {place}", dimensions: [.moneyPerPeriod], units: [], nature: .stock, caveat: nil, location: SourceLocation(file: "v", line: 1, column: 1)),
  ],
  units: [CountUnit(id: "workers", singular: "worker"), CountUnit(id: "people", singular: "person"), CountUnit(id: "visas", singular: "visa")],
  places: [
    Place(id: "Russia", kind: "country", code: "ru"), Place(id: "China", kind: "country", code: "cn"),
    Place(id: "North Korea", kind: "country", code: "kp"), Place(id: "Sinuiju", kind: "city", parent: "North Korea"),
  ])

/// Extracts from one sentence published on 25 April 2014 (unless said otherwise).
func drafts(_ text: String, published: String = "2014-04-25") -> [Draft] {
  let date = (try? EDTFDate.parse(published)) ?? EDTFDate(.interval(start: .open, end: .open))
  return Extractor.extract(text, file: "a.txt", source: "s", published: date, vocabulary: testVocabulary)
}

/// "value unit" of every figure, e.g. "<=10000 workers".
func figures(_ text: String, published: String = "2014-04-25") -> [String] {
  drafts(text, published: published).map { $0.value.description + ($0.unit.isEmpty ? "" : " " + $0.unit) }
}

final class HedgeTests: XCTestCase {
  func testApproximateHedges() {
    for hedge in ["about", "around", "roughly", "some", "nearly", "almost", "an estimated", "approximately"] {
      XCTAssertEqual(figures("They sent \(hedge) 4,000 workers."), ["~4000 workers"], hedge)
    }
  }

  func testAtLeastAndMoreThan() {
    for hedge in ["at least", "upwards of"] {
      XCTAssertEqual(figures("They sent \(hedge) 10,000 workers."), [">=10000 workers"], hedge)
    }
    for hedge in ["more than", "over", "in excess of"] {
      XCTAssertEqual(figures("They sent \(hedge) 10,000 workers."), [">10000 workers"], hedge)
    }
    XCTAssertEqual(figures("Groups of 10 or more people."), [">=10 people"])
  }

  func testUpToAndLessThan() {
    for hedge in ["up to", "as many as", "no more than", "at most"] {
      XCTAssertEqual(figures("They sent \(hedge) 10,000 workers."), ["<=10000 workers"], hedge)
    }
    for hedge in ["less than", "under", "fewer than"] {
      XCTAssertEqual(figures("They sent \(hedge) 10,000 workers."), ["<10000 workers"], hedge)
    }
  }

  func testRanges() {
    XCTAssertEqual(figures("Bribes of USD 3,500 to 4,000 were paid."), ["3500..4000 USD"])
    XCTAssertEqual(figures("Bribes of USD 3,500 to USD 4,000 were paid."), ["3500..4000 USD"])
    XCTAssertEqual(figures("Bribes were between 3,500 and 4,000 dollars."), ["3500..4000 USD"])
    XCTAssertEqual(figures("Bribes were $3,500-4,000 each."), ["3500..4000 USD"])
    XCTAssertEqual(figures("China took 50,000–100,000 workers."), ["50000..100000 workers"])
    XCTAssertEqual(figures("China took about 50,000 to 100,000 workers."), ["~50000..100000 workers"])
    XCTAssertEqual(figures("It lasts one or two years."), ["1..2 years"])
    XCTAssertEqual(figures("It takes a month or two."), ["1..2 months"])
    XCTAssertEqual(figures("It takes from two to four months."), ["2..4 months"])
  }
}

final class NumberFormTests: XCTestCase {
  func testDigitsAndMultipliers() {
    XCTAssertEqual(figures("They paid 1,300 dollars."), ["1300 USD"])
    XCTAssertEqual(figures("They sent 1.5 million workers."), ["1500000 workers"])
    XCTAssertEqual(figures("It earned $500M last year."), ["500000000 USD"])
    XCTAssertEqual(figures("It earned 500 million dollars."), ["500000000 USD"])
  }

  func testWords() {
    XCTAssertEqual(figures("They sent two workers."), ["2 workers"])
    XCTAssertEqual(figures("They sent a dozen workers."), ["12 workers"])
    XCTAssertEqual(figures("They sent twenty-five workers."), ["25 workers"])
    XCTAssertEqual(figures("They sent two hundred workers."), ["200 workers"])
  }

  func testVagueAmountsAreWideRangesFlagged() {
    let d = drafts("Tens of thousands of workers left.")
    XCTAssertEqual(d.map(\.value.description), ["~20000..90000"])
    XCTAssertTrue(d.first?.review.contains { $0.hasPrefix("vague amount") } ?? false)
    XCTAssertEqual(figures("Anywhere from several thousand to 10,000 people."), ["~3000..10000 people"])
  }

  func testPercentsAndShares() {
    XCTAssertEqual(figures("A 17 percent gain."), ["17% %"])
    XCTAssertEqual(figures("A 90 pct share."), ["90% %"])
    XCTAssertEqual(figures("A 17% gain."), ["17% %"])
    XCTAssertEqual(figures("One in ten workers left."), ["10% %"])
    XCTAssertEqual(figures("Half of the workers left."), ["50% %"])
    XCTAssertEqual(figures("Bribes were twice as high."), ["2 times"])
  }

  func testUnits() {
    XCTAssertEqual(figures("They earn 50,000 yuan a year."), ["50000 CNY/year"])
    XCTAssertEqual(figures("They earn 5,000 RMB per month."), ["5000 CNY/month"])
    XCTAssertEqual(figures("They earn CNY 5,000."), ["5000 CNY"])
    XCTAssertEqual(figures("It cost 300,000 rubles."), ["300000 RUB"])
    XCTAssertEqual(figures("It cost 9.92 million won."), ["9920000 KRW"])
    XCTAssertEqual(figures("They earn U.S. $50 per month."), ["50 USD/month"])
    XCTAssertEqual(figures("They earn around $800 monthly."), ["~800 USD/month"])
    XCTAssertEqual(figures("They work 12 hours."), ["12 hours"])
    XCTAssertEqual(figures("They stay 90 days."), ["90 days"])
    XCTAssertEqual(figures("A three-year contract."), ["3 years"])
    XCTAssertEqual(figures("China granted 93,300 work visas."), ["93300 visas"])
    XCTAssertEqual(figures("At least 10,000 North Koreans work there."), [">=10000 people"])
  }
}

final class SkipRuleTests: XCTestCase {
  func testDatesAreNotFigures() {
    XCTAssertEqual(figures("On Dec. 15, 2012, nothing happened."), [])
    XCTAssertEqual(figures("It was announced on October 29 last year."), [])
    XCTAssertEqual(figures("In 2013 the rules changed."), [])
    XCTAssertEqual(figures("The ban lasted from 2017-2019."), [])
  }

  func testOrdinalsNamesPhonesAndFurniture() {
    XCTAssertEqual(figures("It was the second source and the 65th anniversary."), [])
    XCTAssertEqual(figures("Since COVID-19 began, nothing."), [])
    XCTAssertEqual(figures("Call +1 202 555 0100 or 02-2123-4567 for details."), [])
    XCTAssertEqual(figures("Write to desk2021@example.com now."), [])
    XCTAssertEqual(figures("By John Smith, 45\n\nThe workers left."), [])
    XCTAssertEqual(figures("Analysis Of Dangerously Rushed Apartment Construction (2): Expert Warns 90 Years Behind Japan"), [])
  }

  func testNumberWordsWithoutAUnitAreNotFigures() {
    XCTAssertEqual(figures("One woman said it was hard in three northern cities."), [])
  }
}

final class PeriodTests: XCTestCase {
  func period(_ text: String, published: String) -> String? { drafts(text, published: published).first?.period }

  func testYearsMonthsAndSeasons() {
    XCTAssertEqual(period("In 2013 they sent 500 workers.", published: "2014-04-25"), "2013")
    XCTAssertEqual(period("In March 2021 they sent 500 workers.", published: "2021-04"), "2021-03")
    XCTAssertEqual(period("In December alone, 37 people left.", published: "2025-01"), "2024-12")
    XCTAssertEqual(period("Since last spring 200 people were selected.", published: "2025-01"), "2024-21/..")
    XCTAssertEqual(period("This spring 200 people were selected.", published: "2025-01"), "2025-21")
  }

  func testThirdsOfAMonth() {
    XCTAssertEqual(period("In late January 500 workers left.", published: "2021-02"), "2021-01-21/2021-01-31")
    XCTAssertEqual(period("Up to 10,000 workers leave in early March.", published: "2021-02"), "2021-03-01/2021-03-10")
    XCTAssertEqual(period("In mid-January 500 workers left.", published: "2021-02"), "2021-01-11/2021-01-20")
  }

  func testRelativeAndOpenPeriods() {
    XCTAssertEqual(period("Last year 500 workers left.", published: "2025-01"), "2024")
    XCTAssertEqual(period("Since 2017, 500 workers left.", published: "2025-01"), "2017/..")
    XCTAssertEqual(period("Until 2019, 500 workers left.", published: "2025-01"), "../2019")
    XCTAssertEqual(period("By the end of 2018, 500 workers had left.", published: "2025-01"), "2018-12")
    XCTAssertEqual(period("In the first quarter 500 workers left.", published: "2021-06"), "2021-01/2021-03")
    XCTAssertEqual(period("It announced on October 29 last year that 4,000 workers were there.", published: "2025-01"), "2024-10-29")
    XCTAssertEqual(period("Before COVID, workers stayed 5-10 years.", published: "2025-01"), "../2019")
  }

  func testNoTimeReferenceIsThePublicationDateFlagged() {
    let d = drafts("They sent 500 workers.", published: "2021-04-26")
    XCTAssertEqual(d.first?.period, "2021-04-26")
    XCTAssertTrue(d.first?.review.contains { $0.hasPrefix("period: no time reference") } ?? false)
  }

  func testTheNearestExpressionInTheSameClauseWins() {
    let d = drafts("Before COVID, workers could stay for 5-10 years, but now periods are one or two years.", published: "2025-01")
    XCTAssertEqual(d.map(\.period), ["../2019", "2025-01"])
  }
}

final class DraftTests: XCTestCase {
  func testQuoteOffsetsAreUnicodeScalars() {
    let text = "“Quoted” first.\nThey sent up to 10,000 workers to Russia."
    let d = drafts(text)
    XCTAssertEqual(d.count, 1)
    let scalars = Array(text.unicodeScalars)
    func slice(_ r: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[r])) }
    XCTAssertEqual(d.first.map { slice($0.quote.figure) }, "up to 10,000 workers")
    XCTAssertEqual(d.first.map { slice($0.quote.sentence) }, "They sent up to 10,000 workers to Russia.")
    XCTAssertEqual(d.first?.destination?.value, "Russia")
  }

  func testLowConfidenceGuessesAreNotFilled() {
    let d = drafts("The number was 4,000 workers.")
    let yaml = DraftWriter.yaml(d, file: "a.txt", source: "s", published: "2014-04-25")
    XCTAssertTrue(yaml.contains("destination: guessed") == false)
    XCTAssertFalse(yaml.contains("\n  destination:"))
  }

  func testIdsNeverCollide() {
    let d = Extractor.extract(
      "In 2013 China granted 500 work visas. In 2013 China granted 600 work visas.", file: "a.txt", source: "s",
      published: (try? EDTFDate.parse("2014")) ?? EDTFDate(.interval(start: .open, end: .open)), vocabulary: testVocabulary,
      existingIds: ["figure-cn-2013"])
    XCTAssertEqual(d.map(\.id), ["figure-cn-2013-2", "figure-cn-2013-3"])
  }

  func testOutputIsDeterministic() {
    let text = String(repeating: "About 4,000 workers went to Russia in 2013, earning around $800 monthly. ", count: 50)
    let a = DraftWriter.yaml(drafts(text), file: "a.txt", source: "s", published: "2014")
    let b = DraftWriter.yaml(drafts(text), file: "a.txt", source: "s", published: "2014")
    XCTAssertEqual(a, b)
  }
}

final class BadArticleTests: XCTestCase {
  func testEmptyBinaryAndHugeTextsGiveABoundedResult() {
    XCTAssertEqual(drafts("").count, 0)
    var bytes: [UInt8] = []
    var x: UInt32 = 12345
    for _ in 0..<100_000 {
      x = x &* 1_103_515_245 &+ 12345
      bytes.append(UInt8(truncatingIfNeeded: x >> 16))
    }
    let binary = String(decoding: bytes, as: UTF8.self)
    _ = drafts(binary)
    let digits = String(repeating: "9", count: 100_000) + " workers, " + String(repeating: "1,", count: 50_000)
    _ = drafts(digits)
  }
}
