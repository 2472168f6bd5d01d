/// Mends the cross-reference table of PDFs written by Cairo 1.16.
///
/// Cairo 1.16 reserves an object for every link annotation's structure element
/// and lists it in the cross-reference table as in use, but never writes it
/// (the structure tree it belongs to is not emitted). Readers cope; `qpdf
/// --check` reports the file as damaged. Turning those entries into free
/// entries, in place and with the same length, gives a valid file without
/// moving a byte: a reference to a free object reads as null, as the PDF
/// specification says.
enum PDFCrossReference {
  /// The file with every in-use entry that points at no such object marked free.
  static func freeUnwrittenObjects(_ pdf: [UInt8]) -> [UInt8] {
    guard let xref = tableStart(pdf) else { return pdf }
    var out = pdf
    var pos = xref + 5  // after "xref\n"
    // Subsections: "first count\n" then count entries of 20 bytes.
    while let (first, count, next) = subsectionHeader(pdf, at: pos) {
      pos = next
      for i in 0..<count {
        let entry = pos + 20 * i
        guard entry + 20 <= pdf.count, pdf[entry + 17] == UInt8(ascii: "n"),
          let offset = Int(String(decoding: pdf[entry..<entry + 10], as: UTF8.self))
        else { continue }
        let number = first + i
        if !objectStarts(pdf, number: number, at: offset) {
          let free = Array("0000000000 00001 f ".utf8) + [pdf[entry + 19]]
          out.replaceSubrange(entry..<entry + 20, with: free)
        }
      }
      pos += 20 * count
    }
    return out
  }

  /// The offset of the "xref" keyword named by the last `startxref`.
  static func tableStart(_ pdf: [UInt8]) -> Int? {
    let key = Array("startxref".utf8)
    var i = pdf.count - key.count
    let limit = max(0, pdf.count - 1024)
    while i >= limit {
      if Array(pdf[i..<i + key.count]) == key {
        var j = i + key.count
        while j < pdf.count, pdf[j] == 10 || pdf[j] == 13 || pdf[j] == 32 { j += 1 }
        var k = j
        while k < pdf.count, (48...57).contains(pdf[k]) { k += 1 }
        guard let offset = Int(String(decoding: pdf[j..<k], as: UTF8.self)), offset + 5 <= pdf.count,
          Array(pdf[offset..<offset + 4]) == Array("xref".utf8)
        else { return nil }
        return offset
      }
      i -= 1
    }
    return nil
  }

  /// Reads "first count" and its line end; nil at "trailer" or anything else.
  static func subsectionHeader(_ pdf: [UInt8], at pos: Int) -> (Int, Int, Int)? {
    var end = pos
    while end < pdf.count, pdf[end] != 10 { end += 1 }
    let parts = String(decoding: pdf[pos..<min(end, pdf.count)], as: UTF8.self).split(separator: " ")
    guard parts.count == 2, let first = Int(parts[0]), let count = Int(parts[1].trimmingCharacters(in: "\r")),
      first >= 0, count >= 0, count < 10_000_000
    else { return nil }
    return (first, count, end + 1)
  }

  static func objectStarts(_ pdf: [UInt8], number: Int, at offset: Int) -> Bool {
    let header = Array("\(number) 0 obj".utf8)
    guard offset >= 0, offset + header.count <= pdf.count else { return false }
    return Array(pdf[offset..<offset + header.count]) == header
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: String) -> Substring {
    var s = self
    while let l = s.last, set.contains(l) { s.removeLast() }
    return s
  }
}
