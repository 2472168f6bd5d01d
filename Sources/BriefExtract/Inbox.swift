import BriefModel
import Foundation

/// The drafts waiting for review: `DATA/inbox/*.yaml`, one file per source.
///
/// An entry whose `review` field is gone has been reviewed; ``merge(directory:)`` appends it to
/// observations.yaml (without its `confidence` field) once the dataset with it still loads
/// without a problem, and leaves the others in the inbox.
public enum Inbox {
  /// The inbox files of a dataset folder, sorted.
  public static func files(in directory: String) -> [String] {
    let folder = directory + "/inbox"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder + "/" + $0 }
  }

  /// The ids the inbox already uses, so new drafts do not repeat them.
  public static func ids(in directory: String) -> Set<String> {
    var ids = Set<String>()
    for path in files(in: directory) {
      guard let text = try? InputFile.text(path) else { continue }
      for block in entries(text).blocks { if let id = id(of: block) { ids.insert(id) } }
    }
    return ids
  }

  /// The text before the first entry, and each entry's lines from `- id:` on.
  static func entries(_ text: String) -> (header: String, blocks: [String]) {
    var header = ""
    var blocks: [String] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("- ") {
        blocks.append(String(line) + "\n")
      } else if blocks.isEmpty {
        header += line + "\n"
      } else {
        blocks[blocks.count - 1] += line + "\n"
      }
    }
    return (header, blocks)
  }

  static func id(of block: String) -> String? {
    guard let first = block.split(separator: "\n").first, first.hasPrefix("- id:") else { return nil }
    return first.dropFirst(5).trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
  }

  static func isReviewed(_ block: String) -> Bool {
    !block.split(separator: "\n").contains { $0.hasPrefix("  review:") }
  }

  /// Moves reviewed drafts into observations.yaml; returns how many moved and how many stay.
  ///
  /// - Throws: ``DatasetErrors`` when the dataset with the reviewed drafts would not load; nothing
  ///   is written then.
  public static func merge(directory: String) throws -> (moved: Int, kept: Int) {
    let observationsPath = directory + "/" + DatasetLoader.FileName.observations
    var observations = try InputFile.text(observationsPath)
    var rewrites: [(path: String, text: String)] = []
    var moved = 0, kept = 0
    for path in files(in: directory) {
      let (header, blocks) = entries(try InputFile.text(path))
      var remaining = header
      for block in blocks {
        if isReviewed(block) {
          let lines = block.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("  confidence:") }
          var entry = lines.joined(separator: "\n")
          while entry.hasSuffix("\n\n") { entry.removeLast() }
          if !observations.hasSuffix("\n") { observations += "\n" }
          observations += "\n" + entry
          moved += 1
        } else {
          remaining += block
          kept += 1
        }
      }
      rewrites.append((path, remaining))
    }
    guard moved > 0 else { return (0, kept) }
    let candidate = observations
    let (_, errors) = DatasetLoader.loadCollectingErrors(directory: directory) { path in
      if path == observationsPath { return Array(candidate.utf8) }
      return try InputFile.read(path, limit: InputFile.maxDatasetBytes)
    }
    if !errors.isEmpty { throw DatasetErrors(errors) }
    try Data(candidate.utf8).write(to: URL(fileURLWithPath: observationsPath), options: .atomic)
    for (path, text) in rewrites { try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic) }
    return (moved, kept)
  }
}
