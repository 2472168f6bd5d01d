import BriefModel
import Foundation

/// Renders an ``AnalysisResult`` for `brief stats`: a readable table or JSON.
enum StatsReport {
  /// JSON: `{"estimates": [{id, label, low, high, estimate, unit, formula, inputs, method, caveats, facets}], "conflicts": [...]}`.
  ///
  /// Open ends and missing estimates are `null`. Keys are sorted; output is deterministic.
  static func json(_ result: AnalysisResult) throws -> String {
    struct EstimateDTO: Encodable {
      var id: String
      var label: String
      var low: Double?
      var high: Double?
      var estimate: Double?
      var unit: String
      var formula: String
      var inputs: [String]
      var method: String
      var caveats: [String]
      var facets: [String: String]
      var kind: String?
      var text: String

      func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(label, forKey: .label)
        try c.encode(low, forKey: .low)
        try c.encode(high, forKey: .high)
        try c.encode(estimate, forKey: .estimate)
        try c.encode(unit, forKey: .unit)
        try c.encode(formula, forKey: .formula)
        try c.encode(inputs, forKey: .inputs)
        try c.encode(method, forKey: .method)
        try c.encode(caveats, forKey: .caveats)
        try c.encode(facets, forKey: .facets)
        try c.encode(kind, forKey: .kind)
        try c.encode(text, forKey: .text)
      }
      enum CodingKeys: String, CodingKey {
        case id, label, low, high, estimate, unit, formula, inputs, method, caveats, facets, kind, text
      }
    }
    struct ConflictDTO: Encodable {
      var id: String
      var measure: String
      var destination: String?
      var observations: [String]
      var sources: [String]
      var unit: String
      var lows: [Double?]
      var highs: [Double?]
      var summary: String
      var repeats: Int
    }
    struct AgreementDTO: Encodable {
      var id: String
      var measure: String
      var observations: [String]
      var sources: [String]
      var summary: String
    }
    struct Top: Encodable {
      var estimates: [EstimateDTO]
      var conflicts: [ConflictDTO]
      var agreements: [AgreementDTO]
    }
    let top = Top(
      estimates: result.estimates.map {
        EstimateDTO(
          id: $0.id, label: $0.label, low: round($0.interval.low), high: round($0.interval.high),
          estimate: round($0.estimate), unit: $0.unit, formula: $0.formula, inputs: $0.inputs, method: $0.method, caveats: $0.caveats,
          facets: $0.facets, kind: $0.kind?.rawValue, text: $0.formatted(maxDecimals: 2))
      },
      conflicts: result.conflicts.map {
        ConflictDTO(
          id: $0.id, measure: $0.measure.rawValue, destination: $0.destination, observations: $0.observations,
          sources: $0.sources, unit: $0.unit, lows: $0.intervals.map { round($0.low) },
          highs: $0.intervals.map { round($0.high) }, summary: $0.summary, repeats: $0.repeats)
      },
      agreements: result.agreements.map {
        AgreementDTO(id: $0.id, measure: $0.measure.rawValue, observations: $0.observations, sources: $0.sources, summary: $0.summary)
      })
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(top)
    return String(decoding: data, as: UTF8.self)
  }

  /// Rounds to 6 decimals so JSON output does not depend on the last bits of a division.
  static func round(_ x: Double?) -> Double? {
    guard let x, x.isFinite else { return nil }
    return (x * 1e6).rounded() / 1e6
  }

  /// A plain-text table: id, value (estimate and interval), unit; formula, inputs, method and caveats below each row.
  static func table(_ result: AnalysisResult) -> String {
    var lines: [String] = []
    let idWidth = Swift.min(result.estimates.map(\.id.count).max() ?? 2, 48)
    func pad(_ text: String, _ width: Int) -> String {
      text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
    lines.append(pad("ID", idWidth) + "  " + pad("VALUE", 34) + "  UNIT")
    for estimate in result.estimates {
      lines.append(pad(estimate.id, idWidth) + "  " + pad(estimate.formatted(maxDecimals: 2), 34) + "  " + estimate.unit)
      lines.append("    " + estimate.label + ". " + estimate.method + " Inputs: " + estimate.inputs.joined(separator: ", ") + ".")
      if !estimate.formula.isEmpty { lines.append("    formula: " + estimate.formula) }
      for caveat in estimate.caveats { lines.append("    caveat: " + caveat) }
    }
    for (heading, verdicts) in [
      ("CONFLICTS", result.conflicts.map { ($0.id, $0.summary) }), ("AGREEING FIGURES", result.agreements.map { ($0.id, $0.summary) }),
    ] where !verdicts.isEmpty {
      lines += ["", heading]
      for (id, summary) in verdicts { lines += [id, "    " + summary] }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
