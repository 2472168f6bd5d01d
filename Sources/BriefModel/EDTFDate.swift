import Foundation

/// A calendar day in the proleptic Gregorian calendar.
public struct Day: Comparable, Hashable, Sendable, CustomStringConvertible {
  /// The year, 0…9999.
  public var year: Int
  /// The month, 1…12.
  public var month: Int
  /// The day of the month, 1…31.
  public var day: Int

  /// Creates a day; returns `nil` for a day that does not exist (2023-02-29).
  public init?(year: Int, month: Int, day: Int) {
    guard (0...9999).contains(year), (1...12).contains(month),
      day >= 1, day <= Day.daysIn(month: month, year: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Whether `year` has a 29 February.
  public static func isLeapYear(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  /// The number of days in `month` of `year`.
  public static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: return isLeapYear(year) ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  /// Days since 0000-03-01, for differences between days.
  public var ordinal: Int {
    // Shift so the year starts in March: leap days fall at the end.
    let y = month <= 2 ? year - 1 : year
    let m = month <= 2 ? month + 9 : month - 3
    let era = y >= 0 ? y / 400 : (y - 399) / 400
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * m + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra
  }

  /// The number of days from `self` to `other` (negative if `other` is earlier).
  public func days(to other: Day) -> Int { other.ordinal - ordinal }

  /// Orders days chronologically.
  public static func < (lhs: Day, rhs: Day) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// ISO form, `2024-02-29`.
  public var description: String {
    String(format: "%04d-%02d-%02d", year, month, day)
  }
}

/// A date as a report gives it: a year, month, day or season, possibly
/// approximate or uncertain, or an interval between two such dates, possibly open.
///
/// The notation is a subset of EDTF (ISO 8601-2, level 1): `2013`, `2021-01`,
/// `2021-01-15`, `2021-01~` (approximate), `2021?` (uncertain), `2021%` (both),
/// seasons `2024-21` (spring) … `2024-24` (winter), intervals `2017/2019`, and open
/// intervals `../2017` and `2024/..`. Each date covers a span of days from
/// ``earliest`` to ``latest`` (`nil` for an open end).
///
/// Seasons are the northern meteorological ones: spring is March–May, summer
/// June–August, autumn September–November, winter December to February of the
/// following year.
///
/// ```swift
/// let d = try EDTFDate.parse("2024-21")
/// d.earliest  // 2024-03-01
/// d.latest    // 2024-05-31
/// d.displayText  // "spring 2024"
/// ```
public struct EDTFDate: Hashable, Sendable, CustomStringConvertible {
  /// One calendar date of a given precision.
  public struct Point: Hashable, Sendable {
    /// How precise a point is.
    public enum Precision: Hashable, Sendable {
      /// A whole year.
      case year
      /// A season (21 spring … 24 winter).
      case season(Int)
      /// A month.
      case month(Int)
      /// A day.
      case day(month: Int, day: Int)
    }
    /// The year.
    public var year: Int
    /// Year, season, month or day.
    public var precision: Precision
    /// `~`: approximately this date.
    public var isApproximate: Bool
    /// `?`: the source is not sure of this date.
    public var isUncertain: Bool

    /// The first day the point covers.
    public var earliest: Day {
      switch precision {
      case .year: return Day(year: year, month: 1, day: 1) ?? Day.fallback
      case .season(let s): return Day(year: year, month: [3, 6, 9, 12][s - 21], day: 1) ?? Day.fallback
      case .month(let m): return Day(year: year, month: m, day: 1) ?? Day.fallback
      case .day(let m, let d): return Day(year: year, month: m, day: d) ?? Day.fallback
      }
    }

    /// The last day the point covers.
    public var latest: Day {
      switch precision {
      case .year: return Day(year: year, month: 12, day: 31) ?? Day.fallback
      case .season(let s):
        if s == 24 {
          let next = Swift.min(year + 1, 9999)
          return Day(year: next, month: 2, day: Day.daysIn(month: 2, year: next)) ?? Day.fallback
        }
        let lastMonth = [5, 8, 11][s - 21]
        return Day(year: year, month: lastMonth, day: Day.daysIn(month: lastMonth, year: year))
          ?? Day.fallback
      case .month(let m): return Day(year: year, month: m, day: Day.daysIn(month: m, year: year)) ?? Day.fallback
      case .day(let m, let d): return Day(year: year, month: m, day: d) ?? Day.fallback
      }
    }

    /// The EDTF text of the point.
    public var edtf: String {
      var text = String(format: "%04d", year)
      switch precision {
      case .year: break
      case .season(let s): text += "-\(s)"
      case .month(let m): text += String(format: "-%02d", m)
      case .day(let m, let d): text += String(format: "-%02d-%02d", m, d)
      }
      switch (isApproximate, isUncertain) {
      case (true, true): text += "%"
      case (true, false): text += "~"
      case (false, true): text += "?"
      case (false, false): break
      }
      return text
    }

    /// Words: "2013", "Jan 2021", "15 Jan 2021", "spring 2024", with "c. " and "?".
    public var displayText: String {
      var text: String
      switch precision {
      case .year: text = String(year)
      case .season(let s): text = "\(EDTFDate.seasonNames[s - 21]) \(year)"
      case .month(let m): text = "\(EDTFDate.monthNames[m - 1]) \(year)"
      case .day(let m, let d): text = "\(d) \(EDTFDate.monthNames[m - 1]) \(year)"
      }
      if isApproximate { text = "c. " + text }
      if isUncertain { text += "?" }
      return text
    }
  }

  /// A single date, or an interval whose ends may be open (`nil`).
  public enum Form: Hashable, Sendable {
    /// One date.
    case single(Point)
    /// From `start` to `end`; `nil` is open (`..`).
    case interval(start: Point?, end: Point?)
  }

  /// The date's form.
  public var form: Form

  /// Creates a date from its form.
  public init(_ form: Form) { self.form = form }

  /// The first day covered, `nil` for an open start.
  public var earliest: Day? {
    switch form {
    case .single(let p): return p.earliest
    case .interval(let start, _): return start?.earliest
    }
  }

  /// The last day covered, `nil` for an open end.
  public var latest: Day? {
    switch form {
    case .single(let p): return p.latest
    case .interval(_, let end): return end?.latest
    }
  }

  /// Whether any part of the date is marked approximate or uncertain.
  public var isQualified: Bool {
    switch form {
    case .single(let p): return p.isApproximate || p.isUncertain
    case .interval(let s, let e):
      return [s, e].contains { $0.map { $0.isApproximate || $0.isUncertain } ?? false }
    }
  }

  /// Whether the two dates share at least one day (open ends reach forever).
  public func overlaps(_ other: EDTFDate) -> Bool {
    if let latest, let otherEarliest = other.earliest, latest < otherEarliest { return false }
    if let earliest, let otherLatest = other.latest, otherLatest < earliest { return false }
    return true
  }

  /// A representative year: the year of the end, or of the start for open ends.
  public var referenceYear: Int? {
    latest?.year ?? earliest?.year
  }

  /// The EDTF text, as written in the dataset.
  public var description: String {
    switch form {
    case .single(let p): return p.edtf
    case .interval(let s, let e): return (s?.edtf ?? "..") + "/" + (e?.edtf ?? "..")
    }
  }

  /// Words for texts and charts: "Jan 2021", "c. Jan 2021", "spring 2024",
  /// "2017–2019", "until 2017", "since 2024".
  public var displayText: String {
    switch form {
    case .single(let p): return p.displayText
    case .interval(nil, nil): return "any time"
    case .interval(nil, let e?): return "until " + e.displayText
    case .interval(let s?, nil): return "since " + s.displayText
    case .interval(let s?, let e?): return s.displayText + "–" + e.displayText
    }
  }

  static let monthNames = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]
  static let seasonNames = ["spring", "summer", "autumn", "winter"]
}

extension Day {
  /// Never used for valid points; keeps the accessors total without force unwraps.
  static let fallback = Day(uncheckedYear: 0, month: 1, day: 1)

  init(uncheckedYear year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }
}

// MARK: - Parsing

extension EDTFDate {
  /// Why a text is not an EDTF date.
  public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What the parser expected.
    public var expected: String
    /// What it found.
    public var found: String
    /// "expected X, found Y".
    public var description: String { "expected \(expected), found \(found)" }
  }

  /// The accepted forms, for error messages.
  public static let syntaxDescription =
    "an EDTF date like 2013, 2021-01, 2021-01-15, 2021-01~, 2021?, 2024-21, 2017/2019, ../2017 or 2024/.."

  /// Parses the EDTF subset described on the type.
  public static func parse(_ rawText: String) throws -> EDTFDate {
    let text = rawText.trimmingWhitespace(newlines: false)
    if text.contains("/") {
      let parts = text.split(separator: "/", omittingEmptySubsequences: false)
      guard parts.count == 2 else { throw error(rawText) }
      let start = parts[0] == ".." ? nil : try parsePoint(parts[0], rawText)
      let end = parts[1] == ".." ? nil : try parsePoint(parts[1], rawText)
      guard start != nil || end != nil else { throw error(rawText) }
      if let start, let end, end.latest < start.earliest {
        throw ParseError(
          expected: "an interval whose start is not after its end", found: "\"\(rawText)\"")
      }
      return EDTFDate(.interval(start: start, end: end))
    }
    return EDTFDate(.single(try parsePoint(Substring(text), rawText)))
  }

  static func error(_ text: String) -> ParseError {
    ParseError(expected: syntaxDescription, found: text.isEmpty ? "an empty text" : "\"\(text)\"")
  }

  static func parsePoint(_ rawPoint: Substring, _ whole: String) throws -> Point {
    var text = rawPoint
    var approximate = false
    var uncertain = false
    if let last = text.last, "~?%".contains(last) {
      approximate = last == "~" || last == "%"
      uncertain = last == "?" || last == "%"
      text = text.dropLast()
    }
    let fields = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(fields.count),
      fields[0].count == 4, let year = number(fields[0])
    else { throw error(whole) }
    var precision = Point.Precision.year
    if fields.count >= 2 {
      guard fields[1].count == 2, let second = number(fields[1]) else { throw error(whole) }
      if fields.count == 2, (21...24).contains(second) {
        precision = .season(second)
      } else {
        guard (1...12).contains(second) else {
          throw ParseError(
            expected: "a month 01–12 or a season 21–24", found: "\"\(whole)\"")
        }
        precision = .month(second)
        if fields.count == 3 {
          guard fields[2].count == 2, let day = number(fields[2]) else { throw error(whole) }
          guard Day(year: year, month: second, day: day) != nil else {
            throw ParseError(expected: "a day that exists in the calendar", found: "\"\(whole)\"")
          }
          precision = .day(month: second, day: day)
        }
      }
    }
    return Point(year: year, precision: precision, isApproximate: approximate, isUncertain: uncertain)
  }

  static func number(_ text: Substring) -> Int? {
    guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(text)
  }
}
