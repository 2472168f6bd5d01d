import BriefTestSupport
import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// Runs every case of `Tests/BadInputs` through the built `brief` (see Tests/BadInputs/README.md).
///
/// Each case runs in a scratch folder holding copies of `seeds/` and `styles/`, an `out/`
/// folder with one file in it, and the case's own files laid over them. It checks the exit
/// code and the exact standard error; a run that fails must leave the whole folder as it was
/// (no output, no temporary file), and a run that succeeds is checked through `check:` lines.
final class BadInputCorpusTests: XCTestCase {
  static let corpus = Tools.packageRoot + "/Tests/BadInputs"

  /// One case: what to run and what must come of it.
  struct Case {
    var name: String
    var folder: String
    var args: [String] = []
    var exit: Int32 = -1
    var setup: [[String]] = []
    var checks: [[String]] = []
    var stderr = ""
  }

  static func cases() throws -> [Case] {
    let names = try FileManager.default.contentsOfDirectory(atPath: corpus)
      .filter { !$0.hasPrefix(".") && !$0.hasPrefix("_") && FileManager.default.fileExists(atPath: "\(corpus)/\($0)/case.txt") }
      .sorted()
    return try names.map { name in
      let folder = "\(corpus)/\(name)"
      var c = Case(name: name, folder: folder)
      for line in try String(contentsOfFile: folder + "/case.txt", encoding: .utf8).split(separator: "\n") {
        guard !line.hasPrefix("#"), let colon = line.firstIndex(of: ":") else { continue }
        let key = line[..<colon], value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        let words = value.split(separator: " ").map(String.init)
        switch key {
        case "args": c.args = words
        case "exit": c.exit = Int32(value) ?? -1
        case "setup": c.setup.append(words)
        case "check": c.checks.append([words[0], words.count > 1 ? words[1] : "", words.dropFirst(2).joined(separator: " ")])
        default: XCTFail("\(name)/case.txt: unknown key \(key)")
        }
      }
      c.stderr = (try? String(contentsOfFile: folder + "/stderr.txt", encoding: .utf8)) ?? ""
      return c
    }
  }

  func testTheCorpusHasAtLeastFiftyCasesEachWithAnExpectation() throws {
    let cases = try Self.cases()
    XCTAssertGreaterThanOrEqual(cases.count, 50)
    for c in cases {
      XCTAssertFalse(c.args.isEmpty, "\(c.name): no args")
      XCTAssertTrue((0...3).contains(c.exit), "\(c.name): no exit code")
      if c.exit != 0 {
        XCTAssertFalse(c.stderr.isEmpty, "\(c.name): a failing case needs its stderr.txt")
      }
    }
  }

  func testEveryBadInputGivesItsExitCodeAndMessageAndWritesNothing() throws {
    for c in try Self.cases() {
      try run(c)
    }
  }

  // MARK: - Running one case

  func run(_ c: Case) throws {
    let fm = FileManager.default
    let work = try Tools.scratchFolder("briefkit-bad-\(c.name)")
    defer { Tools.remove(work) }
    let root = Tools.packageRoot
    try fm.createDirectory(atPath: work + "/seeds", withIntermediateDirectories: true)
    for f in ["sources", "observations", "events", "rates", "derived", "charts"] {
      try fm.copyItem(atPath: "\(root)/seeds/\(f).yaml", toPath: "\(work)/seeds/\(f).yaml")
    }
    try fm.copyItem(atPath: root + "/seeds/briefs", toPath: work + "/seeds/briefs")
    try fm.copyItem(atPath: root + "/styles", toPath: work + "/styles")
    try fm.createDirectory(atPath: work + "/out", withIntermediateDirectories: true)
    try "keep\n".write(toFile: work + "/out/keep.txt", atomically: false, encoding: .utf8)
    // The case's own files, over the copies.
    let files = (fm.enumerator(atPath: c.folder)?.allObjects as? [String] ?? [])
      .filter { $0 != "case.txt" && $0 != "stderr.txt" && !Self.isDirectory(c.folder + "/" + $0) }
    for f in files {
      let target = work + "/" + f
      try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      if fm.fileExists(atPath: target) { try fm.removeItem(atPath: target) }
      try fm.copyItem(atPath: c.folder + "/" + f, toPath: target)
    }

    var program = Tools.briefExecutable
    var arguments = c.args.map { $0.replacingOccurrences(of: "${WORK}", with: work).replacingOccurrences(of: "${LF}", with: "\n") }
    for step in c.setup {
      switch step.first {
      case "readonly":
        XCTAssertEqual(chmod(work + "/" + step[1], 0o555), 0, c.name)
        // Root writes into read-only folders: run as nobody instead.
        if geteuid() == 0 {
          arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", program] + arguments
          program = "setpriv"
        }
      case "symlink":
        try fm.createSymbolicLink(atPath: work + "/" + step[1], withDestinationPath: step[2])
      default:
        XCTFail("\(c.name): unknown setup \(step)")
      }
    }

    let before = Self.snapshot(work)
    let result = try Tools.run(program, arguments, environment: ["SWIFT_BACKTRACE": "enable=no"], cwd: work)
    let after = Self.snapshot(work)

    let label = "\(c.name) (brief \(c.args.joined(separator: " ")))"
    XCTAssertEqual(result.status, c.exit, "\(label): exit code; stderr: \(result.stderr)")
    XCTAssertEqual(result.stderr.replacingOccurrences(of: work, with: "${WORK}"), c.stderr, "\(label): standard error")
    XCTAssertEqual(result.stdout, "", "\(label): standard output")
    if c.exit != 0 {
      let added = Set(after.keys).subtracting(before.keys).sorted()
      let removed = Set(before.keys).subtracting(after.keys).sorted()
      let changed = before.keys.filter { after[$0] != nil && after[$0] != before[$0] }.sorted()
      XCTAssertEqual(added + removed + changed, [], "\(label): the folder changed (added \(added), removed \(removed), changed \(changed))")
    }
    for check in c.checks {
      switch check[0] {
      case "unchanged":
        XCTAssertEqual(after[check[1]], before[check[1]], "\(label): \(check[1]) changed")
        XCTAssertNotNil(after[check[1]], "\(label): \(check[1]) is gone")
      case "pdftotext":
        let text = try Tools.run("pdftotext", [work + "/" + check[1], "-"])
        XCTAssertEqual(text.status, 0, "\(label): pdftotext \(check[1]): \(text.stderr)")
        XCTAssertTrue(text.stdout.contains(check[2]), "\(label): \(check[1]) does not show \(check[2]):\n\(text.stdout)")
      case "outline":
        let json = try Tools.run("qpdf", ["--json", "--json-key=outlines", work + "/" + check[1]])
        XCTAssertEqual(json.status, 0, "\(label): qpdf --json \(check[1]): \(json.stderr)")
        let titles = Self.outlineTitles(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)))
        XCTAssertTrue(titles.contains(check[2]), "\(label): \(check[1])'s outline has no \(check[2]): \(titles)")
      default:
        XCTFail("\(c.name): unknown check \(check[0])")
      }
    }
  }

  /// Every bookmark title of qpdf's `--json` output, depth first.
  static func outlineTitles(_ json: Any) -> [String] {
    guard let object = json as? [String: Any] else { return [] }
    let items = (object["outlines"] ?? object["kids"]) as? [[String: Any]] ?? []
    return items.flatMap { item in [item["title"] as? String ?? ""] + outlineTitles(item) }
  }

  static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }

  /// Every path under `folder` with what it is: a link's target, or a file's size and bytes' hash.
  static func snapshot(_ folder: String) -> [String: String] {
    var result: [String: String] = [:]
    let fm = FileManager.default
    for path in fm.enumerator(atPath: folder)?.allObjects as? [String] ?? [] {
      let full = folder + "/" + path
      if let destination = try? fm.destinationOfSymbolicLink(atPath: full) {
        result[path] = "link to " + destination
      } else if isDirectory(full) {
        result[path] = "folder"
      } else {
        let data = fm.contents(atPath: full) ?? Data()
        result[path] = "file of \(data.count) bytes, \(data.hashValue)"
      }
    }
    return result
  }
}
