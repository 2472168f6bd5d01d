import Foundation
import XCTest

@testable import BriefModel

/// The one reader of input files: regular files only, a size limit, UTF-8 text.
final class InputFileTests: XCTestCase {
  var folder = ""

  override func setUpWithError() throws {
    folder = NSTemporaryDirectory() + "/briefkit-input-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  }

  override func tearDown() {
    try? FileManager.default.removeItem(atPath: folder)
  }

  func error(_ body: () throws -> Any) -> InputFileError? {
    do {
      _ = try body()
      return nil
    } catch {
      return error as? InputFileError
    }
  }

  func testARegularFileIsReadWhole() throws {
    let path = folder + "/a.yaml"
    let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    XCTAssertEqual(try InputFile.read(path), bytes)
    try Data().write(to: URL(fileURLWithPath: folder + "/empty.md"))
    XCTAssertEqual(try InputFile.read(folder + "/empty.md"), [])
    try "title: é\n".write(toFile: folder + "/t.yaml", atomically: false, encoding: .utf8)
    XCTAssertEqual(try InputFile.text(folder + "/t.yaml"), "title: é\n")
  }

  func testAFIFOIsRefusedWithoutWaitingForAWriter() throws {
    let path = folder + "/s.yaml"
    XCTAssertEqual(mkfifo(path, 0o644), 0)
    // Without O_NONBLOCK, open(2) would wait here for a writer that never comes.
    XCTAssertEqual(
      error { try InputFile.read(path) },
      InputFileError(path: path, expected: "a regular file", found: "a FIFO (named pipe)"))
  }

  func testDevicesAreRefusedBeforeAnyByteIsRead() {
    for path in ["/dev/zero", "/dev/urandom", "/dev/null"] {
      XCTAssertEqual(
        error { try InputFile.read(path) },
        InputFileError(path: path, expected: "a regular file", found: "a character device"))
    }
  }

  func testADirectoryIsRefused() {
    XCTAssertEqual(
      error { try InputFile.read(folder) }?.description,
      "\(folder): error: cannot read the file: expected a regular file, found a directory")
  }

  func testAMissingFileNamesTheSystemsReason() {
    XCTAssertEqual(
      error { try InputFile.read(folder + "/nowhere.md") },
      InputFileError(path: folder + "/nowhere.md", expected: "a readable file", found: "no such file or directory"))
  }

  func testAFileOverTheLimitIsRefusedNamingLimitAndSize() throws {
    let path = folder + "/big.md"
    try Data(repeating: 0x61, count: 1001).write(to: URL(fileURLWithPath: path))
    XCTAssertEqual(try InputFile.read(path, limit: 1001).count, 1001)
    XCTAssertEqual(
      error { try InputFile.read(path, limit: 1000) },
      InputFileError(path: path, expected: "a file of at most 1,000 bytes", found: "1,001 bytes"))
    XCTAssertEqual(
      InputFile.tooLarge("x", limit: InputFile.maxBytes, found: "9,000,000 bytes").description,
      "x: error: cannot read the file: expected a file of at most 8,388,608 bytes (8 MiB), found 9,000,000 bytes")
  }

  func testAFileWhoseSizeReadsAsZeroIsStillBounded() throws {
    // /proc files say they are empty and then give their bytes: the bound holds while reading.
    let status = try InputFile.read("/proc/self/status")
    XCTAssertGreaterThan(status.count, 0)
    XCTAssertEqual(
      error { try InputFile.read("/proc/self/status", limit: 10) },
      InputFileError(path: "/proc/self/status", expected: "a file of at most 10 bytes", found: "more than 10 bytes"))
  }

  func testBytesThatAreNotUTF8AreRefused() throws {
    let path = folder + "/latin1.md"
    try Data([0x63, 0x61, 0x66, 0xE9]).write(to: URL(fileURLWithPath: path))
    XCTAssertEqual(
      error { try InputFile.text(path) },
      InputFileError(path: path, expected: "UTF-8 text", found: "bytes that are not UTF-8"))
  }

  func testTheDatasetReportsAnUnreadableFileWithItsOtherProblems() throws {
    let data = try TestDataset(observations: "")
    defer { data.remove() }
    try FileManager.default.removeItem(atPath: data.path("rates.yaml"))
    try FileManager.default.createSymbolicLink(atPath: data.path("rates.yaml"), withDestinationPath: "/dev/zero")
    let errors = DatasetLoader.loadCollectingErrors(directory: data.directory).1.map(\.description)
    XCTAssertTrue(
      errors.contains("\(data.path("rates.yaml")):1:1: error: file: expected a regular file, found a character device"),
      "\(errors)")
  }
}
