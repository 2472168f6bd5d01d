extension Analysis {
  /// An observation's interval in a unit shared by comparable observations.
  static func comparable(_ observation: Observation, _ dataset: Dataset) -> (Interval, String)? {
    switch observation.unit {
    case .duration(let period):
      return (observation.value.interval * (1 / period.perMonth), "months")
    case .money(_, let period):
      guard let (interval, _, _) = usd(observation, dataset) else { return nil }
      return (interval, period == nil ? "USD" : "USD/month")
    case .count:
      return (observation.value.interval, "count")
    default:
      return (observation.value.interval, observation.unit.description)
    }
  }
}
