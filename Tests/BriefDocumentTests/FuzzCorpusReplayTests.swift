import BriefCharts
import BriefDocument
import BriefModel
import BriefScene
import BriefTestSupport
import Foundation
import XCTest

/// Replays every input of Tests/FuzzCorpus/TARGET/ (inputs that once crashed a fuzz target, and a
/// small valid and a small invalid input each) through the same entry point as fuzz/TARGET.swift,
/// and checks each input's outcome against the folder's `.outcomes` file, one line an input:
///
/// ```
/// valid-range: valid
/// invalid-reversed-range: invalid: low 5 is above high 1
/// ```
///
/// `valid` means the input parses (or loads without a problem); `invalid: TEXT` that it is refused
/// with an error whose message contains TEXT. A folder without inputs, an input without an
/// outcome, or an outcome without an input fails. A trap would end the test process.
final class FuzzCorpusReplayTests: XCTestCase {
  static let corpus = Tools.packageRoot + "/Tests/FuzzCorpus"
  static let targets = ["FuzzReportedValue", "FuzzEDTF", "FuzzDataset", "FuzzStyle", "FuzzChartSpec", "FuzzBrief"]

  /// What replaying an input gave: nil when valid, else the error's message.
  typealias Outcome = String?

  /// The inputs of a target's folder, with the outcome `.outcomes` gives each.
  func inputs(_ target: String, file: StaticString = #filePath, line: UInt = #line) throws -> [(name: String, bytes: [UInt8], expected: Outcome)] {
    let dir = "\(Self.corpus)/\(target)"
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    XCTAssertFalse(names.isEmpty, "\(dir) holds no input", file: file, line: line)
    let listing = (try? String(contentsOfFile: "\(dir)/.outcomes", encoding: .utf8)) ?? ""
    var expected: [String: Outcome] = [:]
    for row in listing.split(separator: "\n") where !row.hasPrefix("#") {
      let parts = row.split(separator: ":", maxSplits: 2).map { $0.trimmingCharacters(in: .whitespaces) }
      guard parts.count >= 2, parts[1] == "valid" || parts[1] == "invalid" else {
        XCTFail("\(dir)/.outcomes: a line that is not NAME: valid or NAME: invalid: TEXT: \(row)", file: file, line: line)
        continue
      }
      expected[parts[0]] = parts[1] == "valid" ? .some(nil) : .some(parts.count > 2 ? parts[2] : "")
    }
    for name in expected.keys where !names.contains(name) {
      XCTFail("\(dir)/.outcomes names \(name), which is not in the folder", file: file, line: line)
    }
    return try names.map { name in
      let outcome = try XCTUnwrap(expected[name], "\(dir)/\(name) has no line in .outcomes", file: file, line: line)
      return (name, Array(FileManager.default.contents(atPath: "\(dir)/\(name)") ?? Data()), outcome)
    }
  }

  /// Replays each input of `target` with `body` (nil: valid; else the error) and compares with its outcome.
  func replay(_ target: String, file: StaticString = #filePath, line: UInt = #line, _ body: ([UInt8]) throws -> Outcome) throws {
    for (name, bytes, expected) in try inputs(target, file: file, line: line) {
      let outcome: Outcome
      do { outcome = try body(bytes) } catch { outcome = "\(error)" }
      switch (expected, outcome) {
      case (nil, nil): break
      case (nil, let error?): XCTFail("\(target)/\(name) is listed as valid but was refused: \(error)", file: file, line: line)
      case (let text?, nil): XCTFail("\(target)/\(name) is listed as invalid (\(text)) but was accepted", file: file, line: line)
      case (let text?, let error?):
        XCTAssertTrue(error.contains(text), "\(target)/\(name): expected an error containing \"\(text)\", found: \(error)", file: file, line: line)
      }
    }
  }

  func text(_ bytes: some Collection<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }

  func testTheCorpusHasAFolderPerTarget() {
    for target in Self.targets {
      var isDirectory: ObjCBool = false
      XCTAssertTrue(FileManager.default.fileExists(atPath: "\(Self.corpus)/\(target)", isDirectory: &isDirectory) && isDirectory.boolValue, target)
    }
  }

  func testReportedValueInputs() throws {
    try replay("FuzzReportedValue") { bytes in
      let value = try ReportedValue.parse(text(bytes))
      if let low = value.interval.low, let high = value.interval.high {
        XCTAssertTrue(low.isFinite && high.isFinite && low <= high, "\(value.interval)")
      }
      XCTAssertEqual((try? ReportedValue.parse(value.description))?.kind, value.kind)
      _ = value.formatted(unit: "USD")
      return nil
    }
  }

  func testEDTFInputs() throws {
    try replay("FuzzEDTF") { bytes in
      let date = try EDTFDate.parse(text(bytes))
      if let earliest = date.earliest, let latest = date.latest { XCTAssertLessThanOrEqual(earliest, latest) }
      _ = date.displayText
      XCTAssertEqual(try? EDTFDate.parse(date.description), date)
      return nil
    }
  }

  func testDatasetInputs() throws {
    let root = Tools.packageRoot
    let names = ["observations.yaml", "sources.yaml", "events.yaml", "rates.yaml", "vocabulary.yaml"]
    try replay("FuzzDataset") { bytes in
      _ = YAMLDocument.parse(text: text(bytes.dropFirst()), file: "fuzz.yaml")
      let dir = try Tools.scratchFolder("briefkit-fuzz-replay")
      defer { try? FileManager.default.removeItem(atPath: dir) }
      for f in names { try FileManager.default.copyItem(atPath: "\(root)/seeds/\(f)", toPath: "\(dir)/\(f)") }
      let replaced = names[Int(bytes.first ?? 0) % names.count]
      try Data(bytes.dropFirst()).write(to: URL(fileURLWithPath: "\(dir)/\(replaced)"))
      let (dataset, errors) = DatasetLoader.loadCollectingErrors(directory: dir)
      for e in errors { XCTAssertTrue(e.description.contains(": error: "), "\(e)") }
      guard errors.isEmpty else { return errors.map(\.description).joined(separator: "\n") }
      _ = Analysis.run(dataset)
      return nil
    }
  }

  func testStyleInputs() throws {
    let styles = Tools.packageRoot + "/styles"
    try replay("FuzzStyle") { bytes in
      _ = try StyleFile.load("fuzz", stylesDirectory: styles) { path in
        if path == styles + "/fuzz.yaml" { return self.text(bytes) }
        return try String(contentsOfFile: path, encoding: .utf8)
      }
      return nil
    }
  }

  func testChartSpecInputs() throws {
    try replay("FuzzChartSpec") { bytes in
      for spec in try ChartSpecLoader.load(yaml: text(bytes), file: "fuzz.yaml").prefix(4) {
        _ = try ChartCompiler(context: nil).scene(spec, style: .standard, measurer: FixedMeasurer())
      }
      return nil
    }
  }

  func testBriefInputs() throws {
    try replay("FuzzBrief") { bytes in
      _ = try BriefParser.parse(text: text(bytes), file: "fuzz.md")
      return nil
    }
  }
}
