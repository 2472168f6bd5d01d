/// Checks that span entries: ids, references, and units that suit measures.
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

  /// What unit a measure needs, or `nil` when `unit` suits it.
  public static func expectedUnit(for measure: Measure, unit: Unit) -> String? {
    switch (measure, unit) {
    case (.workers, .count), (.workersPlanned, .count), (.selected, .count), (.departed, .count),
      (.workVisas, .count), (.groupSize, .count), (.defections, .count):
      return nil
    case (.workers, _), (.workersPlanned, _), (.selected, _), (.departed, _), (.workVisas, _),
      (.groupSize, _), (.defections, _):
      return "a count unit (" + Unit.countNouns.joined(separator: ", ") + ") for \(measure.rawValue)"
    case (.wage, .money(_, per: .some)), (.wagePromised, .money(_, per: .some)),
      (.remittanceQuota, .money(_, per: .some)):
      return nil
    case (.wage, _), (.wagePromised, _), (.remittanceQuota, _):
      return "money per period (such as USD/month) for \(measure.rawValue)"
    case (.bribe, .money(_, per: nil)):
      return nil
    case (.bribe, _):
      return "a currency (a one-off amount such as USD) for bribe"
    case (.bribeOffered, .money(_, per: nil)), (.bribeOffered, .duration):
      return nil
    case (.bribeOffered, _):
      return "a currency (a one-off amount such as USD) or a length of expected pay (such as months) for bribe-offered"
    case (.workVisaGrowth, .percent), (.wageShareKept, .percent):
      return nil
    case (.workVisaGrowth, _), (.wageShareKept, _):
      return "% for \(measure.rawValue)"
    case (.bribeRatio, .ratio):
      return nil
    case (.bribeRatio, _):
      return "times for bribe-ratio"
    case (.dispatchDuration, .duration), (.contractTerm, .duration), (.selectionTime, .duration),
      (.replacementTime, .duration), (.recruitAge, .duration):
      return nil
    case (.dispatchDuration, _), (.contractTerm, _), (.selectionTime, _), (.replacementTime, _), (.recruitAge, _):
      return "a duration (years, months, weeks or days) for \(measure.rawValue)"
    }
  }
}
