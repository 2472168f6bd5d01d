import BriefCharts
import BriefDocument
import BriefModel
import BriefScene
import BriefTestSupport
import Foundation
import XCTest

/// Replays every input that ever crashed a fuzz target (Tests/FuzzCorpus/TARGET/) through the
/// same entry point as fuzz/TARGET.swift. Each must end in a value or a thrown error: a trap
/// would end the test process.
final class FuzzCorpusReplayTests: XCTestCase {
  static let corpus = Tools.packageRoot + "/Tests/FuzzCorpus"

  func inputs(_ target: String) -> [(String, [UInt8])] {
    let dir = "\(Self.corpus)/\(target)"
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    return names.map { ($0, Array(FileManager.default.contents(atPath: "\(dir)/\($0)") ?? Data())) }
  }

  func text(_ bytes: some Collection<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

  func testTheCorpusHasAFolderPerTarget() {
    for target in ["FuzzReportedValue", "FuzzEDTF", "FuzzDataset", "FuzzStyle", "FuzzChartSpec", "FuzzBrief"] {
      var isDirectory: ObjCBool = false
      XCTAssertTrue(FileManager.default.fileExists(atPath: "\(Self.corpus)/\(target)", isDirectory: &isDirectory) && isDirectory.boolValue, target)
    }
  }

  func testReportedValueInputs() {
    for (name, bytes) in inputs("FuzzReportedValue") {
      guard let value = try? ReportedValue.parse(text(bytes)) else { continue }
      if let low = value.interval.low, let high = value.interval.high {
        XCTAssertTrue(low.isFinite && high.isFinite && low <= high, "\(name): \(value.interval)")
      }
      XCTAssertEqual((try? ReportedValue.parse(value.description))?.kind, value.kind, name)
      _ = value.formatted(unit: "USD")
    }
  }

  func testEDTFInputs() {
    for (name, bytes) in inputs("FuzzEDTF") {
      guard let date = try? EDTFDate.parse(text(bytes)) else { continue }
      if let earliest = date.earliest, let latest = date.latest { XCTAssertLessThanOrEqual(earliest, latest, name) }
      _ = date.displayText
      XCTAssertEqual(try? EDTFDate.parse(date.description), date, name)
    }
  }

  func testDatasetInputs() throws {
    let root = Tools.packageRoot
    let names = ["observations.yaml", "sources.yaml", "events.yaml", "rates.yaml", "vocabulary.yaml"]
    for (name, bytes) in inputs("FuzzDataset") {
      _ = YAMLDocument.parse(text: text(bytes.dropFirst()), file: "fuzz.yaml")
      let dir = try Tools.scratchFolder("briefkit-fuzz-replay")
      defer { try? FileManager.default.removeItem(atPath: dir) }
      for f in names { try FileManager.default.copyItem(atPath: "\(root)/seeds/\(f)", toPath: "\(dir)/\(f)") }
      let replaced = names[Int(bytes.first ?? 0) % names.count]
      try Data(bytes.dropFirst()).write(to: URL(fileURLWithPath: "\(dir)/\(replaced)"))
      let (dataset, errors) = DatasetLoader.loadCollectingErrors(directory: dir)
      for e in errors { XCTAssertTrue(e.description.contains(": error: "), "\(name): \(e)") }
      if errors.isEmpty { _ = Analysis.run(dataset) }
    }
  }

  func testStyleInputs() {
    let styles = Tools.packageRoot + "/styles"
    for (_, bytes) in inputs("FuzzStyle") {
      _ = try? StyleFile.load("fuzz", stylesDirectory: styles) { path in
        if path == styles + "/fuzz.yaml" { return self.text(bytes) }
        return try String(contentsOfFile: path, encoding: .utf8)
      }
    }
  }

  func testChartSpecInputs() {
    for (_, bytes) in inputs("FuzzChartSpec") {
      guard let specs = try? ChartSpecLoader.load(yaml: text(bytes), file: "fuzz.yaml") else { continue }
      for spec in specs.prefix(4) {
        _ = try? ChartCompiler(context: nil).scene(spec, style: .standard, measurer: FixedMeasurer())
      }
    }
  }

  func testBriefInputs() {
    for (_, bytes) in inputs("FuzzBrief") {
      _ = try? BriefParser.parse(text: text(bytes), file: "fuzz.md")
    }
  }
}
