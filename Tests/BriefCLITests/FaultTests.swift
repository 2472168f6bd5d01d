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

  func testAHugeExistingOutputOfAnotherSizeIsReplacedWithoutReadingIt() throws {
    let dir = try Tools.scratchFolder("briefkit-huge")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    // A sparse 3 GB file where the chart goes: read whole to compare, it would need 3 GB of memory.
    XCTAssertEqual(try Tools.run("truncate", ["-s", "3G", dir + "/cn-work-visas.png"]).status, 0)
    let run = try Tools.run(
      "prlimit", ["--as=2000000000", "--", Tools.briefExecutable, "chart", "cn-work-visas", "-o", dir, "--formats", "png"], cwd: root)
    XCTAssertEqual(run.status, 0, run.stderr)
    let size = try FileManager.default.attributesOfItem(atPath: dir + "/cn-work-visas.png")[.size] as? Int
    XCTAssertLessThan(size ?? .max, 1_000_000, "the chart replaced the large file")
  }

  func testAnOutputThatIsAFIFOIsRefusedAtOnce() throws {
    let dir = try Tools.scratchFolder("briefkit-fifo")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    XCTAssertEqual(mkfifo(dir + "/cn-work-visas.png", 0o644), 0)
    // Opening a FIFO to compare it waits for a writer that never comes: the timeout would end it.
    let run = try Tools.run("timeout", ["-s", "KILL", "60", Tools.briefExecutable, "chart", "cn-work-visas", "-o", dir], cwd: root)
    XCTAssertEqual(run.status, 3, run.stderr)
    XCTAssertEqual(
      run.stderr, "brief: error: cannot write \(dir)/cn-work-visas.png: it exists and is a FIFO, not a regular file; BriefKit replaces only files\n")
    XCTAssertEqual(Tools.listing(dir), ["cn-work-visas.png"])
  }

  func testTwoRunsWritingOneFolderAtOnceLeaveOnlyWholeFilesOfOneOrTheOther() throws {
    let dir = try Tools.scratchFolder("briefkit-race")
    defer { try? FileManager.default.removeItem(atPath: dir) }
    var refs: [String: [String: Data]] = [:]
    for style in ["default", "print"] {
      let ref = dir + "/ref-" + style
      XCTAssertEqual(try Tools.run(Tools.briefExecutable, ["chart", "--all", "-o", ref, "--style", style], cwd: root).status, 0)
      refs[style] = try Dictionary(uniqueKeysWithValues: Tools.listing(ref).map { ($0, try Data(contentsOf: URL(fileURLWithPath: ref + "/" + $0))) })
    }
    let shared = dir + "/shared"
    for round in 0..<5 {
      // Two processes render every chart into one folder at the same time, each in its own style.
      let runs = ["default", "print"].map { style -> Process in
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Tools.briefExecutable)
        p.arguments = ["chart", "--all", "-o", shared, "--style", style, "--jobs", "1"]
        p.currentDirectoryURL = URL(fileURLWithPath: root)
        p.standardError = FileHandle.nullDevice
        return p
      }
      try FileManager.default.createDirectory(atPath: shared, withIntermediateDirectories: true)
      for p in runs { try p.run() }
      for p in runs { p.waitUntilExit() }
      XCTAssertEqual(runs.map(\.terminationStatus), [0, 0], "round \(round)")
      XCTAssertEqual(Tools.listing(shared), refs["default"]?.keys.sorted(), "round \(round): no temporary name is left")
      for name in Tools.listing(shared) {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: shared + "/" + name))
        XCTAssertTrue(bytes == refs["default"]?[name] || bytes == refs["print"]?[name], "round \(round): \(name) is whole, in one style")
      }
      try FileManager.default.removeItem(atPath: shared)
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
