// libFuzzer target: YAMLDocument.parse and the dataset loader. The input replaces one of
// the four dataset files (chosen by its first byte) in a copy of seeds/; the other three
// stay as they are, so cross-checks run too. Built by fuzz/build.sh.
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

/// A private copy of seeds/ (FUZZ_SEEDS, default ./seeds), with the originals kept beside.
func makeFolder() -> String {
  let seeds = ProcessInfo.processInfo.environment["FUZZ_SEEDS"] ?? "seeds"
  let folder = NSTemporaryDirectory() + "/briefkit-fuzz-dataset-\(getpid())"
  try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  for name in ["observations.yaml", "sources.yaml", "events.yaml", "rates.yaml"] {
    let data = FileManager.default.contents(atPath: seeds + "/" + name) ?? Data()
    FileManager.default.createFile(atPath: folder + "/" + name, contents: data)
    FileManager.default.createFile(atPath: folder + "/orig-" + name, contents: data)
  }
  return folder
}
