// libFuzzer target: YAMLDocument.parse and the dataset loader. The input (after its first
// byte, which chooses the file) replaces one of the four files of a small valid dataset; the
// other three stay, so cross-checks and the analysis run too. Built by fuzz/build.sh.
import BriefModel
import Foundation

nonisolated(unsafe) var fuzzDatasetFolder: String?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDataset(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
  _ = YAMLDocument.parse(text: text, file: "fuzz.yaml")

  let folder = fuzzDatasetFolder ?? makeFolder()
  fuzzDatasetFolder = folder
  let names = ["observations.yaml", "sources.yaml", "events.yaml", "rates.yaml"]
  let name = names[Int(bytes.first ?? 0) % names.count]
  let path = folder + "/" + name
  let original = FileManager.default.contents(atPath: folder + "/orig-" + name) ?? Data()
  FileManager.default.createFile(atPath: path, contents: Data(bytes.dropFirst()))
  let (dataset, errors) = DatasetLoader.loadCollectingErrors(directory: folder)
  for e in errors { _ = e.description }
  if errors.isEmpty { _ = Analysis.run(dataset) }
  FileManager.default.createFile(atPath: path, contents: original)
  return 0
}

/// A small valid dataset in a private folder, with the originals kept beside: the input
/// replaces one file, and the loader, cross-checks and analysis run on the rest.
func makeFolder() -> String {
  let folder = NSTemporaryDirectory() + "/briefkit-fuzz-dataset-\(getpid())"
  try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
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
  for (name, text) in files {
    FileManager.default.createFile(atPath: folder + "/" + name, contents: Data(text.utf8))
    FileManager.default.createFile(atPath: folder + "/orig-" + name, contents: Data(text.utf8))
  }
  return folder
}
