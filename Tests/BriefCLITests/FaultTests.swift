import BriefTestSupport
import Foundation
import XCTest

/// Faults: a run killed at any moment, and a full disk.
final class FaultTests: XCTestCase {
  let root = Tools.packageRoot

  /// Every file in the folder is complete: PNGs decode, PDFs end with %%EOF, SVGs close.
  func assertComplete(_ dir: String, _ context: String) throws {
    for name in Tools.listing(dir) {
      XCTAssertFalse(name.contains(".tmp-"), "\(context): a temporary file was left: \(name)")
      let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name)))
      if name.hasSuffix(".png") {
        XCTAssertNoThrow(try DecodedPNG(bytes), "\(context): \(name) is not a whole PNG")
      } else if name.hasSuffix(".pdf") {
        XCTAssertTrue(String(decoding: bytes.suffix(16), as: UTF8.self).contains("%%EOF"), "\(context): \(name) is cut short")
      } else if name.hasSuffix(".svg") {
        XCTAssertTrue(String(decoding: bytes.suffix(16), as: UTF8.self).contains("</svg>"), "\(context): \(name) is cut short")
      }
    }
  }

  func testARunKilledAtAnyMomentLeavesOnlyWholeFiles() throws {
    let dir = try scratchFolder("briefkit-kill")
    // A first complete run, then runs killed (SIGKILL) after growing delays, each over the previous files.
    XCTAssertEqual(try Tools.run(Tools.briefExecutable, ["chart", "--all", "-o", dir, "--jobs", "1"], cwd: root).status, 0)
    for (i, delay) in [0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6, 0.8, 1.0].enumerated() {
      let p = Process()
      p.executableURL = URL(fileURLWithPath: Tools.briefExecutable)
      // Another style, so every file changes and is rewritten.
      p.arguments = ["chart", "--all", "-o", dir, "--jobs", "1", "--style", i % 2 == 0 ? "print" : "default"]
      p.currentDirectoryURL = URL(fileURLWithPath: root)
      p.standardOutput = FileHandle.nullDevice
      p.standardError = FileHandle.nullDevice
      try p.run()
      Thread.sleep(forTimeInterval: delay)
      kill(p.processIdentifier, SIGKILL)
      p.waitUntilExit()
      try assertComplete(dir, "killed after \(delay) s")
    }
  }

  func testAFullDiskIsExitThreeAndLeavesNothing() throws {
    guard getuid() == 0 else { throw XCTSkip("mounting a small tmpfs needs root") }
    let mountPoint = try scratchFolder("briefkit-full")
    guard try Tools.run("mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint]).status == 0 else {
      throw XCTSkip("cannot mount a tmpfs here")
    }
    defer { _ = try? Tools.run("umount", [mountPoint]) }
    let run = try Tools.run(Tools.briefExecutable, ["chart", "--all", "-o", mountPoint, "--jobs", "1"], cwd: root)
    XCTAssertEqual(run.status, 3)
    XCTAssertTrue(run.stderr.hasPrefix("brief: error: cannot write \(mountPoint)/"), run.stderr)
    XCTAssertTrue(run.stderr.hasSuffix(": No space left on device\n"), run.stderr)
    XCTAssertEqual(Tools.listing(mountPoint), [], "nothing is written when any file cannot be")
  }
}
