import BriefOutput
import BriefModel
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What one run reads and writes: its outputs, with the inputs each came from,
/// written together with an optional make depfile and JSON manifest, all or nothing.
struct BuildRecord {
  private(set) var outputs: [(path: String, bytes: [UInt8], inputs: [String])] = []
  private var inputSet: [String] = []
  /// The main input (the brief, the spec file): like a compiler's source file it gets no empty rule,
  /// so deleting it gives make's own "no rule to make target" message.
  var primary: String?

  /// Every input read, in the order first read.
  var inputs: [String] { inputSet }

  mutating func read(_ paths: [String]) {
    for p in paths where !inputSet.contains(p) { inputSet.append(p) }
  }

  mutating func output(_ path: String, _ bytes: [UInt8], inputs: [String]) {
    outputs.append((path, bytes, inputs))
  }

  /// The files of a dataset folder; `derived.yaml` when there is one (it is optional).
  static func datasetFiles(_ dir: String) -> [String] {
    let derived = "\(dir)/\(DatasetLoader.FileName.derived)"
    return [
      DatasetLoader.FileName.vocabulary, DatasetLoader.FileName.sources, DatasetLoader.FileName.observations,
      DatasetLoader.FileName.events, DatasetLoader.FileName.rates,
    ]
    .map { "\(dir)/\($0)" } + (FileManager.default.fileExists(atPath: derived) ? [derived] : [])
  }

  /// Refuses, as a usage error, paths that would be written wrongly: a control character in a
  /// path written (or, with a depfile, in any path the rule names: make cannot spell it), and a
  /// depfile or manifest that is an output, an input or the other one, compared as resolved
  /// paths (`out/x.png` is `./out//x.png`).
  func checkPaths(depfile: String?, target: String?, manifest: String?) throws {
    var named = outputs.map { (what: "the output", path: $0.path) }
    if let depfile { named.append(("--depfile", depfile)) }
    if let manifest { named.append(("--manifest", manifest)) }
    if depfile != nil {
      if let target { named.append(("--depfile-target", target)) }
      named += inputs.map { (what: "the input", path: $0) }
    }
    for (what, path) in named {
      guard let control = path.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) else { continue }
      throw UsageError(
        message: "\(what) \"\(path.escapingControlCharacters())\" has a control character (\(control.codePoint)), "
          + "which a depfile or make rule cannot name: choose a path without one")
    }
    let own = [("--depfile", depfile), ("--manifest", manifest)].compactMap { option, path in path.map { (option, $0, Self.resolved($0)) } }
    for (option, path, file) in own {
      if let output = outputs.first(where: { Self.resolved($0.path) == file }) {
        throw UsageError(message: "\(option) \(path) is the output \(output.path), which it would overwrite: give it a path of its own")
      }
      if let input = inputs.first(where: { Self.resolved($0) == file }) {
        throw UsageError(message: "\(option) \(path) is the input \(input), which it would overwrite: give it a path of its own")
      }
    }
    if own.count == 2, own[0].2 == own[1].2 {
      throw UsageError(message: "--depfile \(own[0].1) and --manifest \(own[1].1) are the same file: give each a path of its own")
    }
  }

  /// The absolute path a file name stands for: its folder through realpath(3) when the folder
  /// exists (links, `.` and `..` resolved as the system does), else with `.`, `..` and doubled
  /// slashes resolved by their spelling. The file itself is not followed: outputs replace links.
  static func resolved(_ path: String) -> String {
    let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var parts: [Substring] = []
    for part in absolute.split(separator: "/") where part != "." {
      if part == ".." { _ = parts.popLast() } else { parts.append(part) }
    }
    guard let slash = absolute.lastIndex(of: "/"), let name = absolute.split(separator: "/").last, name != ".", name != ".." else {
      return "/" + parts.joined(separator: "/")
    }
    if let real = realpath(String(absolute[...slash]), nil) {
      defer { free(real) }
      return String(cString: real) + "/" + name
    }
    return "/" + parts.joined(separator: "/")
  }

  /// Writes the outputs, then the depfile and manifest when asked, as one step.
  func commit(depfile: String?, target: String? = nil, manifest: String?) throws {
    var files = outputs.map { (path: $0.path, bytes: $0.bytes) }
    if let manifest { files.append((manifest, Array(Manifest.json(outputs).utf8))) }
    // The depfile is renamed last: it records a finished run.
    if let depfile {
      let targets = target.map { [$0] } ?? outputs.map(\.path)
      files.append((depfile, Array(Depfile.rule(outputs: targets, inputs: inputs, primary: primary).utf8)))
    }
    try OutputFile.writeAll(files)
  }
}
