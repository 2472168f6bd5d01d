/// A document date for PDF metadata, never read from the clock.
///
/// Builds stay byte-identical: the date comes from `SOURCE_DATE_EPOCH` or from
/// the document itself (a brief's period, a chart's date).
public struct PDFDate: Equatable, Sendable, CustomStringConvertible {
  public var year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int

  public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
    self.year = year
    self.month = month
    self.day = day
    self.hour = hour
    self.minute = minute
    self.second = second
  }

  /// The date written when a document has none of its own: 2000-01-01, fixed so builds stay identical.
  public static let unknown = PDFDate(year: 2000, month: 1, day: 1)

  /// The UTC date of a count of seconds since 1970-01-01T00:00:00Z.
  public init(secondsSinceEpoch s: Int64) {
    let days = s >= 0 ? s / 86_400 : (s - 86_399) / 86_400
    let secs = s - days * 86_400
    // Civil from days, after Howard Hinnant's algorithm.
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
    self.init(
      year: Int(y), month: Int(m), day: Int(d),
      hour: Int(secs / 3600), minute: Int(secs % 3600 / 60), second: Int(secs % 60))
  }

  /// Parses the value of `SOURCE_DATE_EPOCH`: a whole number of seconds.
  /// Returns nil for anything else (the caller reports the bad value).
  public init?(sourceDateEpoch text: String) {
    let trimmed = text.trimmingCharacters(in: " \t\n")
    guard !trimmed.isEmpty, trimmed.allSatisfy({ $0.isASCII && $0.isNumber }),
      let s = Int64(trimmed), s <= 253_402_300_799  // 9999-12-31T23:59:59Z
    else { return nil }
    self.init(secondsSinceEpoch: s)
  }

  /// ISO 8601 in UTC, the form Cairo's PDF metadata takes: `2021-02-01T00:00:00Z`.
  public var description: String {
    func pad(_ v: Int, _ n: Int) -> String {
      let s = String(v)
      return String(repeating: "0", count: max(0, n - s.count)) + s
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))Z"
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: String) -> Substring {
    var s = Substring(self)
    while let f = s.first, set.contains(f) { s.removeFirst() }
    while let l = s.last, set.contains(l) { s.removeLast() }
    return s
  }
}
