// brief-bench: BriefKit's benchmark workloads (issue 7).
//
//   brief-bench list                         the workload names
//   brief-bench run [--reps N] WORKLOAD...   runs each workload in a fresh child process, N times,
//                                            and prints one JSON line per run: wall, CPU, peak RSS
//   brief-bench child WORKLOAD REPORT        (internal) does one workload, writes its details to REPORT
//   brief-bench export-brief FILE            the default brief's charts and pages as JSON primitives,
//                                            for the matplotlib peer (bench/peers/mpl_brief.py)
//   brief-bench gen-dataset DIR N            writes a dataset of N observations to DIR
//
// Run from the repository root. Outputs go to bench/out/.
import BriefCairo
import BriefCharts
import BriefDocument
import BriefModel
import BriefOutput
import BriefRuntime
import BriefScene
import Foundation

let outRoot = "bench/out"
ProcessMemory.mapLargeBuffers()

/// Workload names and what the child does for each.
let workloads: [(name: String, what: String)] = [
  ("brief-cold", "brief build (the default monthly brief: PDF + every chart as PNG and SVG) in a fresh process"),
  ("batch-png", "1,000 bar charts of 20 bars, 1600x900 px PNG files, 2 threads"),
  ("batch-pdf", "1,000 bar charts of 20 bars as the pages of one PDF"),
  ("bars-10", ""), ("bars-100", ""), ("bars-1000", ""), ("bars-10000", ""),
  ("timeline-10", ""), ("timeline-100", ""), ("timeline-1000", ""),
  ("dotrange-10", ""), ("dotrange-100", ""), ("dotrange-1000", ""), ("dotrange-10000", ""),
  ("dataset-100k", "generate 100,000 observations (untimed), then DatasetLoader.load + Analysis.run"),
  ("dataset-10k", "the same with 10,000 observations without notes"),
  ("alias-bomb", "brief check on the seeds with Tests/BadInputs/data-alias-bomb's 400-byte billion-laughs observations.yaml (issue 8: rejected in under a second)"),
]

func fail(_ message: String) -> Never {
  FileHandle.standardError.write(Data("brief-bench: \(message)\n".utf8))
  exit(2)
}

func selfPath() -> String {
  var buf = [CChar](repeating: 0, count: 4096)
  let n = readlink("/proc/self/exe", &buf, buf.count - 1)
  guard n > 0 else { return CommandLine.arguments[0] }
  return String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// Wall time, CPU time and peak memory of one child process, from wait4.
struct ChildUsage {
  var wall: Double
  var user: Double
  var sys: Double
  var maxRSSKiB: Int
  var status: Int32
}

func spawnMeasured(_ argv: [String], stdout: String? = nil) -> ChildUsage {
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  if let stdout { posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
  let cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
  defer { for p in cargs { free(p) } }
  var pid: pid_t = 0
  let t0 = now()
  let rc = posix_spawn(&pid, argv[0], &actions, nil, cargs, environ)
  guard rc == 0 else { fail("cannot start \(argv[0]): \(String(cString: strerror(rc)))") }
  var status: Int32 = 0
  var usage = rusage()
  while wait4(pid, &status, 0, &usage) < 0 {
    if errno != EINTR { fail("wait4: \(String(cString: strerror(errno)))") }
  }
  let wall = now() - t0
  func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
  return ChildUsage(
    wall: wall, user: seconds(usage.ru_utime), sys: seconds(usage.ru_stime), maxRSSKiB: usage.ru_maxrss,
    status: status)
}

func freshDir(_ path: String) {
  try? FileManager.default.removeItem(atPath: path)
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
}

func jsonLine(_ object: [String: Any]) -> String {
  let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
  return String(decoding: data, as: UTF8.self)
}

/// Runs one workload once, in a fresh process, and returns its JSON line.
func runOnce(_ name: String, brief: String) -> String {
  let dir = "\(outRoot)/swift/\(name)"
  freshDir(dir)
  let usage: ChildUsage
  var detail: [String: Any] = [:]
  if name == "alias-bomb" {
    // The seeds with the corpus's alias bomb as observations.yaml; brief must reject it (exit 1).
    let data = "\(outRoot)/alias-bomb/seeds"
    freshDir(data)
    for f in ["sources.yaml", "events.yaml", "rates.yaml"] { try? FileManager.default.copyItem(atPath: "seeds/\(f)", toPath: "\(data)/\(f)") }
    try? FileManager.default.copyItem(atPath: "Tests/BadInputs/data-alias-bomb/seeds/observations.yaml", toPath: "\(data)/observations.yaml")
    usage = spawnMeasured([brief, "check", "--data", data], stdout: "/dev/null")
    detail["expected_exit"] = 1
  } else if name == "brief-cold" {
    // The CLI itself is the fresh process.
    usage = spawnMeasured([brief, "build", "seeds/briefs/monthly.md", "-o", dir], stdout: "/dev/null")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
    detail["files"] = files.count
  } else {
    var args = [selfPath(), "child", name, "\(dir)/report.json"]
    if name.hasPrefix("dataset-") {
      let data = "\(outRoot)/\(name)"
      if !FileManager.default.fileExists(atPath: "\(data)/observations.yaml") {
        let n = name == "dataset-100k" ? 100_000 : 10_000
        do { try DatasetGenerator.write(directory: data, observations: n, trim: n < 100_000) } catch { fail("\(error)") }
      }
      args.append(data)
    }
    usage = spawnMeasured(args)
    if let data = FileManager.default.contents(atPath: "\(dir)/report.json"),
      let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
    {
      detail = obj
    }
  }
  let exitCode = (usage.status & 0x7f) == 0 ? Int((usage.status >> 8) & 0xff) : -Int(usage.status & 0x7f)
  return jsonLine([
    "side": "briefkit", "workload": name, "wall_s": usage.wall, "cpu_s": usage.user + usage.sys,
    "user_s": usage.user, "sys_s": usage.sys, "maxrss_mib": Double(usage.maxRSSKiB) / 1024, "exit": exitCode,
    "detail": detail,
  ])
}

/// The child: does the workload, writes what it measured inside to `report`.
func child(_ name: String, report: String, extra: [String]) {
  let dir = (report as NSString).deletingLastPathComponent
  let t0 = now()
  do {
    var detail: [String: Any]
    let parts = name.split(separator: "-")
    switch name {
    // batch-png-N and batch-pdf-N (not in the list) draw N charts, for profiling under valgrind.
    case _ where name == "batch-png" || name.hasPrefix("batch-png-"):
      detail = try Workloads.batchPNG(count: Int(parts.last!) ?? 1000, bars: 20, jobs: 2, out: dir)
    case _ where name == "batch-pdf" || name.hasPrefix("batch-pdf-"):
      detail = try Workloads.batchPDF(count: Int(parts.last!) ?? 1000, bars: 20, jobs: 2, out: dir)
    case "dataset-100k", "dataset-10k":
      guard let data = extra.first else { fail("\(name) needs the dataset folder") }
      detail = try Workloads.dataset(dir: data, out: dir)
    default:
      guard parts.count == 2, let n = Int(parts[1]), ["bars", "timeline", "dotrange"].contains(String(parts[0])) else {
        fail("unknown workload \(name); see brief-bench list")
      }
      detail = try Workloads.scaling(kind: String(parts[0]), n: n, out: dir)
      if let end = detail["end"] as? Double { detail["teardown_s"] = now() - end; detail["end"] = nil }
    }
    detail["inside_s"] = now() - t0
    try Data(jsonLine(detail).utf8).write(to: URL(fileURLWithPath: report))
  } catch {
    try? Data(jsonLine(["error": "\(error)"]).utf8).write(to: URL(fileURLWithPath: report))
    fail("\(name): \(error)")
  }
}

var args = Array(CommandLine.arguments.dropFirst())
guard let command = args.first else { fail("usage: brief-bench list | run [--reps N] WORKLOAD... | export-brief FILE | gen-dataset DIR N") }
args.removeFirst()
switch command {
case "list":
  for w in workloads { print(w.what.isEmpty ? w.name : "\(w.name)\t\(w.what)") }
case "run":
  var reps = 1
  var brief = ".build-bench/release/brief"
  var names: [String] = []
  var i = 0
  while i < args.count {
    switch args[i] {
    case "--reps": i += 1; reps = Int(args[i]) ?? 1
    case "--brief": i += 1; brief = args[i]
    case "all": names += workloads.map(\.name)
    default: names.append(args[i])
    }
    i += 1
  }
  for name in names {
    guard workloads.contains(where: { $0.name == name }) else { fail("unknown workload \(name)") }
    for _ in 0..<reps {
      print(runOnce(name, brief: brief))
      fflush(nil)
    }
  }
case "child":
  guard args.count >= 2 else { fail("child WORKLOAD REPORT") }
  child(args[0], report: args[1], extra: Array(args.dropFirst(2)))
case "export-brief":
  guard let file = args.first else { fail("export-brief FILE") }
  do { try SceneExport.exportBrief(to: file) } catch { fail("export-brief: \(error)") }
case "gen-dataset":
  guard args.count == 2, let n = Int(args[1]) else { fail("gen-dataset DIR N") }
  do { try DatasetGenerator.write(directory: args[0], observations: n) } catch { fail("\(error)") }
default:
  fail("unknown command \(command)")
}
