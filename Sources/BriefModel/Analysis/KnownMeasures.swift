/// The measures the Swift statistics of this folder are written for, by the ids `vocabulary.yaml`
/// declares; they go with those statistics when derivations are declared as data.
extension Measure {
  static let workers = Measure("workers")
  static let workVisas = Measure("work-visas")
  static let workVisaGrowth = Measure("work-visa-growth")
  static let wage = Measure("wage")
  static let wagePromised = Measure("wage-promised")
  static let remittanceQuota = Measure("remittance-quota")
  static let bribe = Measure("bribe")
  static let bribeOffered = Measure("bribe-offered")
  static let bribeRatio = Measure("bribe-ratio")
  static let wageShareKept = Measure("wage-share-kept")
  static let dispatchDuration = Measure("dispatch-duration")
  static let contractTerm = Measure("contract-term")
}
