import BriefOutput
import BriefTestSupport
import Foundation
import XCTest

final class OutputFileTests: XCTestCase {
  func testWritesAndLeavesNoTemporaryFiles() throws {
    let dir = try scratchFolder()
    XCTAssertEqual(try OutputFile.write([1, 2, 3], to: dir + "/a.bin"), .written)
    XCTAssertEqual(try OutputFile.read(dir + "/a.bin"), [1, 2, 3])
    XCTAssertEqual(Tools.listing(dir), ["a.bin"])
  }

  func testAnIdenticalFileIsNotRewritten() throws {
    let dir = try scratchFolder()
    let path = dir + "/a.bin"
    try OutputFile.write([1, 2, 3], to: path)
    let old = Date(timeIntervalSince1970: 1_000_000_000)
    try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
    XCTAssertEqual(try OutputFile.write([1, 2, 3], to: path), .unchanged)
    let mtime = try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as? Date
    XCTAssertEqual(mtime, old)
    XCTAssertEqual(try OutputFile.write([1, 2, 4], to: path), .written)
    XCTAssertEqual(try OutputFile.read(path), [1, 2, 4])
  }

  func testAnUnwritableFolderFailsClearlyAndKeepsTheOldFile() throws {
    let dir = try scratchFolder()
    let path = dir + "/a.bin"
    try OutputFile.write([9], to: path)
    try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: dir)
    defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir) }
    if getuid() == 0 {
      // root ignores folder permissions; use a path whose folder does not exist instead.
      XCTAssertThrowsError(try OutputFile.write([1], to: dir + "/missing/a.bin")) { error in
        XCTAssertEqual("\(error)", "cannot write \(dir)/missing/a.bin: No such file or directory")
      }
    } else {
      XCTAssertThrowsError(try OutputFile.write([1], to: path)) { error in
        XCTAssertTrue("\(error)".contains("Permission denied"), "\(error)")
      }
    }
    XCTAssertEqual(try OutputFile.read(path), [9])
    XCTAssertEqual(Tools.listing(dir), ["a.bin"])
  }

  /// A scratch folder removed when the test ends.
  func folder() throws -> String {
    let dir = try Tools.scratchFolder()
    addTeardownBlock { try? FileManager.default.removeItem(atPath: dir) }
    return dir
  }

  func testWhenTheLastOfSeveralRenamesFailsNoOutputChanges() throws {
    let dir = try folder()
    try OutputFile.writeAll([(dir + "/a.png", [1]), (dir + "/b.svg", [2]), (dir + "/c.pdf", [3])])
    // Three changed files and a new one; the fourth rename fails, after three have succeeded.
    var renames: [String] = []
    let files: [(path: String, bytes: [UInt8])] = [(dir + "/a.png", [10]), (dir + "/b.svg", [20]), (dir + "/new.png", [40]), (dir + "/c.pdf", [30])]
    XCTAssertThrowsError(
      try OutputFile.writeAll(files) { from, to in
        renames.append(to)
        guard renames.count < 4 else {
          errno = EIO
          return -1
        }
        return rename(from, to)
      }
    ) { XCTAssertEqual("\($0)", "cannot write \(dir)/c.pdf: Input/output error") }
    XCTAssertEqual(renames, files.map(\.path), "three renames happened before the failing one")
    XCTAssertEqual(try OutputFile.read(dir + "/a.png"), [1])
    XCTAssertEqual(try OutputFile.read(dir + "/b.svg"), [2])
    XCTAssertEqual(try OutputFile.read(dir + "/c.pdf"), [3])
    XCTAssertEqual(Tools.listing(dir), ["a.png", "b.svg", "c.pdf"], "the new file is gone again, and no temporary name is left")
  }

  func testATargetThatIsNotAFileIsRefusedBeforeAnythingChanges() throws {
    let dir = try folder()
    try OutputFile.write([1], to: dir + "/a.png")
    XCTAssertEqual(mkfifo(dir + "/fifo.png", 0o644), 0)
    try FileManager.default.createDirectory(atPath: dir + "/folder.png", withIntermediateDirectories: false)
    // A FIFO is never opened (reading it would wait for a writer forever), nor replaced.
    XCTAssertThrowsError(try OutputFile.writeAll([(dir + "/a.png", [2]), (dir + "/fifo.png", [3])])) {
      XCTAssertEqual("\($0)", "cannot write \(dir)/fifo.png: it exists and is a FIFO, not a regular file; BriefKit replaces only files")
    }
    XCTAssertThrowsError(try OutputFile.writeAll([(dir + "/a.png", [2]), (dir + "/folder.png", [3])])) {
      XCTAssertEqual("\($0)", "cannot write \(dir)/folder.png: it exists and is a folder, not a regular file; BriefKit replaces only files")
    }
    XCTAssertThrowsError(try OutputFile.writeAll([(dir + "/a.png", [2]), (dir + "/a.png", [3])])) {
      XCTAssertEqual("\($0)", "cannot write \(dir)/a.png: it is named twice among one run's outputs")
    }
    XCTAssertEqual(try OutputFile.read(dir + "/a.png"), [1])
    XCTAssertEqual(Tools.listing(dir), ["a.png", "fifo.png", "folder.png"])
  }

  func testWhatAKilledRunLeftIsRemovedByTheNextRun() throws {
    let dir = try folder()
    // Names a run killed between naming its files and removing them leaves: of a process that is
    // gone (pid 4194304 is above Linux's highest), and of this one, which is still running.
    let gone = ["/.a.png.tmp-4194304-0", "/.a.png.old-4194304-1"], mine = "/.a.png.old-\(getpid())-0"
    for name in gone + [mine, "/.b.png.tmp-4194304-0"] { try OutputFile.write([7], to: dir + name) }
    try OutputFile.write([1], to: dir + "/a.png")
    XCTAssertEqual(Tools.listing(dir), [".a.png.old-\(getpid())-0", ".b.png.tmp-4194304-0", "a.png"])
  }
}
