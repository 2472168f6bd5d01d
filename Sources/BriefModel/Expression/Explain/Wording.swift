/// The words of the method text, built from the evaluated formula, so that the Methods section
/// of a brief says what was computed: "93,300 divided by one plus 17%".
enum Wording {
  static func binary(_ op: BinaryOperator) -> String {
    switch op {
    case .plus: return "plus"
    case .minus: return "minus"
    case .times: return "times"
    case .divided: return "divided by"
    }
  }

  static func pair(_ function: String, _ a: String, _ b: String) -> String {
    switch function {
    case "growth": return "the growth from \(b) to \(a)"
    case "change": return "the change from \(b) to \(a)"
    case "share": return "\(a) as a share of \(b)"
    default: return "the ratio of \(a) to \(b)"
    }
  }

  static func aggregate(_ function: String, _ values: [Quantity]) -> String {
    let ids = values.flatMap { $0.provenance.estimates.isEmpty ? $0.provenance.observations : [$0.provenance.estimates[0]] }
    let what = ["sum": "the sum", "min": "the lowest", "max": "the highest", "median": "the median", "hull": "the range"][function] ?? function
    return "\(what) of \(values.count) figure\(values.count == 1 ? "" : "s") (\(ids.joined(separator: ", ")))"
  }

  static func divisorMayBeZero(_ divisor: Quantity) -> String {
    "the divisor, \(divisor.words), may be zero, so no upper bound"
  }

  /// The method sentence: "As reported." for a figure restated as it is, else the words.
  static func method(_ q: Quantity, restated: Bool) -> String {
    if restated { return "As reported." }
    guard let first = q.words.first else { return "" }
    return first.uppercased() + q.words.dropFirst() + "."
  }
}
