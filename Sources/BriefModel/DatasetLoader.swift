import Foundation
import Yams

/// Loads the dataset's YAML files and validates them, collecting every problem.
///
/// `vocabulary.yaml` declares the measures, count units and places the others use (a mapping of
/// three lists); `sources.yaml`, `observations.yaml`, `events.yaml` and `rates.yaml` each hold a
/// YAML sequence of mappings, one per entry, and so does the optional `derived.yaml` (the derived
/// statistics, checked by running them through ``Engine``).
/// Loading never stops at the first problem: every syntax error, wrong type,
/// missing or unknown field, bad value, unknown reference and duplicate id is
/// reported, each at its file, line and column.
///
/// ```swift
/// switch DatasetLoader.load(directory: "seeds") {
/// case .success(let dataset): print(dataset.observations.count)
/// case .failure(let problems): problems.errors.forEach { print($0) }
/// }
/// ```
public enum DatasetLoader {
  /// The file names inside the data directory.
  public enum FileName {
    /// Sources.
    public static let sources = "sources.yaml"
    /// Observations.
    public static let observations = "observations.yaml"
    /// Events.
    public static let events = "events.yaml"
    /// Exchange rates.
    public static let rates = "rates.yaml"
    /// Measures, count units and places.
    public static let vocabulary = "vocabulary.yaml"
    /// Derived statistics (optional: without it the dataset has no derived estimates).
    public static let derived = "derived.yaml"
  }

  /// Loads and validates `directory`; fails with every problem found.
  public static func load(directory: String) -> Result<Dataset, DatasetErrors> {
    var (dataset, errors) = loadCollectingErrors(directory: directory)
    // Drafts are known by id, so a brief that names one is told why it cannot cite it; their
    // problems are `brief check`'s to report.
    if errors.isEmpty { dataset.drafts = InboxCheck.check(directory: directory, dataset: dataset).drafts }
    return errors.isEmpty ? .success(dataset) : .failure(DatasetErrors(errors))
  }

  /// Reads `derived.yaml` from `data` into `dataset` (replacing its derivations) and runs them:
  /// the dataset with the derivations that could be read, and every problem found. Lets a fuzzer
  /// or a test vary the derivations without reading the other files again.
  public static func withDerivations(_ dataset: Dataset, yaml data: Data, file: String) -> (Dataset, [DatasetError]) {
    var reader = EntryReader()
    reader.vocabulary = dataset.vocabulary
    var copy = dataset
    copy.derivations = reader.derivations(path: file) { path in
      guard path == file else { throw InputFileError.missing(path) }
      return [UInt8](data)
    }
    var errors = reader.errors
    if errors.isEmpty { errors += Engine.run(copy).errors }
    errors.sort { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    return (copy, errors)
  }

  /// Loads what can be loaded and returns it with every problem found, sorted by
  /// file, line and column.
  ///
  /// `read` gives a file's bytes: by default ``InputFile/read(_:limit:)`` from disk, each file at
  /// most ``InputFile/maxDatasetBytes``.
  public static func loadCollectingErrors(
    directory: String, reading read: (String) throws -> [UInt8] = { try InputFile.read($0, limit: InputFile.maxDatasetBytes) }
  ) -> (Dataset, [DatasetError]) {
    var reader = EntryReader()
    var dataset = Dataset()
    func path(_ name: String) -> String {
      directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
    dataset.vocabulary = reader.vocabulary(path: path(FileName.vocabulary), reading: read)
    reader.vocabulary = dataset.vocabulary
    for entry in reader.entries(path: path(FileName.sources), collection: "sources", reading: read) {
      if let source = reader.source(entry) { dataset.sources.append(source) }
    }
    for entry in reader.entries(path: path(FileName.observations), collection: "observations", reading: read) {
      if let observation = reader.observation(entry) { dataset.observations.append(observation) }
    }
    for entry in reader.entries(path: path(FileName.events), collection: "events", reading: read) {
      if let event = reader.event(entry) { dataset.events.append(event) }
    }
    for entry in reader.entries(path: path(FileName.rates), collection: "rates", reading: read) {
      if let rate = reader.rate(entry) { dataset.rates.append(rate) }
    }
    // derived.yaml is optional: a dataset without it has no derived estimates.
    let derivedPath = path(FileName.derived)
    let derivedMissing: Bool
    do {
      _ = try read(derivedPath)
      derivedMissing = false
    } catch let error as InputFileError {
      derivedMissing = error.isMissing
    } catch {
      derivedMissing = false
    }
    if !derivedMissing { dataset.derivations = reader.derivations(path: derivedPath, reading: read) }
    var errors = reader.errors
    errors += Validator.crossCheck(dataset, idLocations: reader.idLocations, sourceRefs: reader.sourceRefs)
    if errors.isEmpty {
      // Derivations run on a valid dataset only: their messages would otherwise repeat the data's.
      errors += Engine.run(dataset).errors
    }
    errors.sort { ($0.file, $0.line, $0.column) < ($1.file, $1.line, $1.column) }
    return (dataset, errors)
  }

  /// Loads the files from memory, as tests and fuzzers give them: `contents` gives a file's
  /// bytes, nil for a file that is not there.
  public static func loadCollectingErrors(directory: String, contents: (String) -> Data?) -> (Dataset, [DatasetError]) {
    loadCollectingErrors(directory: directory) { (path: String) throws -> [UInt8] in
      guard let data = contents(path) else { throw InputFileError.missing(path) }
      return [UInt8](data)
    }
  }
}

/// One mapping entry of a file, with its keys.
struct Entry {
  var file: String
  var location: SourceLocation
  var fields: [(key: String, keyMark: Mark?, value: Node)]

  func value(_ key: String) -> (Node, Mark?)? {
    fields.first { $0.key == key }.map { ($0.value, $0.keyMark) }
  }
}

/// Reads entries and fields, accumulating errors instead of throwing.
struct EntryReader {
  var errors: [DatasetError] = []
  /// The measures, units and places entries are checked against.
  var vocabulary = Vocabulary()
  /// Whether `vocabulary.yaml` could be read: without it, words are taken as written, so its one
  /// error is not buried under one per measure, unit and place.
  var vocabularyRead = true
  /// Fields an observation may have besides its own: a draft's `confidence` and `review`.
  var extraObservationFields: [String] = []
  /// Every id with where it was declared, for duplicate checks.
  var idLocations: [(id: String, location: SourceLocation)] = []
  /// Every source reference with the location of its value.
  var sourceRefs: [(id: String, location: SourceLocation)] = []

  mutating func report(_ node: Node?, or fallback: SourceLocation, _ field: String, _ expected: String, _ found: String) {
    let location = node.map { self.location(of: $0, file: fallback.file, fallback: fallback) } ?? fallback
    errors.append(DatasetError(at: location, field: field, expected: expected, found: found))
  }

  func location(of node: Node, file: String, fallback: SourceLocation? = nil) -> SourceLocation {
    if let mark = node.mark {
      return SourceLocation(file: file, line: Swift.max(mark.line, 1), column: Swift.max(mark.column, 1))
    }
    return fallback ?? SourceLocation(file: file, line: 1, column: 1)
  }

  static func describe(_ node: Node) -> String { node.foundDescription }

  static func isNull(_ node: Node) -> Bool { node.isNull }

  /// The root of a file, or nil (with the error recorded) when it cannot be read or is empty.
  mutating func root(path: String, collection: String, reading read: (String) throws -> [UInt8]) -> Node? {
    let document: YAMLDocument
    switch YAMLDocument.read(path: path, reading: read) {
    case .success(let value): document = value
    case .failure(let error):
      errors.append(error)
      return nil
    }
    guard let root = document.root else {
      errors.append(
        DatasetError(
          at: SourceLocation(file: path, line: 1, column: 1), field: collection, expected: "a list of \(collection)",
          found: "an empty file"))
      return nil
    }
    return root
  }

  /// The entries of a file: a list of mappings.
  mutating func entries(path: String, collection: String, reading read: (String) throws -> [UInt8]) -> [Entry] {
    guard let root = root(path: path, collection: collection, reading: read) else { return [] }
    return entries(root, path: path, collection: collection)
  }

  /// The entries of a list of mappings.
  mutating func entries(_ root: Node, path: String, collection: String) -> [Entry] {
    let fileStart = SourceLocation(file: path, line: 1, column: 1)
    guard case .sequence(let sequence) = root else {
      report(root, or: fileStart, collection, "a list of \(collection) (entries starting with '- ')", Self.describe(root))
      return []
    }
    var result: [Entry] = []
    for item in sequence {
      let location = self.location(of: item, file: path)
      guard case .mapping(let mapping) = item else {
        report(item, or: location, collection, "an entry with fields (a mapping)", Self.describe(item))
        continue
      }
      var fields: [(key: String, keyMark: Mark?, value: Node)] = []
      for (key, value) in mapping {
        guard case .scalar(let scalar) = key else {
          report(key, or: location, collection, "a field name", Self.describe(key))
          continue
        }
        fields.append((scalar.string, key.mark, value))
      }
      result.append(Entry(file: path, location: location, fields: fields))
    }
    return result
  }

  // MARK: - Field accessors

  mutating func checkKnownFields(_ entry: Entry, _ known: [String]) {
    for field in entry.fields where !known.contains(field.key) {
      let location = field.keyMark.map {
        SourceLocation(file: entry.file, line: Swift.max($0.line, 1), column: Swift.max($0.column, 1))
      } ?? entry.location
      errors.append(
        DatasetError(
          at: location, field: field.key, expected: "one of the fields " + known.joined(separator: ", "),
          found: "an unknown field '\(field.key)'"))
    }
  }

  /// A required or optional scalar text.
  mutating func string(_ entry: Entry, _ key: String, required: Bool = true) -> (String, SourceLocation)? {
    guard let (node, _) = entry.value(key), !Self.isNull(node) else {
      if required {
        errors.append(
          DatasetError(at: entry.location, field: key, expected: "a value for '\(key)'", found: "the field missing"))
      }
      return nil
    }
    guard case .scalar(let scalar) = node else {
      report(node, or: entry.location, key, "a single value (text or number)", Self.describe(node))
      return nil
    }
    let text = scalar.string.trimmingWhitespace()
    let location = self.location(of: node, file: entry.file, fallback: entry.location)
    if text.isEmpty {
      if required {
        errors.append(DatasetError(at: location, field: key, expected: "a value for '\(key)'", found: "an empty text"))
      }
      return nil
    }
    return (text, location)
  }

  /// A list of texts; a missing field is an empty list; with `scalarAllowed`, one text is a list of one.
  mutating func strings(_ entry: Entry, _ key: String, expected: String, scalarAllowed: Bool = false) -> [String] {
    guard let (node, _) = entry.value(key), !Self.isNull(node) else { return [] }
    if scalarAllowed, case .scalar(let scalar) = node { return [scalar.string.trimmingWhitespace()] }
    guard case .sequence(let sequence) = node else {
      report(node, or: entry.location, key, expected, Self.describe(node))
      return []
    }
    var result: [String] = []
    for item in sequence {
      guard case .scalar(let scalar) = item, !Self.isNull(item) else {
        report(item, or: entry.location, key, "a text in the list", Self.describe(item))
        continue
      }
      result.append(scalar.string)
    }
    return result
  }

  /// An id: letters, digits and "-", starting with a letter or digit.
  mutating func id(_ entry: Entry) -> String? {
    guard let (text, location) = string(entry, "id") else { return nil }
    let valid = text.first.map { $0.isASCII && ($0.isLetter || $0.isNumber) } ?? false
      && text.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == ".") }
    guard valid else {
      errors.append(
        DatasetError(
          at: location, field: "id", expected: "an id of lowercase letters, digits, '-' and '.'",
          found: "\"\(text)\""))
      return nil
    }
    idLocations.append((text, location))
    return text
  }

  mutating func date(_ entry: Entry, _ key: String, required: Bool = true) -> EDTFDate? {
    guard let (text, location) = string(entry, key, required: required) else { return nil }
    do {
      return try EDTFDate.parse(text)
    } catch let error as EDTFDate.ParseError {
      errors.append(DatasetError(at: location, field: key, expected: error.expected, found: error.found))
    } catch {
      errors.append(DatasetError(at: location, field: key, expected: EDTFDate.syntaxDescription, found: "\"\(text)\""))
    }
    return nil
  }

  mutating func reportedValue(_ entry: Entry, _ key: String) -> (ReportedValue, SourceLocation)? {
    guard let (text, location) = string(entry, key) else { return nil }
    do {
      return (try ReportedValue.parse(text), location)
    } catch let error as ReportedValue.ParseError {
      errors.append(DatasetError(at: location, field: key, expected: error.expected, found: error.found))
    } catch {
      errors.append(
        DatasetError(at: location, field: key, expected: ReportedValue.syntaxDescription, found: "\"\(text)\""))
    }
    return nil
  }

  mutating func sourceRef(_ entry: Entry) -> String? {
    guard let (text, location) = string(entry, "source") else { return nil }
    sourceRefs.append((text, location))
    return text
  }

  mutating func currency(_ entry: Entry, _ key: String) -> Currency? {
    guard let (text, location) = string(entry, key) else { return nil }
    guard let currency = Currency(rawValue: text) else {
      errors.append(
        DatasetError(
          at: location, field: key,
          expected: "a known currency (" + Currency.allCases.map(\.rawValue).joined(separator: ", ") + ")",
          found: "\"\(text)\""))
      return nil
    }
    return currency
  }

  // MARK: - Entries

  static let sourceFields = ["id", "kind", "outlet", "headline", "authors", "published", "language", "file", "url", "note"]

  mutating func source(_ entry: Entry) -> Source? {
    checkKnownFields(entry, Self.sourceFields)
    let id = self.id(entry)
    var kind = Source.Kind.article
    if let (text, location) = string(entry, "kind", required: false) {
      if let parsed = Source.Kind(rawValue: text) {
        kind = parsed
      } else {
        errors.append(
          DatasetError(at: location, field: "kind", expected: "article or data", found: "\"\(text)\""))
      }
    }
    let outlet = string(entry, "outlet")?.0
    let headline = string(entry, "headline", required: false)?.0
    let authors = strings(entry, "authors", expected: "a list of names")
    let published = date(entry, "published")
    let language = string(entry, "language")?.0
    let file = string(entry, "file", required: false)?.0
    let url = string(entry, "url", required: false)?.0
    guard let id, let outlet, let published, let language else { return nil }
    return Source(
      id: id, kind: kind, outlet: outlet, headline: headline, authors: authors, published: published,
      language: language, file: file, url: url, location: entry.location)
  }

  static let observationFields = [
    "id", "measure", "value", "unit", "period", "origin", "destination", "destination-place", "sector",
    "job", "relative-to", "source", "attribution", "note", "quote",
  ]

  /// `quote: {file: F, sentence: [start, end], figure: [start, end]}`: offsets in Unicode scalars,
  /// start <= end, the figure inside the sentence.
  mutating func quote(_ entry: Entry) -> Quote? {
    guard let (node, _) = entry.value("quote"), !Self.isNull(node) else { return nil }
    let expected = "a quote {file: F, sentence: [start, end], figure: [start, end]}"
    guard case .mapping(let mapping) = node else {
      report(node, or: entry.location, "quote", expected, Self.describe(node))
      return nil
    }
    var file: String?
    var spans: [String: Range<Int>] = [:]
    for (key, value) in mapping {
      let name = key.scalar?.string ?? ""
      switch name {
      case "file":
        guard case .scalar(let scalar) = value, !scalar.string.isEmpty else {
          report(value, or: entry.location, "quote.file", "the article's file name", Self.describe(value))
          return nil
        }
        file = scalar.string
      case "sentence", "figure":
        guard case .sequence(let items) = value, items.count == 2,
          let a = items[0].scalar.flatMap({ Int($0.string) }), let b = items[1].scalar.flatMap({ Int($0.string) }), a >= 0, a <= b
        else {
          report(value, or: entry.location, "quote.\(name)", "two offsets [start, end], 0 <= start <= end", Self.describe(value))
          return nil
        }
        spans[name] = a..<b
      default:
        report(key, or: entry.location, "quote", "the fields file, sentence, figure", "an unknown field '\(name)'")
        return nil
      }
    }
    guard let file, let sentence = spans["sentence"], let figure = spans["figure"] else {
      report(node, or: entry.location, "quote", expected, "a field missing")
      return nil
    }
    guard sentence.lowerBound <= figure.lowerBound, figure.upperBound <= sentence.upperBound else {
      report(node, or: entry.location, "quote.figure", "offsets inside the sentence's", "[\(figure.lowerBound), \(figure.upperBound)]")
      return nil
    }
    return Quote(file: file, sentence: sentence, figure: figure)
  }

  mutating func observation(_ entry: Entry) -> Observation? {
    checkKnownFields(entry, Self.observationFields + extraObservationFields)
    let id = self.id(entry)
    var measure: MeasureDefinition?
    if let (text, location) = string(entry, "measure") {
      measure = vocabulary.measure(text)
        ?? (vocabularyRead ? nil : MeasureDefinition(id: text, label: text, dimensions: MeasureDefinition.Dimension.allCases, nature: .stock))
      if measure == nil {
        errors.append(
          DatasetError(
            at: location, field: "measure",
            expected: "a measure declared in vocabulary.yaml" + Suggestion.didYouMean(text, among: vocabulary.measures.map(\.id)),
            found: "\"\(text)\""))
      }
    }
    let value = reportedValue(entry, "value")
    var unit: Unit?
    var unitLocation = entry.location
    if let (text, location) = string(entry, "unit") {
      unitLocation = location
      unit = Unit(text, countNouns: vocabulary.units) ?? (vocabularyRead ? nil : Unit(spelled: text))
      if unit == nil {
        if Unit.looksLikeCurrency(text) {
          errors.append(
            DatasetError(
              at: location, field: "unit",
              expected: "a known currency (" + Currency.allCases.map(\.rawValue).joined(separator: ", ")
                + "), optionally per day/week/month/year",
              found: "\"\(text)\""))
        } else {
          errors.append(
            DatasetError(
              at: location, field: "unit",
              expected: Unit.knownUnitsDescription(countNouns: vocabulary.units) + Suggestion.didYouMean(text, among: vocabulary.units.map(\.id)),
              found: "\"\(text)\""))
        }
      }
    }
    let period = date(entry, "period")
    let origins = place(entry, "origin")
    let destinations = place(entry, "destination")
    let destinationPlaces = place(entry, "destination-place")
    for (key, places) in [("destination", destinations), ("destination-place", destinationPlaces)] where places.count > 1 {
      report(entry.value(key)?.0, or: entry.location, key, "one place", "a list of \(places.count)")
    }
    let destination = destinations.first, destinationPlace = destinationPlaces.first
    if vocabularyRead, let destination, let destinationPlace, !vocabulary.place(destinationPlace, isWithin: destination) {
      report(
        entry.value("destination-place")?.0, or: entry.location, "destination-place", "a place inside the destination \(destination)",
        "\"\(destinationPlace)\"")
    }
    let sector = string(entry, "sector", required: false)?.0
    let job = string(entry, "job", required: false)?.0
    let relativeTo = string(entry, "relative-to", required: false)?.0
    let source = sourceRef(entry)
    let attribution = string(entry, "attribution", required: false)?.0
    let note = string(entry, "note", required: false)?.0
    let quote = self.quote(entry)

    guard let id, let measure, let (reported, valueLocation) = value, let unit, let period, let source else {
      return nil
    }
    // The unit must suit the measure.
    if let expected = measure.problem(with: unit) {
      errors.append(DatasetError(at: unitLocation, field: "unit", expected: expected, found: "\"\(unit)\""))
    }
    // The value must suit its unit: natural limits, and whole numbers for counts.
    var limited = reported
    if let expected = unit.problem(with: reported) {
      errors.append(DatasetError(at: valueLocation, field: "value", expected: expected, found: "\"\(reported)\""))
    } else {
      limited = reported.limited(to: unit.naturalLimits)
    }
    if case .percent = unit { limited.isPercent = true }
    return Observation(
      id: id, measure: Measure(measure.id), value: limited, unit: unit, period: period, origins: origins,
      destination: destination, destinationPlace: destinationPlace, sector: sector, job: job,
      relativeTo: relativeTo, source: source, attribution: attribution, note: note, location: entry.location, quote: quote)
  }

  static let eventFields = ["id", "date", "title", "category", "places", "source", "note"]

  mutating func event(_ entry: Entry) -> Event? {
    checkKnownFields(entry, Self.eventFields)
    let id = self.id(entry)
    let date = self.date(entry, "date")
    let title = string(entry, "title")?.0
    let category = string(entry, "category", required: false)?.0
    let places = place(entry, "places")
    let source = sourceRef(entry)
    let note = string(entry, "note", required: false)?.0
    guard let id, let date, let title, let source else { return nil }
    return Event(
      id: id, date: date, title: title, category: category, places: places, source: source, note: note,
      location: entry.location)
  }

  static let rateFields = ["id", "base", "quote", "rate", "date", "source", "note"]

  mutating func rate(_ entry: Entry) -> ExchangeRate? {
    checkKnownFields(entry, Self.rateFields)
    let id = self.id(entry)
    let base = currency(entry, "base")
    let quote = currency(entry, "quote")
    let rate = reportedValue(entry, "rate")
    let date = self.date(entry, "date")
    let source = sourceRef(entry)
    let note = string(entry, "note", required: false)?.0
    guard let id, let base, let quote, let (value, rateLocation) = rate, let date, let source else { return nil }
    if let low = value.interval.low, low > 0, value.interval.high != nil {
      // fine
    } else {
      errors.append(
        DatasetError(
          at: rateLocation, field: "rate", expected: "a positive rate with both ends bounded",
          found: "\"\(value)\""))
      return nil
    }
    if base == quote {
      errors.append(
        DatasetError(
          at: entry.location, field: "quote", expected: "a currency other than the base \(base.rawValue)",
          found: "\"\(quote.rawValue)\""))
    }
    return ExchangeRate(
      id: id, base: base, quote: quote, rate: value, date: date, source: source, note: note,
      location: entry.location)
  }
}

extension Node {
  /// A short description of a node for an error's "found …" part: the text of a
  /// scalar in quotes (cut at 60 characters), or what kind of node it is.
  public var foundDescription: String {
    switch self {
    case .scalar(let scalar):
      if isNull { return "nothing (null)" }
      let text = scalar.string.count > 60 ? String(scalar.string.prefix(57)) + "..." : scalar.string
      return "\"\(text)\""
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
  }

  /// Whether the node is YAML's null: empty, `~` or `null` unquoted.
  public var isNull: Bool {
    guard case .scalar(let scalar) = self else { return false }
    return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
  }

  /// The node's position as a location in `file`, 1-based; the file's start when the node has no mark.
  public func location(in file: String) -> SourceLocation {
    SourceLocation(file: file, line: Swift.max(mark?.line ?? 1, 1), column: Swift.max(mark?.column ?? 1, 1))
  }
}
