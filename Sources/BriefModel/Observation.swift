/// One figure from one source: what was measured, its reported value, unit, period,
/// places and the source that reported it.
public struct Observation: Hashable, Sendable {
  /// Stable id (e.g. `ru-workers-2024-10-nis`).
  public var id: String
  /// What is measured: a measure of the dataset's vocabulary.
  public var measure: Measure
  /// The figure as reported.
  public var value: ReportedValue
  /// Its unit.
  public var unit: Unit
  /// The period the figure refers to (not the publication date).
  public var period: EDTFDate
  /// The places in North Korea the workers come from, if given (canonical names of the vocabulary).
  public var origins: [String]
  /// The places they come from as one phrase ("Pyongyang, Pyongan Provinces and Hamgyong Provinces").
  public var origin: String? {
    switch origins.count {
    case 0: return nil
    case 1: return origins[0]
    default: return origins.dropLast().joined(separator: ", ") + " and " + (origins.last ?? "")
    }
  }
  /// The country workers are sent to, if given ("Russia").
  public var destination: String?
  /// A place within the destination ("Siberia", "Vladivostok").
  public var destinationPlace: String?
  /// The sector ("logging", "construction").
  public var sector: String?
  /// The job where the figure is specific to one ("seamstress").
  public var job: String?
  /// For ratios: the place or thing the figure is compared with.
  public var relativeTo: String?
  /// The id of the source.
  public var source: String
  /// Who in the source said it ("South Korea's National Intelligence Service").
  public var attribution: String?
  /// A note in the dataset's own words.
  public var note: String?
  /// Where the entry is written.
  public var location: SourceLocation
  /// Where in an article the figure was reported, when it came from one.
  public var quote: Quote? = nil
}
