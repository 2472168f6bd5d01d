import Foundation

/// Writes a large dataset by repeating the seed observations under new ids.
///
/// Copy `c` of an observation gets the id `ID-gC` and its period's years moved
/// back by `c % 10`, so the copies spread over ten years instead of all
/// claiming the same quantity and period. The vocabulary, sources, events and rates are the seeds'.
enum DatasetGenerator {
  /// With `trim`, the optional `note` and `attribution` fields are left out, so more observations fit the loader's 8 MiB file limit.
  static func write(directory: String, observations target: Int, trim: Bool = false, seeds: String = "seeds") throws {
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for name in ["vocabulary.yaml", "sources.yaml", "events.yaml", "rates.yaml"] {
      let dst = "\(directory)/\(name)"
      try? FileManager.default.removeItem(atPath: dst)
      try FileManager.default.copyItem(atPath: "\(seeds)/\(name)", toPath: dst)
    }
    let text = try String(contentsOfFile: "\(seeds)/observations.yaml", encoding: .utf8)
    // Entries: from one "- id:" line to the next, comments dropped.
    var entries: [[String]] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("#") { continue }
      if line.hasPrefix("- id:") { entries.append([]) }
      if !entries.isEmpty, !line.trimmingCharacters(in: .whitespaces).isEmpty { entries[entries.count - 1].append(String(line)) }
    }
    guard !entries.isEmpty else { throw BenchError("no observations in \(seeds)/observations.yaml") }
    var out = ""
    out.reserveCapacity(target * 260)
    var written = 0
    var copy = 0
    while written < target {
      for entry in entries where written < target {
        for line in entry {
          if trim && (line.hasPrefix("  note:") || line.hasPrefix("  attribution:")) { continue }
          if line.hasPrefix("- id:") {
            out += line + "-g\(copy)\n"
          } else if line.hasPrefix("  period:") {
            out += shiftYears(line, by: -(copy % 10)) + "\n"
          } else {
            out += line + "\n"
          }
        }
        out += "\n"
        written += 1
      }
      copy += 1
    }
    try out.write(toFile: "\(directory)/observations.yaml", atomically: true, encoding: .utf8)
  }

  /// Adds `delta` to every four-digit year (19xx or 20xx) in the line.
  static func shiftYears(_ line: String, by delta: Int) -> String {
    guard delta != 0 else { return line }
    let chars = Array(line)
    var out = ""
    var i = 0
    while i < chars.count {
      if i + 4 <= chars.count, (i == 0 || !chars[i - 1].isNumber), chars[i..<i + 4].allSatisfy(\.isNumber),
        i + 4 == chars.count || !chars[i + 4].isNumber, let y = Int(String(chars[i..<i + 4])), (1900...2099).contains(y)
      {
        out += String(y + delta)
        i += 4
      } else {
        out.append(chars[i])
        i += 1
      }
    }
    return out
  }
}
