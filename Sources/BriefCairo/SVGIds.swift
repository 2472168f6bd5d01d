/// Makes Cairo's SVG ids independent of the process's history.
///
/// Cairo 1.16 numbers SVG surfaces, glyphs, clips and patterns from counters
/// shared by the whole process, so the same drawing gives a different file
/// depending on what was rendered before it. Renumbering every id of the form
/// `PREFIX` + digits (`surface12`, `glyph3-7`, `clip5`) in order of first
/// appearance, per prefix, gives the same bytes every time.
enum SVGIds {
  static func normalise(_ bytes: [UInt8]) -> [UInt8] {
    let text = String(decoding: bytes, as: UTF8.self)
    var mapping: [String: String] = [:]
    var counters: [String: Int] = [:]
    let pattern = /(id="|#)(surface|glyph|clip|mask|pattern|image|source|filter|linear-pattern|radial-pattern)(\d+(?:-\d+)?)/
    let result = text.replacing(pattern) { match -> String in
      let (_, lead, prefix, number) = match.output
      let old = String(prefix) + String(number)
      let new: String
      if let known = mapping[old] {
        new = known
      } else {
        let n = counters[String(prefix), default: 0]
        counters[String(prefix)] = n + 1
        // Glyph ids keep their two-part form: font index, then glyph index.
        if prefix == "glyph" {
          new = "glyph" + renumberGlyph(String(number), mapping: &mapping)
        } else {
          new = String(prefix) + String(n)
        }
        mapping[old] = new
      }
      return String(lead) + new
    }
    return Array(result.utf8)
  }

  /// Renumbers the font part of a `glyphF-G` id, keeping the glyph part.
  private static func renumberGlyph(_ number: String, mapping: inout [String: String]) -> String {
    let parts = number.split(separator: "-", maxSplits: 1)
    guard parts.count == 2 else { return number }
    let fontKey = "font:" + parts[0]
    let font: String
    if let known = mapping[fontKey] {
      font = known
    } else {
      font = String(mapping.keys.filter { $0.hasPrefix("font:") }.count)
      mapping[fontKey] = font
    }
    return font + "-" + parts[1]
  }
}
