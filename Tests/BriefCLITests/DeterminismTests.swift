import BriefTestSupport
import Foundation
import XCTest

/// The same inputs give the same bytes in every process.
///
/// Two calls in one process share an address space, so they cannot show an output that depends on
/// where memory happens to be: each run here is a process of its own, placed anew by ASLR. A
/// compressor whose matches depended on its stream's address (as ISA-L 2.30's igzip did) changed
/// about one PNG in 500 from run to run, never the pixels.
final class DeterminismTests: XCTestCase {
  let root = Tools.packageRoot

  /// Every file of `folder`, by name.
  func files(_ folder: String) throws -> [String: Data] {
    var result: [String: Data] = [:]
    for name in Tools.listing(folder) {
      result[name] = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))
    }
    return result
  }

  func testEveryOutputHasTheSameBytesInThirtySeparateProcesses() throws {
    let scratch = try Tools.scratchFolder("briefkit-determinism")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    // Each round: every chart as PNG at three scales (27 PNGs), and the brief with its charts.
    let commands: [(name: String, args: [String])] =
      [1, 2, 3].map { scale in ("charts-x\(scale)", ["chart", "--all", "--formats", "png", "--scale", "\(scale)"]) }
      + [("brief", ["build", "--formats", "pdf,png,svg"])]
    var first: [String: [String: Data]] = [:]
    var differing: [String] = []
    for round in 0..<30 {
      for command in commands {
        let out = "\(scratch)/\(command.name)-\(round)"
        let run = try Tools.run(Tools.briefExecutable, command.args + ["-o", out], cwd: root)
        XCTAssertEqual(run.status, 0, "\(command.name), round \(round): \(run.stderr)")
        let made = try files(out)
        try FileManager.default.removeItem(atPath: out)
        guard let reference = first[command.name] else {
          XCTAssertGreaterThanOrEqual(made.count, 5, "\(command.name) wrote \(made.keys.sorted())")
          first[command.name] = made
          continue
        }
        XCTAssertEqual(made.keys.sorted(), reference.keys.sorted(), "\(command.name), round \(round)")
        for (name, bytes) in made where reference[name] != bytes {
          differing.append("\(command.name)/\(name) in round \(round)")
        }
      }
    }
    XCTAssertEqual(differing, [], "files whose bytes differ from the first round's")
  }
}
