import Foundation

/// The drafts of `DATA/inbox/*.yaml` (written by `brief extract`, one file per source): checked
/// like observations, with the two fields a draft adds (`confidence`, `review`), but kept out of
/// the dataset until they are moved into observations.yaml.
public enum InboxCheck {
  /// The inbox files of a dataset folder, sorted.
  public static func files(in directory: String) -> [String] {
    let folder = directory + "/inbox"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted().map { folder + "/" + $0 }
  }

  /// Every problem of the drafts of `directory`, checked against `dataset` (its vocabulary,
  /// sources and ids), located; and the drafts' ids with their files.
  public static func check(directory: String, dataset: Dataset) -> (drafts: [String: String], errors: [DatasetError]) {
    var reader = EntryReader()
    reader.vocabulary = dataset.vocabulary
    reader.extraObservationFields = ["confidence", "review"]
    var drafts: [String: String] = [:]
    for file in files(in: directory) {
      for entry in reader.entries(path: file, collection: "drafts", reading: { try InputFile.read($0) }) {
        if let draft = reader.observation(entry) { drafts[draft.id] = file }
      }
    }
    let taken = Set(dataset.observations.map(\.id) + dataset.events.map(\.id) + dataset.rates.map(\.id) + dataset.sources.map(\.id))
    var errors = reader.errors
    for (id, location) in reader.idLocations where taken.contains(id) {
      errors.append(
        DatasetError(at: location, field: "id", expected: "an id the dataset does not use yet", found: "\"\(id)\", already in the dataset"))
    }
    errors += Validator.crossCheck(dataset, idLocations: reader.idLocations, sourceRefs: reader.sourceRefs)
    errors.sort { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    return (drafts, errors)
  }
}
