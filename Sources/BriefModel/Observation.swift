/// One figure from one source: what was measured, its reported value, unit, period,
/// places and the source that reported it.
public struct Observation: Hashable, Sendable {
  /// Stable id (e.g. `ru-workers-2024-10-nis`).
  public var id: String
  /// What is measured; one of ``Measure``.
  public var measure: Measure
  /// The figure as reported.
  public var value: ReportedValue
  /// Its unit.
  public var unit: Unit
  /// The period the figure refers to (not the publication date).
  public var period: EDTFDate
  /// Province or city in North Korea the workers come from, if given.
  public var origin: String?
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
}

/// The quantities the dataset records.
public enum Measure: String, Sendable, CaseIterable, Hashable, Codable {
  /// Workers present in a destination (a headcount).
  case workers
  /// Workers a plan intends to send.
  case workersPlanned = "workers-planned"
  /// People selected for dispatch.
  case selected
  /// People who left for a destination.
  case departed
  /// Work visas issued by the destination.
  case workVisas = "work-visas"
  /// Growth of work visas over the previous year (percent).
  case workVisaGrowth = "work-visa-growth"
  /// A wage paid or earned (money per period).
  case wage
  /// A wage workers were promised, not known to have been paid (money per period).
  /// Kept out of the paid-wage statistics.
  case wagePromised = "wage-promised"
  /// What each worker must hand over for the state per period.
  case remittanceQuota = "remittance-quota"
  /// A bribe paid to be selected.
  case bribe
  /// A bribe offered to be selected, not known to have been paid: an amount
  /// (`USD`) or, where the source gives none, a length of expected pay (`months`).
  case bribeOffered = "bribe-offered"
  /// The ratio of bribes in one place to another.
  case bribeRatio = "bribe-ratio"
  /// The share of wages a worker keeps (percent).
  case wageShareKept = "wage-share-kept"
  /// How long workers stay abroad on a dispatch, or may stay (a limit), renewals
  /// included; see ``contractTerm`` for the length of one contract.
  case dispatchDuration = "dispatch-duration"
  /// The length of one work contract, which may be renewed: not the total time abroad.
  case contractTerm = "contract-term"
  /// Size of the groups workers are organised in.
  case groupSize = "group-size"
  /// People who defected.
  case defections
  /// How long selection takes.
  case selectionTime = "selection-time"
  /// How long replacing workers takes.
  case replacementTime = "replacement-time"
  /// Ages of the people recruited.
  case recruitAge = "recruit-age"

  /// All spellings, for error messages.
  public static var knownDescription: String {
    "a measure: " + allCases.map(\.rawValue).joined(separator: ", ")
  }
}
