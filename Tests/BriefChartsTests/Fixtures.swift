import BriefCharts
import BriefModel
import BriefTestSupport
import Foundation

/// A small dataset written to a scratch folder: two sources, a few bribes, wages and shares, a series and events.
enum Fixtures {
  static let sources = """
    - id: src-a
      kind: article
      outlet: Daily NK
      authors: [A. Writer]
      published: 2021-02
      language: en
    - id: src-b
      kind: article
      outlet: Radio Free Asia
      authors: [B. Writer]
      published: 2014-04-25
      language: en
    """
  static let observations = """
    - id: bribe-a
      measure: bribe
      value: 1300
      unit: USD
      period: 2021-01
      destination: Russia
      job: construction
      source: src-a
    - id: bribe-b
      measure: bribe
      value: 3500..4000
      unit: USD
      period: 2021-01
      destination: Russia
      origin: Sinuiju
      source: src-a
    - id: wage-a
      measure: wage
      value: 50
      unit: USD/month
      period: 2014-04
      destination: Russia
      source: src-b
    - id: workers-a
      measure: workers
      value: "~30000"
      unit: workers
      period: ../2017
      destination: Russia
      source: src-b
    - id: workers-b
      measure: workers
      value: ">=10000"
      unit: workers
      period: 2010
      destination: Russia
      source: src-b
    - id: share-a
      measure: wage-share-kept
      value: "<10%"
      unit: "%"
      period: 2010
      destination: Russia
      source: src-b
    """
  static let events = """
    - id: ev-a
      date: 2021-01
      title: Party congress
      source: src-a
    - id: ev-b
      date: 2019-12-22
      title: Deadline
      source: src-b
    """

  /// Writes the dataset and returns its folder.
  static func write() throws -> String {
    let dir = try Tools.scratchFolder("briefkit-charts")
    for (name, text) in [("sources", sources), ("observations", observations), ("events", events), ("rates", "[]\n")] {
      try text.write(toFile: "\(dir)/\(name).yaml", atomically: true, encoding: .utf8)
    }
    try FileManager.default.copyItem(atPath: Tools.packageRoot + "/seeds/vocabulary.yaml", toPath: dir + "/vocabulary.yaml")
    return dir
  }

  /// The fixture dataset with its analysis.
  static func context() throws -> ChartContext {
    let dir = try write()
    defer { Tools.remove(dir) }
    switch DatasetLoader.load(directory: dir) {
    case .success(let d): return ChartContext(dataset: d)
    case .failure(let e): throw e
    }
  }

  static func specs(_ yaml: String) throws -> [ChartSpec] {
    try ChartSpecLoader.load(yaml: yaml, file: "charts.yaml")
  }

  static func message(_ body: () throws -> Void) -> String {
    do {
      try body()
      return "no error"
    } catch {
      return "\(error)"
    }
  }
}
