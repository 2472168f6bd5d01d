import BriefTestSupport
import Foundation
import XCTest

/// `brief check` and `brief stats` through the built binary.
final class DataCommandsTests: XCTestCase {
  let root = Tools.packageRoot

  func brief(_ args: [String]) throws -> Tools.Run {
    try Tools.run(Tools.briefExecutable, args, cwd: root)
  }

  func testCheckPassesOnTheSeedsAndListsEveryProblemOfABadDataset() throws {
    let ok = try brief(["check"])
    XCTAssertEqual(ok.status, 0, ok.stderr)
    XCTAssertEqual(ok.stdout + ok.stderr, "")

    let dir = try scratchFolder("briefkit-check")
    for f in ["vocabulary", "sources", "observations", "events", "rates", "derived"] {
      try FileManager.default.copyItem(atPath: "\(root)/seeds/\(f).yaml", toPath: "\(dir)/\(f).yaml")
    }
    var obs = try String(contentsOfFile: dir + "/observations.yaml", encoding: .utf8)
    obs = obs.replacingOccurrences(of: "value: 93300", with: "value: 5..1")
    obs = obs.replacingOccurrences(of: "unit: visas", with: "unit: parsecs")
    obs = obs.replacingOccurrences(of: "period: 2010\n", with: "period: last spring\n")
    try obs.write(toFile: dir + "/observations.yaml", atomically: true, encoding: .utf8)
    let bad = try brief(["check", "--data", dir])
    XCTAssertEqual(bad.status, 1)
    let lines = bad.stderr.split(separator: "\n")
    XCTAssertGreaterThanOrEqual(lines.count, 3, bad.stderr)
    XCTAssertTrue(lines.contains { $0.contains(": error: value: expected a range whose low end is not above its high end, found \"5..1\"") }, bad.stderr)
    XCTAssertTrue(lines.contains { $0.contains(": error: unit: expected ") && $0.contains("found \"parsecs\"") }, bad.stderr)
    XCTAssertTrue(lines.contains { $0.contains(": error: period: expected an EDTF date") }, bad.stderr)
    XCTAssertTrue(lines.allSatisfy { $0.hasPrefix(dir + "/observations.yaml:") }, bad.stderr)

    XCTAssertEqual(try brief(["check", "--data", dir + "/missing"]).status, 2)
  }

  func testStatsJSONCarriesEveryEstimateWithItsInputs() throws {
    let run = try brief(["stats", "--json"])
    XCTAssertEqual(run.status, 0, run.stderr)
    let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
    let estimates = object?["estimates"] as? [[String: Any]] ?? []
    let visas = try XCTUnwrap(estimates.first { $0["id"] as? String == "cn-work-visas-2012-implied" })
    let low = try XCTUnwrap(visas["low"] as? Double), high = try XCTUnwrap(visas["high"] as? Double)
    // 93,300 / 1.175 and 93,300 / 1.165: the interval of the implied 2012 count.
    XCTAssertEqual(low, 93_300 / 1.175, accuracy: 0.01)
    XCTAssertEqual(high, 93_300 / 1.165, accuracy: 0.01)
    XCTAssertEqual(visas["inputs"] as? [String], ["cn-work-visas-2013", "cn-work-visa-growth-2013"])
  }
}
