import XCTest

@testable import BriefModel

/// Checks the real dataset in `seeds/`.
final class SeedDatasetTests: XCTestCase {
  static var seedsDirectory: String {
    // Tests/BriefModelTests/SeedDatasetTests.swift -> repository root.
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    return url.appendingPathComponent("seeds").path
  }

  func testSeedsPassCheck() {
    let output = ToolOutput.check(directory: Self.seedsDirectory)
    XCTAssertEqual(output.standardError, "")
    XCTAssertEqual(output.status, 0)
  }

  func testPrintStats() throws {
    let output = ToolOutput.stats(directory: Self.seedsDirectory, json: false)
    print(output.standardOutput)
    print(output.standardError)
  }
}
