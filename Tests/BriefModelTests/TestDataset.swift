import Foundation
import XCTest

@testable import BriefModel

/// Writes small datasets into a fresh temporary directory.
struct TestDataset {
  let directory: String

  static let sources = """
    - id: src-a
      outlet: Outlet A
      headline: A headline
      authors: [Reporter A]
      published: 2021-02
      language: en
    - id: src-b
      outlet: Outlet B
      authors: []
      published: 2024-12-20
      language: en
    - id: fx
      kind: data
      outlet: A central bank
      published: 2024-07-24
      language: en

    """

  static let rates = """
    - id: usd-cny
      base: USD
      quote: CNY
      rate: 7.1358
      date: 2024-07-24
      source: fx

    """

  /// The seeds' vocabulary: every measure, count unit and place the seeds use.
  static let vocabulary: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return (try? String(contentsOf: url.appendingPathComponent("seeds/vocabulary.yaml"), encoding: .utf8)) ?? ""
  }()

  /// The repository's `seeds/derived.yaml`: the derivations the statistics tests run.
  static let derived: String = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return (try? String(contentsOf: root.appendingPathComponent("seeds/derived.yaml"), encoding: .utf8)) ?? ""
  }()

  /// Creates the directory with the given file contents (defaults for those not given; `derived`
  /// `nil` writes no derived.yaml).
  init(
    sources: String = TestDataset.sources, observations: String = "[]\n", events: String = "[]\n",
    rates: String = TestDataset.rates, vocabulary: String = TestDataset.vocabulary, derived: String? = TestDataset.derived
  ) throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "briefmodel-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    directory = url.path
    try write("vocabulary.yaml", vocabulary)
    try write("sources.yaml", sources)
    try write("observations.yaml", observations)
    try write("events.yaml", events)
    try write("rates.yaml", rates)
    if let derived { try write("derived.yaml", derived) }
  }

  func path(_ name: String) -> String { directory + "/" + name }

  func write(_ name: String, _ text: String) throws {
    try text.write(toFile: path(name), atomically: true, encoding: .utf8)
  }

  func remove() { try? FileManager.default.removeItem(atPath: directory) }

  func errors() -> [DatasetError] {
    DatasetLoader.loadCollectingErrors(directory: directory).1
  }
}
