// libFuzzer target: the dataset loader (YAMLDocument.parse included). The input (after its first
// byte, which chooses the file) replaces one of the five files of a small valid dataset; the
// others stay, so cross-checks and the analysis run too. Built by fuzz/build.sh.
import BriefModel
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDataset(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  // The files are given from memory: the loader reads them through `contents`, as from disk.
  let names = ["observations.yaml", "sources.yaml", "events.yaml", "rates.yaml", "vocabulary.yaml"]
  let replaced = "fuzz/" + names[Int(bytes.first ?? 0) % names.count]
  let input = Data(bytes.dropFirst())
  let (dataset, errors) = DatasetLoader.loadCollectingErrors(directory: "fuzz") { path in
    path == replaced ? input : fuzzDatasetFiles[path]
  }
  for e in errors { _ = e.description }
  if errors.isEmpty { _ = Analysis.run(dataset) }
  return 0
}

/// A small valid dataset: the input replaces one of its files, and the loader, cross-checks and
/// analysis run on the rest.
let fuzzDatasetFiles: [String: Data] = {
  let files = [
    "sources.yaml": """
      - id: src-a
        kind: article
        outlet: Daily NK
        authors: [A. Writer]
        published: 2021-02
        language: en
      """,
    "observations.yaml": """
      - id: bribe-a
        measure: bribe
        value: 3500..4000
        unit: USD
        period: 2021-01
        destination: Russia
        source: src-a
      - id: wage-a
        measure: wage
        value: "~500"
        unit: CNY/month
        period: 2024-07
        destination: China
        source: src-a
      - id: share-a
        measure: wage-share-kept
        value: "<10%"
        unit: "%"
        period: 2010
        destination: Russia
        source: src-a
      """,
    "vocabulary.yaml": """
      measures:
        - {id: bribe, label: "Bribe in {place}", dimension: money, nature: stock}
        - {id: wage, label: "Wage in {place}", dimension: money-per-period, nature: stock}
        - {id: wage-share-kept, label: "Share of wages kept in {place}", dimension: percent, nature: stock}
        - {id: workers, label: "Workers in {place}", dimension: count, units: [workers], nature: stock}
      units:
        - {id: workers, singular: worker}
      places:
        - {id: Russia, kind: country, code: ru, aliases: [RU]}
        - {id: China, kind: country, code: cn}
        - {id: Vladivostok, kind: city, parent: Russia}
      """,
    "events.yaml": """
      - id: event-a
        date: 2024-21
        title: Departures
        source: src-a
      """,
    "rates.yaml": """
      - id: usd-cny
        base: USD
        quote: CNY
        rate: 7.1358
        date: 2024-07-24
        source: src-a
      """,
  ]
  return Dictionary(uniqueKeysWithValues: files.map { ("fuzz/" + $0.key, Data($0.value.utf8)) })
}()
