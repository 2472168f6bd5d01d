import BriefTestSupport
import Foundation
import XCTest

/// The tests clean up after themselves: a scratch folder is gone once its test ends.
final class TestHygieneTests: XCTestCase {
  var made: [String] = []

  func testScratchFoldersGoWhenTheTestEndsReadOnlyFoldersInThemIncluded() throws {
    let dir = try scratchFolder("briefkit-hygiene")
    try FileManager.default.createDirectory(atPath: dir + "/locked/inner", withIntermediateDirectories: true)
    try "x".write(toFile: dir + "/locked/inner/file", atomically: false, encoding: .utf8)
    XCTAssertEqual(chmod(dir + "/locked", 0o555), 0)
    made = [dir, try scratchFolder()]
    XCTAssertTrue(made.allSatisfy { FileManager.default.fileExists(atPath: $0) })
  }

  /// Runs after the test's teardown blocks, which remove its scratch folders.
  override func tearDown() {
    for path in made {
      XCTAssertFalse(FileManager.default.fileExists(atPath: path), "\(path) is left behind")
    }
    super.tearDown()
  }
}
