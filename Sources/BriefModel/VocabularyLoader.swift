import Foundation
import Yams

/// Reading `vocabulary.yaml` and checking the words entries use against it.
extension EntryReader {
  static let vocabularySections = ["measures", "units", "places"]
  static let measureFields = ["id", "label", "dimension", "units", "nature", "caveat", "note"]
  static let unitFields = ["id", "singular", "note"]
  static let placeFields = ["id", "kind", "aliases", "parent", "code", "note"]

  /// The vocabulary of `path`: a mapping of `measures`, `units` and `places`, each a list.
  mutating func vocabulary(path: String, reading read: (String) throws -> [UInt8]) -> Vocabulary {
    var vocabulary = Vocabulary()
    guard let root = root(path: path, collection: "vocabulary", reading: read) else {
      vocabularyRead = false
      if let last = errors.last, last.file == path, last.found == InputFileError.missing(path).found {
        errors[errors.count - 1].expected =
          "vocabulary.yaml: the measures, count units and places the dataset uses (start from a copy of BriefKit's seeds/vocabulary.yaml)"
      }
      return vocabulary
    }
    let fileStart = SourceLocation(file: path, line: 1, column: 1)
    guard case .mapping(let mapping) = root else {
      report(root, or: fileStart, "vocabulary", "a mapping of " + Self.vocabularySections.joined(separator: ", "), Self.describe(root))
      return vocabulary
    }
    var sections: [String: Node] = [:]
    for (key, value) in mapping {
      guard case .scalar(let name) = key, Self.vocabularySections.contains(name.string) else {
        report(key, or: fileStart, "vocabulary", "one of the sections " + Self.vocabularySections.joined(separator: ", "), Self.describe(key))
        continue
      }
      sections[name.string] = value
    }
    for section in Self.vocabularySections where sections[section] == nil {
      errors.append(DatasetError(at: fileStart, field: section, expected: "a list of \(section)", found: "the section missing"))
    }
    for entry in sections["units"].map({ entries($0, path: path, collection: "units") }) ?? [] {
      if let unit = countUnit(entry) { vocabulary.units.append(unit) }
    }
    for entry in sections["measures"].map({ entries($0, path: path, collection: "measures") }) ?? [] {
      if let measure = measure(entry, units: vocabulary.units) { vocabulary.measures.append(measure) }
    }
    var placeEntries: [(Place, SourceLocation, SourceLocation?)] = []
    for entry in sections["places"].map({ entries($0, path: path, collection: "places") }) ?? [] {
      if let place = place(entry) { placeEntries.append(place) }
    }
    vocabulary.places = placeEntries.map(\.0)
    checkNames(vocabulary, placeEntries)
    return vocabulary
  }

  /// A word of the vocabulary: letters, digits, spaces and `-`; not the id syntax of entries, since
  /// places are names ("North Korea").
  mutating func word(_ entry: Entry, _ key: String = "id", required: Bool = true) -> (String, SourceLocation)? {
    guard let (text, location) = string(entry, key, required: required) else { return nil }
    guard !text.contains(where: { $0.isNewline || $0 == "{" || $0 == "}" || $0 == "," }) else {
      errors.append(DatasetError(at: location, field: key, expected: "a name without line breaks, braces or commas", found: "\"\(text)\""))
      return nil
    }
    return (text, location)
  }

  mutating func countUnit(_ entry: Entry) -> CountUnit? {
    checkKnownFields(entry, Self.unitFields)
    let id = word(entry)
    let singular = word(entry, "singular")
    guard let (id, location) = id, let (singular, _) = singular else { return nil }
    if Unit(fixed: id) != nil {
      errors.append(
        DatasetError(at: location, field: "id", expected: "a count noun (not %, times, a duration or a currency)", found: "\"\(id)\""))
      return nil
    }
    return CountUnit(id: id, singular: singular)
  }

  mutating func measure(_ entry: Entry, units: [CountUnit]) -> MeasureDefinition? {
    checkKnownFields(entry, Self.measureFields)
    let id = self.id(entry)
    let label = string(entry, "label")?.0
    var dimensions: [MeasureDefinition.Dimension] = []
    let known = MeasureDefinition.Dimension.allCases.map(\.rawValue).joined(separator: ", ")
    for text in strings(entry, "dimension", expected: "a dimension or a list of them (\(known))", scalarAllowed: true) {
      guard let dimension = MeasureDefinition.Dimension(rawValue: text) else {
        errors.append(
          DatasetError(at: entry.value("dimension").map { location(of: $0.0, file: entry.file) } ?? entry.location,
            field: "dimension", expected: "one of \(known)", found: "\"\(text)\""))
        continue
      }
      dimensions.append(dimension)
    }
    if dimensions.isEmpty && entry.value("dimension") == nil {
      errors.append(DatasetError(at: entry.location, field: "dimension", expected: "a value for 'dimension'", found: "the field missing"))
    }
    let allowed = strings(entry, "units", expected: "a list of count units")
    for unit in allowed where !units.contains(where: { $0.id == unit }) {
      errors.append(
        DatasetError(
          at: entry.value("units").map { location(of: $0.0, file: entry.file) } ?? entry.location, field: "units",
          expected: "count units declared under units" + Suggestion.didYouMean(unit, among: units.map(\.id)), found: "\"\(unit)\""))
    }
    var nature: MeasureDefinition.Nature?
    if let (text, location) = string(entry, "nature") {
      nature = MeasureDefinition.Nature(rawValue: text)
      if nature == nil {
        errors.append(DatasetError(at: location, field: "nature", expected: "stock or flow", found: "\"\(text)\""))
      }
    }
    let caveat = string(entry, "caveat", required: false)?.0
    guard let id, let label, !dimensions.isEmpty, let nature else { return nil }
    return MeasureDefinition(
      id: id, label: label, dimensions: dimensions, units: allowed, nature: nature, caveat: caveat, location: entry.location)
  }

  mutating func place(_ entry: Entry) -> (Place, SourceLocation, SourceLocation?)? {
    checkKnownFields(entry, Self.placeFields)
    let name = word(entry)
    let kind = string(entry, "kind")?.0
    let aliases = strings(entry, "aliases", expected: "a list of other names")
    let parent = word(entry, "parent", required: false)
    let code = string(entry, "code", required: false)?.0
    guard let (name, location) = name, let kind else { return nil }
    return (Place(id: name, kind: kind, aliases: aliases, parent: parent?.0, code: code), location, parent?.1)
  }

  /// Every name and alias means one place; every parent is a place; no place lies inside itself.
  mutating func checkNames(_ vocabulary: Vocabulary, _ places: [(Place, SourceLocation, SourceLocation?)]) {
    var owner: [String: String] = [:]
    for (place, location, _) in places {
      for name in [place.id] + place.aliases {
        if let other = owner[name] {
          errors.append(
            DatasetError(
              at: location, field: name == place.id ? "id" : "aliases", expected: "a name no other place uses",
              found: "\"\(name)\", already a name of \(other)"))
        }
        owner[name] = place.id
      }
    }
    for (place, location, parentLocation) in places {
      guard let parent = place.parent else { continue }
      if vocabulary.place(parent) == nil {
        errors.append(
          DatasetError(
            at: parentLocation ?? location, field: "parent",
            expected: "a place declared under places" + Suggestion.didYouMean(parent, among: vocabulary.places.map(\.id)),
            found: "\"\(parent)\""))
      } else if vocabulary.place(parent, isWithin: place.id) {
        errors.append(
          DatasetError(
            at: parentLocation ?? location, field: "parent", expected: "a place that does not lie inside \(place.id)",
            found: "\"\(parent)\", which does"))
      }
    }
  }

  /// A place field of an entry, by name or alias: its canonical name, or nil with the error recorded.
  mutating func place(_ entry: Entry, _ key: String) -> [String] {
    guard let (node, _) = entry.value(key), !Self.isNull(node) else { return [] }
    let items: [Node]
    if case .sequence(let sequence) = node { items = Array(sequence) } else { items = [node] }
    var result: [String] = []
    for item in items {
      guard case .scalar(let scalar) = item, !Self.isNull(item) else {
        report(item, or: entry.location, key, "a place or a list of places", Self.describe(item))
        continue
      }
      let text = scalar.string.trimmingWhitespace()
      guard vocabularyRead else {
        result.append(text)
        continue
      }
      guard let place = vocabulary.place(text) else {
        let names = vocabulary.places.flatMap { [$0.id] + $0.aliases }
        report(
          item, or: entry.location, key, "a place declared in vocabulary.yaml" + Suggestion.didYouMean(text, among: names),
          "\"\(text)\"")
        continue
      }
      result.append(place.id)
    }
    return result
  }
}
