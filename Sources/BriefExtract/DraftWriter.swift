import BriefModel

/// Writes drafts as the dataset's YAML: the same bytes for the same drafts, every run.
///
/// Each draft is an observation entry with two fields the inbox adds: `confidence` (of the guessed
/// fields) and `review` (what a reviewer must look at). Guesses below ``Extractor/fillThreshold``
/// are not written as fields, only named under `review`.
public enum DraftWriter {
  public static func yaml(_ drafts: [Draft], file: String, source: String, published: String) -> String {
    var out = "# Draft observations read from \(file) (source \(source), published \(published)) by brief extract.\n"
    out += "# Review each entry against its quote: correct what is wrong, fill what `review` names, then delete\n"
    out += "# its `review` and `confidence` fields. `brief extract --merge` moves every entry without `review`\n"
    out += "# into observations.yaml. Quote offsets count Unicode scalars from the start of the file, [start, end).\n"
    if drafts.isEmpty { return out + "[]\n" }
    for draft in drafts {
      out += "\n" + entry(draft)
    }
    return out
  }

  /// One entry, starting with `- id:`.
  public static func entry(_ d: Draft, withReview: Bool = true) -> String {
    var lines: [String] = []
    func field(_ key: String, _ value: String?) {
      guard let value, !value.isEmpty else { return }
      lines.append("  \(key): \(scalar(value))")
    }
    func filled(_ g: Guess?) -> String? { g.flatMap { $0.confidence >= Extractor.fillThreshold ? $0.value : nil } }
    lines.append("- id: \(scalar(d.id))")
    field("measure", filled(d.measure))
    field("value", d.value.description)
    field("unit", d.unit)
    field("period", d.period)
    field("origin", filled(d.origin))
    field("destination", filled(d.destination))
    field("destination-place", filled(d.destinationPlace))
    field("sector", filled(d.sector))
    field("source", d.source)
    lines.append("  quote: " + quote(d.quote))
    if withReview {
      var confidences: [String] = []
      for (key, guess) in [("measure", d.measure), ("origin", d.origin), ("destination", d.destination),
        ("destination-place", d.destinationPlace), ("sector", d.sector)]
      {
        if let guess { confidences.append("\(key): \(NumberFormat.ascii(guess.confidence))") }
      }
      if !confidences.isEmpty { lines.append("  confidence: {" + confidences.joined(separator: ", ") + "}") }
      if !d.review.isEmpty {
        lines.append("  review:")
        for item in d.review { lines.append("    - " + scalar(item)) }
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  public static func quote(_ q: Quote) -> String {
    "{file: \(scalar(q.file)), sentence: [\(q.sentence.lowerBound), \(q.sentence.upperBound)], figure: [\(q.figure.lowerBound), \(q.figure.upperBound)]}"
  }

  /// A YAML scalar: plain when that reads back as the same text, else double-quoted with escapes.
  public static func scalar(_ text: String) -> String {
    let plainSafe = text.unicodeScalars.allSatisfy { c in
      (c.value >= 0x30 && c.value <= 0x39) || (c.value >= 0x41 && c.value <= 0x5A) || (c.value >= 0x61 && c.value <= 0x7A)
        || c == "-" || c == "." || c == "/" || c == "_" || c == " "
    }
    if plainSafe, let first = text.unicodeScalars.first, first != " ", first != "-" || text.count > 1 && text.dropFirst().first != " ",
      text.last != " ", !["null", "true", "false", "yes", "no", "on", "off", "y", "n"].contains(text.lowercased())
    {
      return text
    }
    var out = "\""
    for c in text.unicodeScalars {
      switch c {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      default:
        if c.value < 0x20 || c.value == 0x7F || (c.value >= 0x80 && c.value < 0xA0) || c.value == 0x2028 || c.value == 0x2029 {
          let hex = String(c.value, radix: 16, uppercase: true)
          out += "\\u" + String(repeating: "0", count: Swift.max(0, 4 - hex.count)) + hex
        } else {
          out.unicodeScalars.append(c)
        }
      }
    }
    return out + "\""
  }
}
