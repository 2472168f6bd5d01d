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
    /// Seconds before `brief` is killed: every case has a bound, so a hang fails instead of stalling the run.
    var seconds = BadInputCorpusTests.defaultSeconds
    /// The address space `brief` may use, in MiB (`prlimit --as`); nil for no bound.
    var memory: Int?
  }

  /// The time bound of a case without `limit:`.
  static let defaultSeconds = 120.0

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
        case "limit":
          guard words.count == 2, let seconds = Double(words[0]), seconds > 0, let memory = Int(words[1]), memory > 0 else {
            XCTFail("\(name)/case.txt: limit: expected SECONDS MIB, found \(value)")
            continue
          }
          (c.seconds, c.memory) = (seconds, memory)
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
    for f in ["vocabulary", "sources", "observations", "events", "rates", "derived", "charts"] {
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
        if (try? fm.attributesOfItem(atPath: work + "/" + step[1])) != nil { try fm.removeItem(atPath: work + "/" + step[1]) }
        try fm.createSymbolicLink(atPath: work + "/" + step[1], withDestinationPath: step[2])
      case "fifo":
        XCTAssertEqual(mkfifo(work + "/" + step[1], 0o644), 0, "\(c.name): mkfifo \(step[1])")
      case "remove":
        try fm.removeItem(atPath: work + "/" + step[1])
      case "append":
        guard step.count >= 4, let count = Int(step[2]), count >= 0 else {
          XCTFail("\(c.name): setup: append FILE COUNT TEXT, found \(step)")
          continue
        }
        let unit = Self.unescaped(step[3...].joined(separator: " "))
        let handle = try Self.appending(to: work + "/" + step[1])
        // Written in pieces of about a megabyte, so a large file is never whole in the test's memory.
        let perPiece = max(1, min(count, (1 << 20) / max(1, unit.utf8.count)))
        let piece = Data(String(repeating: unit, count: perPiece).utf8)
        var left = count
        while left >= perPiece {
          handle.write(piece)
          left -= perPiece
        }
        handle.write(Data(String(repeating: unit, count: left).utf8))
        try handle.close()
      default:
        XCTFail("\(c.name): unknown setup \(step)")
      }
    }

    if let memory = c.memory {
      arguments = ["--as=\(memory << 20)", "--", program] + arguments
      program = "prlimit"
    }

    let before = Self.snapshot(work)
    let result = try Tools.run(program, arguments, environment: ["SWIFT_BACKTRACE": "enable=no"], cwd: work, timeLimit: c.seconds)
    let after = Self.snapshot(work)

    let label = "\(c.name) (brief \(c.args.joined(separator: " ")))"
    if result.timedOut {
      return XCTFail("\(label): killed after running for \(Int(c.seconds)) s, the case's time limit")
    }
    if let signal = result.signal {
      let bound = c.memory.map { " (with \($0) MiB of address space: out of memory, or a crash)" } ?? ""
      return XCTFail("\(label): killed by signal \(signal)\(bound); stderr: \(result.stderr.prefix(2000))")
    }
    XCTAssertEqual(result.status, c.exit, "\(label): exit code; stderr: \(result.stderr.prefix(2000))")
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
  /// `text` with `\s` as a space, `\n` a newline, `\t` a tab and `\\` a backslash.
  /// `text` with `\\s` as a space, `\\n` a newline, `\\t` a tab and `\\\\` a backslash.
  static func unescaped(_ text: String) -> String {
    var out = ""
    var escaping = false
    for character in text {
      if escaping {
        switch character {
        case "s": out.append(" ")
        case "n": out.append("\n")
        case "t": out.append("\t")
        default: out.append(character)
        }
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else {
        out.append(character)
      }
    }
    return out
  }

  /// A handle writing at the end of `path`, created (with its folders) when missing.
  static func appending(to path: String) throws -> FileHandle {
    let fm = FileManager.default
    if !fm.fileExists(atPath: path) {
      try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      fm.createFile(atPath: path, contents: nil)
    }
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.seekToEnd()
    return handle
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
