/// The functions a formula may call, with their arguments.
public enum Functions {
  /// What an argument must be.
  enum Parameter: Equatable {
    /// A value.
    case value(label: String?)
    /// A selection (`{…}`, `group`, or a `let` bound to one).
    case selection
    /// A period word: day, week, month, year.
    case period
  }

  /// Each function's parameters; `variadic` functions take one selection.
  static let signatures: [String: [Parameter]] = [
    "growth": [.value(label: "new"), .value(label: "old")],
    "change": [.value(label: "new"), .value(label: "old")],
    "ratio": [.value(label: nil), .value(label: nil)],
    "share": [.value(label: "part"), .value(label: "whole")],
    "sum": [.selection],
    "min": [.selection],
    "max": [.selection],
    "hull": [.selection],
    "median": [.selection],
    "usd": [.value(label: nil)],
    "per": [.value(label: nil), .period],
    "nearest": [.selection, .value(label: "to")],
    "implied_prior": [.value(label: "count"), .value(label: "growth")],
  ]

  /// The names, sorted, for messages.
  static var names: [String] { signatures.keys.sorted() }

  /// `growth(new, old)`, for messages.
  static func signature(_ name: String) -> String {
    guard let parameters = signatures[name] else { return name }
    let parts = parameters.map { p -> String in
      switch p {
      case .value(let label?): return label == "to" ? "to: VALUE" : label
      case .value(nil): return "VALUE"
      case .selection: return "SELECTION"
      case .period: return "month"
      }
    }
    return "\(name)(\(parts.joined(separator: ", ")))"
  }
}

/// The fields a selection may test.
public enum SelectionFields {
  /// Every field, in the order messages list them.
  public static let all = [
    "id", "family", "measure", "destination", "origin", "sector", "job", "place", "source", "period", "relative-to",
    "unit", "series", "estimated",
  ]
}
