/// Makes Cairo's SVG ids independent of the process's history.
///
/// Cairo 1.16 numbers SVG surfaces, glyphs, clips and patterns from counters
/// shared by the whole process, so the same drawing gives a different file
/// depending on what was rendered before it. Renumbering every id of the form
/// `PREFIX` + digits (`surface12`, `glyph3-7`, `clip5`) in order of first
/// appearance, per prefix, gives the same bytes every time. Glyph ids keep their
/// glyph part and renumber their font part.
///
/// One pass over the bytes: an id is recognised after `id="` or `#`.
enum SVGIds {
  static let prefixes: [[UInt8]] = ["surface", "glyph", "clip", "mask", "pattern", "image", "source", "filter", "linear-pattern", "radial-pattern"]
    .map { Array($0.utf8) }
    .sorted { $0.count > $1.count }  // longest first, so "linear-pattern" wins over "pattern"

  static func normalise(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var mapping: [[UInt8]: [UInt8]] = [:]
    var counters: [[UInt8]: Int] = [:]
    var fonts: [[UInt8]: [UInt8]] = [:]
    let idLead = Array("id=\"".utf8)
    var i = 0
    let n = bytes.count
    while i < n {
      // A lead: `id="` or `#`.
      var leadEnd = -1
      if bytes[i] == UInt8(ascii: "#") {
        leadEnd = i + 1
      } else if bytes[i] == UInt8(ascii: "i"), i + idLead.count <= n, bytes[i..<(i + idLead.count)].elementsEqual(idLead) {
        leadEnd = i + idLead.count
      }
      guard leadEnd >= 0, let prefix = prefixes.first(where: { p in leadEnd + p.count <= n && bytes[leadEnd..<(leadEnd + p.count)].elementsEqual(p) }) else {
        out.append(bytes[i])
        i += 1
        continue
      }
      // Digits, and for glyphs a dash and more digits.
      var j = leadEnd + prefix.count
      let numberStart = j
      while j < n, (48...57).contains(bytes[j]) { j += 1 }
      guard j > numberStart else {
        out.append(bytes[i])
        i += 1
        continue
      }
      var fontPart = Array(bytes[numberStart..<j])
      var glyphPart: [UInt8] = []
      if j + 1 < n, bytes[j] == UInt8(ascii: "-"), (48...57).contains(bytes[j + 1]) {
        var k = j + 1
        while k < n, (48...57).contains(bytes[k]) { k += 1 }
        glyphPart = Array(bytes[j..<k])
        j = k
      }
      let old = prefix + fontPart + glyphPart
      let new: [UInt8]
      if let known = mapping[old] {
        new = known
      } else if prefix == Array("glyph".utf8) && !glyphPart.isEmpty {
        if let f = fonts[fontPart] {
          fontPart = f
        } else {
          let f = Array(String(fonts.count).utf8)
          fonts[fontPart] = f
          fontPart = f
        }
        new = prefix + fontPart + glyphPart
        mapping[old] = new
      } else {
        let c = counters[prefix, default: 0]
        counters[prefix] = c + 1
        new = prefix + Array(String(c).utf8)
        mapping[old] = new
      }
      out.append(contentsOf: bytes[i..<leadEnd])
      out.append(contentsOf: new)
      i = j
    }
    return out
  }
}
