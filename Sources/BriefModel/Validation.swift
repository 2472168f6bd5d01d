/// Checks that span entries: ids and references.
public enum Validator {
  /// Duplicate ids and unknown source ids, given where each was written.
  static func crossCheck(
    _ dataset: Dataset, idLocations: [(id: String, location: SourceLocation)],
    sourceRefs: [(id: String, location: SourceLocation)]
  ) -> [DatasetError] {
    var errors: [DatasetError] = []
    var firstSeen: [String: SourceLocation] = [:]
    for (id, location) in idLocations {
      if let first = firstSeen[id] {
        errors.append(
          DatasetError(
            at: location, field: "id", expected: "an id not used before (ids are unique across the dataset)",
            found: "\"\(id)\", already used at \(first)"))
      } else {
        firstSeen[id] = location
      }
    }
    let sourceIds = Set(dataset.sources.map(\.id))
    for (id, location) in sourceRefs where !sourceIds.contains(id) {
      let known = dataset.sources.map(\.id).sorted()
      let list = known.isEmpty ? "none are defined" : known.joined(separator: ", ")
      errors.append(
        DatasetError(
          at: location, field: "source", expected: "the id of a source in sources.yaml (\(list))",
          found: "\"\(id)\""))
    }
    return errors
  }
}
