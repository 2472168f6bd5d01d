import BriefModel
import Foundation
import XCTest

@testable import BriefExtract

/// Holds `brief extract` to the targets on the five reference articles and prints the scores.
///
/// The articles live in `../shared/seeds/` beside the repository (never copied into it); the gold
/// list, `Tests/ExtractGold/reference-articles.tsv`, holds offsets and expected values only.
final class ExtractionScoreTests: XCTestCase {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

  func testReferenceArticlesMeetTheTargets() throws {
    let articles = Self.root + "/../shared/seeds"
    guard FileManager.default.fileExists(atPath: articles + "/README.md") else {
      throw XCTSkip("the reference articles are not beside the repository (\(articles))")
    }
    let goldPath = Self.root + "/Tests/ExtractGold/reference-articles.tsv"
    let gold = try ScoredFigure.read(try InputFile.text(goldPath), path: goldPath)
    let dataset = try DatasetLoader.load(directory: Self.root + "/seeds").get()
    var predicted: [ScoredFigure] = []
    for source in dataset.sources {
      guard let file = source.file else { continue }
      let text = try InputFile.text(articles + "/" + file)
      predicted += Extractor.extract(text, file: file, source: source.id, published: source.published, vocabulary: dataset.vocabulary)
        .map(ScoredFigure.init)
    }
    let score = Score(gold: gold, predicted: predicted)
    print(score.summary + score.details)
    XCTAssertEqual(score.gold, 39)
    XCTAssertGreaterThanOrEqual(score.recall, 0.95, "recall")
    XCTAssertGreaterThanOrEqual(score.precision, 0.90, "precision")
    XCTAssertGreaterThanOrEqual(score.kindAccuracy, 0.97, "kind accuracy")
    XCTAssertGreaterThanOrEqual(score.unitAccuracy, 0.95, "unit accuracy")
    XCTAssertGreaterThanOrEqual(score.periodAccuracy, 0.90, "period accuracy")
  }

  func testAPeersBareNumberForAHedgedFigureIsAKindError() throws {
    let gold = try ScoredFigure.read("a.txt\t10\t16\t<=10000\tworkers\t2021-03\tworkers-planned\n", path: "g")
    let peer = try ScoredFigure.read("a.txt\t10\t16\t10000\t-\t-\t-\n", path: "p")
    let score = Score(gold: gold, predicted: peer)
    XCTAssertEqual(score.matched, 0)
    XCTAssertEqual(score.numbersMatched, 1)
    XCTAssertEqual(score.kindAccuracy, 0)
    XCTAssertEqual(score.precision, 0)
  }
}
