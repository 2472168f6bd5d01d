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

/// A date as a report gives it: a day, month, season, year, decade or century,
/// possibly approximate or uncertain, or an interval between two such dates whose
/// ends may be open or unknown.
///
/// The notation is EDTF (ISO 8601-2), level 0 and the level 1 features a report
/// needs; the README's "Dates (EDTF)" lists what is supported and what is not:
///
/// - `2013`, `2021-01`, `2021-01-15`; a date and time `1985-04-12T23:20:30`, with `Z`
///   or an offset (`+04:30`, `-04`), which keeps the day as written: a report's day
///   is the precision that matters, and the time only round-trips.
/// - Qualifiers at the end: `2021-01~` (approximate), `2021?` (uncertain), `2021%` (both).
/// - Unspecified digits from the right: `201X` (the 2010s), `19XX` (1900–1999),
///   `2004-XX` (a month in 2004), `1985-04-XX` (a day in April 1985), `1985-XX-XX`.
/// - Seasons `2024-21` (spring) … `2024-24` (winter).
/// - Intervals `2017/2019`; open ends `../2017`, `2024/..` (the period goes on);
///   unknown ends `/2006`, `1985/` (the period ends, the source does not say when).
///
/// Years are 0000–9999: negative years (`-0275`) and years of more than four digits
/// (`Y170000002`) are rejected with a message saying BriefKit does not support them.
///
/// Each date covers a span of days from ``earliest`` to ``latest`` (`nil` for an open
/// or unknown end). Seasons are the northern meteorological ones: spring is
/// March–May, summer June–August, autumn September–November, and winter December
/// to February of the following year ("winter 2010–11").
///
/// For comparisons, ``mayCoincide(with:)`` widens each qualified end by one unit of
/// the span it names (`~` or `?`), two units for `%`: see ``widenedEarliest``.
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
    /// How precise a point is, and which parts the source left unspecified (`X`).
    public enum Precision: Hashable, Sendable {
      /// Some year of a century: `19XX`, 1900–1999 (`year` is the first).
      case century
      /// Some year of a decade: `201X`, 2010–2019 (`year` is the first).
      case decade
      /// A whole year.
      case year
      /// A month of the year, not said which: `2004-XX`.
      case unspecifiedMonth
      /// A season (21 spring … 24 winter).
      case season(Int)
      /// A month.
      case month(Int)
      /// A day of the month, not said which: `1985-04-XX`.
      case unspecifiedDay(month: Int)
      /// A day of the year, not said which: `1985-XX-XX`.
      case unspecifiedMonthAndDay
      /// A day.
      case day(month: Int, day: Int)
    }
    /// The year (the first of a decade or century).
    public var year: Int
    /// Year, season, month or day, and what is unspecified.
    public var precision: Precision
    /// `~`: approximately this date.
    public var isApproximate: Bool
    /// `?`: the source is not sure of this date.
    public var isUncertain: Bool
    /// The time of day after `T`, as written (`23:20:30Z`); only on a day, and only
    /// kept so the text round-trips: the day is the precision BriefKit uses.
    public var time: String? = nil

    /// The first day the point covers.
    public var earliest: Day {
      switch precision {
      case .century, .decade, .year, .unspecifiedMonth, .unspecifiedMonthAndDay:
        return Day.clamped(year: year, month: 1, day: 1)
      case .season(let s): return Day.clamped(year: year, month: [3, 6, 9, 12][s - 21], day: 1)
      case .month(let m), .unspecifiedDay(let m): return Day.clamped(year: year, month: m, day: 1)
      case .day(let m, let d): return Day.clamped(year: year, month: m, day: d)
      }
    }

    /// The last day the point covers.
    public var latest: Day {
      switch precision {
      case .century: return Day.clamped(year: year + 99, month: 12, day: 31)
      case .decade: return Day.clamped(year: year + 9, month: 12, day: 31)
      case .year, .unspecifiedMonth, .unspecifiedMonthAndDay: return Day.clamped(year: year, month: 12, day: 31)
      case .season(let s):
        // Winter ends in February of the next year; the parser refuses winter 9999.
        let (endYear, endMonth) = s == 24 ? (year + 1, 2) : (year, [5, 8, 11][s - 21])
        return Day.lastOfMonth(year: endYear, month: endMonth)
      case .month(let m), .unspecifiedDay(let m): return Day.lastOfMonth(year: year, month: m)
      case .day(let m, let d): return Day.clamped(year: year, month: m, day: d)
      }
    }

    /// How many units a comparison widens the point by: one for `~` or `?`, two for `%`.
    var widening: Int { (isApproximate ? 1 : 0) + (isUncertain ? 1 : 0) }

    /// The unit of the span the point names: days or months.
    var unit: (days: Int, months: Int) {
      switch precision {
      case .day: return (1, 0)
      case .month, .unspecifiedDay: return (0, 1)
      case .season: return (0, 3)
      case .year, .unspecifiedMonth, .unspecifiedMonthAndDay: return (0, 12)
      case .decade: return (0, 120)
      case .century: return (0, 1200)
      }
    }

    /// The first day the point may cover once its qualifier is allowed for: ``earliest``
    /// moved back one unit of its span for `~` or `?`, two for `%` (`2021-01~` from
    /// 1 December 2020, `2021?` from 1 January 2020), never before 0000-01-01.
    public var widenedEarliest: Day {
      let n = widening
      guard n > 0 else { return earliest }
      let (days, months) = unit
      return days > 0 ? earliest.adding(days: -n * days) : earliest.addingMonthsToFirst(-n * months)
    }

    /// The last day the point may cover once its qualifier is allowed for: ``latest``
    /// moved on one unit for `~` or `?`, two for `%`, never after 9999-12-31.
    public var widenedLatest: Day {
      let n = widening
      guard n > 0 else { return latest }
      let (days, months) = unit
      return days > 0 ? latest.adding(days: n * days) : latest.addingMonthsToLast(n * months)
    }

    /// The year the point names ("winter 2013" names 2013, though it ends in 2014);
    /// `nil` for a decade or century, which name no single year.
    public var referenceYear: Int? {
      switch precision {
      case .century, .decade: return nil
      default: return year
      }
    }

    /// The EDTF text of the point.
    public var edtf: String {
      var text: String
      switch precision {
      case .century: text = String(format: "%02dXX", year / 100)
      case .decade: text = String(format: "%03dX", year / 10)
      case .year: text = String(format: "%04d", year)
      case .unspecifiedMonth: text = String(format: "%04d-XX", year)
      case .season(let s): text = String(format: "%04d-%d", year, s)
      case .month(let m): text = String(format: "%04d-%02d", year, m)
      case .unspecifiedDay(let m): text = String(format: "%04d-%02d-XX", year, m)
      case .unspecifiedMonthAndDay: text = String(format: "%04d-XX-XX", year)
      case .day(let m, let d): text = String(format: "%04d-%02d-%02d", year, m, d)
      }
      if let time { text += "T" + time }
      switch (isApproximate, isUncertain) {
      case (true, true): text += "%"
      case (true, false): text += "~"
      case (false, true): text += "?"
      case (false, false): break
      }
      return text
    }

    /// Words: "2013", "Jan 2021", "15 Jan 2021", "spring 2024", "winter 2010–11",
    /// "2010s", "1900–1999", "a month in 2004", "a day in Apr 1985", with "c. " and "?".
    /// Years before 1000 keep their four digits ("0050"); a time of day is not shown.
    public var displayText: String {
      let y = EDTFDate.yearText(year)
      let (lead, core): (String, String)
      switch precision {
      case .century: (lead, core) = ("", "\(y)–\(EDTFDate.yearText(year + 99))")
      case .decade: (lead, core) = ("", "\(y)s")
      case .year: (lead, core) = ("", y)
      case .unspecifiedMonth: (lead, core) = ("a month in ", y)
      case .season(24): (lead, core) = ("", "winter \(y)–\(EDTFDate.followingYearText(year))")
      case .season(let s): (lead, core) = ("", "\(EDTFDate.seasonNames[s - 21]) \(y)")
      case .month(let m): (lead, core) = ("", "\(EDTFDate.monthNames[m - 1]) \(y)")
      case .unspecifiedDay(let m): (lead, core) = ("a day in ", "\(EDTFDate.monthNames[m - 1]) \(y)")
      case .unspecifiedMonthAndDay: (lead, core) = ("a day in ", y)
      case .day(let m, let d): (lead, core) = ("", "\(d) \(EDTFDate.monthNames[m - 1]) \(y)")
      }
      return lead + (isApproximate ? "c. " : "") + core + (isUncertain ? "?" : "")
    }
  }

  /// One end of an interval.
  public enum End: Hashable, Sendable {
    /// A date.
    case date(Point)
    /// `..`: the interval goes on past any date (`2024/..`, "since 2024").
    case open
    /// Empty: the interval ends, but the source does not say when (`1985/`).
    case unknown

    /// The end's date, `nil` when it is open or unknown.
    public var point: Point? {
      if case .date(let p) = self { return p }
      return nil
    }
  }

  /// A single date, or an interval whose ends may be open or unknown.
  public enum Form: Hashable, Sendable {
    /// One date.
    case single(Point)
    /// From `start` to `end`.
    case interval(start: End, end: End)
  }

  /// The date's form.
  public var form: Form

  /// Creates a date from its form.
  public init(_ form: Form) { self.form = form }

  /// The points of the date: one, or the known ends of an interval.
  public var points: [Point] {
    switch form {
    case .single(let p): return [p]
    case .interval(let s, let e): return [s.point, e.point].compactMap { $0 }
    }
  }

  /// The first day covered, `nil` for an open or unknown start.
  public var earliest: Day? {
    switch form {
    case .single(let p): return p.earliest
    case .interval(let start, _): return start.point?.earliest
    }
  }

  /// The last day covered, `nil` for an open or unknown end.
  public var latest: Day? {
    switch form {
    case .single(let p): return p.latest
    case .interval(_, let end): return end.point?.latest
    }
  }

  /// ``earliest`` widened for a qualified start (see ``Point/widenedEarliest``).
  public var widenedEarliest: Day? {
    switch form {
    case .single(let p): return p.widenedEarliest
    case .interval(let start, _): return start.point?.widenedEarliest
    }
  }

  /// ``latest`` widened for a qualified end (see ``Point/widenedLatest``).
  public var widenedLatest: Day? {
    switch form {
    case .single(let p): return p.widenedLatest
    case .interval(_, let end): return end.point?.widenedLatest
    }
  }

  /// Whether any part of the date is marked approximate or uncertain.
  public var isQualified: Bool {
    points.contains { $0.isApproximate || $0.isUncertain }
  }

  /// Whether the two dates share at least one day as written (open and unknown ends
  /// reach forever; qualifiers do not widen).
  public func overlaps(_ other: EDTFDate) -> Bool {
    EDTFDate.spansMeet(earliest, latest, other.earliest, other.latest)
  }

  /// Whether the two dates can refer to the same time: their widened spans share a
  /// day. `2021-01~` may coincide with `2021-02` (it widens to December–February);
  /// `2021-01` may not. Open and unknown ends reach forever.
  public func mayCoincide(with other: EDTFDate) -> Bool {
    EDTFDate.spansMeet(widenedEarliest, widenedLatest, other.widenedEarliest, other.widenedLatest)
  }

  static func spansMeet(_ aStart: Day?, _ aEnd: Day?, _ bStart: Day?, _ bEnd: Day?) -> Bool {
    if let aEnd, let bStart, aEnd < bStart { return false }
    if let aStart, let bEnd, bEnd < aStart { return false }
    return true
  }

  /// A representative year: the year the end names, or the start for an open or
  /// unknown end ("winter 2013" gives 2013, `2017/2019` 2019); `nil` for a decade or
  /// century.
  public var referenceYear: Int? {
    switch form {
    case .single(let p): return p.referenceYear
    case .interval(let s, let e): return (e.point ?? s.point)?.referenceYear
    }
  }

  /// The EDTF text, as written in the dataset.
  public var description: String {
    switch form {
    case .single(let p): return p.edtf
    case .interval(let s, let e): return EDTFDate.text(s) + "/" + EDTFDate.text(e)
    }
  }

  static func text(_ end: End) -> String {
    switch end {
    case .date(let p): return p.edtf
    case .open: return ".."
    case .unknown: return ""
    }
  }

  /// Words for texts and charts: "Jan 2021", "c. Jan 2021", "spring 2024",
  /// "2017–2019", "until 2017", "since 2024", "from 1985 (end unknown)",
  /// "to 2006 (start unknown)".
  public var displayText: String {
    switch form {
    case .single(let p): return p.displayText
    case .interval(let s, let e):
      switch (s, e) {
      case (.date(let s), .date(let e)): return s.displayText + "–" + e.displayText
      case (.open, .date(let e)): return "until " + e.displayText
      case (.date(let s), .open): return "since " + s.displayText
      case (.unknown, .date(let e)): return "to " + e.displayText + " (start unknown)"
      case (.date(let s), .unknown): return "from " + s.displayText + " (end unknown)"
      default: return "any time"
      }
    }
  }

  /// A year in words: four digits below 1000 ("0050", "0000"), as EDTF writes it.
  static func yearText(_ year: Int) -> String { String(format: "%04d", year) }

  /// The year after `year` as the end of "winter 2010–11": two digits in the same
  /// century, else in full ("winter 1999–2000").
  static func followingYearText(_ year: Int) -> String {
    let next = year + 1
    return next / 100 == year / 100 ? String(format: "%02d", next % 100) : yearText(next)
  }

  static let monthNames = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]
  static let seasonNames = ["spring", "summer", "autumn", "winter"]
}

extension Day {
  /// The first and last days a `Day` can be.
  static let first = Day(uncheckedYear: 0, month: 1, day: 1)
  static let last = Day(uncheckedYear: 9999, month: 12, day: 31)

  init(uncheckedYear year: Int, month: Int, day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// The day, or the nearest of ``first`` and ``last`` when the year is out of range;
  /// parsed points never need it, but it keeps the accessors total without force unwraps.
  static func clamped(year: Int, month: Int, day: Int) -> Day {
    if year < 0 { return first }
    if year > 9999 { return last }
    return Day(year: year, month: month, day: Swift.min(day, daysIn(month: month, year: year))) ?? first
  }

  /// The last day of a month, clamped to ``first`` … ``last``.
  static func lastOfMonth(year: Int, month: Int) -> Day {
    clamped(year: year, month: month, day: daysIn(month: month, year: year))
  }

  /// The day `days` after this one (before, if negative), clamped to 0000-01-01 … 9999-12-31.
  func adding(days: Int) -> Day {
    // The inverse of `ordinal`: days since 0000-03-01 to a civil date.
    let z = ordinal + days
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let mp = (5 * dayOfYear + 2) / 153
    let d = dayOfYear - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    let y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0)
    return Day.clamped(year: y, month: m, day: d)
  }

  /// The first day of the month `months` after this day's month.
  func addingMonthsToFirst(_ months: Int) -> Day {
    let total = year * 12 + (month - 1) + months
    return total < 0 ? Day.first : Day.clamped(year: total / 12, month: total % 12 + 1, day: 1)
  }

  /// The last day of the month `months` after this day's month.
  func addingMonthsToLast(_ months: Int) -> Day {
    let total = year * 12 + (month - 1) + months
    return total < 0 ? Day.first : Day.lastOfMonth(year: total / 12, month: total % 12 + 1)
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
    "an EDTF date like 2013, 2021-01, 2021-01-15, 2021-01~, 2021?, 201X, 2021-XX, 2024-21, 2017/2019, ../2017, 2024/.. or 2024/"

  /// Parses the EDTF subset described on the type.
  public static func parse(_ rawText: String) throws -> EDTFDate {
    let text = rawText.trimmingWhitespace(newlines: false)
    if let first = text.first, first == "[" || first == "{" {
      throw levelTwo("a single date or an interval, not a set [..] or list {..} of dates", rawText)
    }
    guard text.contains("/") else { return EDTFDate(.single(try parsePoint(Substring(text), rawText))) }
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2 else { throw error(rawText) }
    let start = try parseEnd(parts[0], rawText)
    let end = try parseEnd(parts[1], rawText)
    guard start.point != nil || end.point != nil else {
      throw ParseError(expected: "an interval with a date at one end at least", found: quoted(rawText))
    }
    if let s = start.point, let e = end.point, e.latest < s.earliest {
      throw ParseError(expected: "an interval whose start is not after its end", found: quoted(rawText))
    }
    return EDTFDate(.interval(start: start, end: end))
  }

  static func quoted(_ text: String) -> String { "\"\(text)\"" }

  static func error(_ text: String) -> ParseError {
    ParseError(expected: syntaxDescription, found: text.isEmpty ? "an empty text" : quoted(text))
  }

  static func parseEnd(_ text: Substring, _ whole: String) throws -> End {
    if text.isEmpty { return .unknown }
    if text == ".." { return .open }
    if timeSeparator(in: text) != nil {
      throw ParseError(expected: "an interval between dates without a time of day", found: quoted(whole))
    }
    return .date(try parsePoint(text, whole))
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
    var time: String?
    if let t = timeSeparator(in: text) {
      guard !approximate, !uncertain else {
        throw ParseError(expected: "a date and time without ~, ? or %", found: quoted(whole))
      }
      time = try parseTime(text[text.index(after: t)...], whole)
      text = text[..<t]
    }
    if !text.contains("("), text.contains(where: { "~?%".contains($0) }) {
      throw levelTwo("one ~, ? or % at the end of a date, qualifying all of it", whole)
    }
    if let first = text.first, first == "-" || first == "Y" || first == "+" {
      let levelTwo = first == "Y" && text.contains(where: { $0 == "E" || $0 == "S" })
      throw ParseError(
        expected: "a year 0000–9999 (BriefKit does not support negative years or years of more than four digits"
          + (levelTwo ? "; exponents and significant digits are EDTF level 2)" : ")"),
        found: quoted(whole))
    }
    if let s = text.firstIndex(of: "S"), s != text.startIndex, number(text[text.index(after: s)...]) != nil,
      text[..<s].allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "X" || $0 == "-") })
    {
      throw levelTwo("a date without significant digits (S)", whole)
    }
    let fields = text.split(separator: "-", omittingEmptySubsequences: false)
    guard (1...3).contains(fields.count) else { throw error(whole) }
    let yearField = fields[0]
    if yearField.count > 4, number(yearField) != nil {
      throw ParseError(
        expected: "a year of four digits (BriefKit does not support years of more than four digits)",
        found: quoted(whole))
    }
    guard yearField.count == 4 else { throw error(whole) }
    let digits = yearField.prefix { $0 != "X" }
    let xs = yearField.count - digits.count
    guard let leading = number(digits), yearField.dropFirst(digits.count).allSatisfy({ $0 == "X" }) else {
      if yearField.contains("X"), yearField.allSatisfy({ $0 == "X" || ($0.isASCII && $0.isNumber) }) {
        throw levelTwo("unspecified digits (X) only as the last one or two of a year (201X, 20XX)", whole)
      }
      throw error(whole)
    }
    let year = leading * [1, 10, 100, 1000, 10000][xs]
    var precision = Point.Precision.year
    switch xs {
    case 0: break
    case 1: precision = .decade
    case 2: precision = .century
    default: throw levelTwo("unspecified digits (X) only as the last one or two of a year (201X, 20XX)", whole)
    }
    if xs > 0, fields.count > 1 {
      throw levelTwo("a year with unspecified digits (201X) on its own, without a month or day", whole)
    }
    if fields.count >= 2 {
      let monthField = fields[1]
      if monthField == "XX" {
        precision = .unspecifiedMonth
        if fields.count == 3 {
          guard fields[2] == "XX" else {
            throw levelTwo("an unspecified month (XX) followed by an unspecified day (XX), not a day", whole)
          }
          precision = .unspecifiedMonthAndDay
        }
      } else {
        guard monthField.count == 2, let second = number(monthField) else {
          if monthField.contains("X") { throw levelTwo("a month of two digits or XX", whole) }
          throw error(whole)
        }
        if fields.count == 2, (21...24).contains(second) {
          if second == 24, year == 9999 {
            throw ParseError(
              expected: "a winter that ends by 9999 (winter 9999 runs into 10000, which BriefKit does not support)",
              found: quoted(whole))
          }
          precision = .season(second)
        } else {
          guard (1...12).contains(second) else {
            if fields.count == 2, (25...41).contains(second) {
              throw levelTwo("a month 01–12 or a season 21–24", whole)
            }
            throw ParseError(expected: "a month 01–12 or a season 21–24", found: quoted(whole))
          }
          precision = .month(second)
          if fields.count == 3 {
            let dayField = fields[2]
            if dayField == "XX" {
              precision = .unspecifiedDay(month: second)
            } else {
              guard dayField.count == 2, let day = number(dayField) else {
                if dayField.contains("X") { throw levelTwo("a day of two digits or XX", whole) }
                throw error(whole)
              }
              guard Day(year: year, month: second, day: day) != nil else {
                throw ParseError(expected: "a day that exists in the calendar", found: quoted(whole))
              }
              precision = .day(month: second, day: day)
            }
          }
        }
      }
    }
    if time != nil, !isDay(precision) {
      throw ParseError(expected: "a full date (2021-01-15) before a time of day", found: quoted(whole))
    }
    return Point(year: year, precision: precision, isApproximate: approximate, isUncertain: uncertain, time: time)
  }

  /// The `T` that starts a time of day: one that follows a digit (`1985-04-12T23:20:30`).
  static func timeSeparator(in text: Substring) -> Substring.Index? {
    guard let t = text.firstIndex(of: "T"), t != text.startIndex else { return nil }
    let before = text[text.index(before: t)]
    return before.isASCII && before.isNumber ? t : nil
  }

  static func isDay(_ precision: Point.Precision) -> Bool {
    if case .day = precision { return true }
    return false
  }

  /// An error for a form EDTF defines only at level 2, which BriefKit does not read.
  static func levelTwo(_ expected: String, _ whole: String) -> ParseError {
    ParseError(expected: expected + " (EDTF level 2 forms are not supported)", found: quoted(whole))
  }

  /// A level 0 time of day, `hh:mm:ss` then nothing, `Z`, `±hh` or `±hh:mm`.
  static func parseTime(_ text: Substring, _ whole: String) throws -> String {
    let bad = ParseError(
      expected: "a time of day hh:mm:ss, then Z, ±hh or ±hh:mm or nothing (1985-04-12T23:20:30Z)", found: quoted(whole))
    let chars = Array(text)
    guard chars.count >= 8, chars[2] == ":", chars[5] == ":",
      let h = number(Substring(String(chars[0..<2]))), let m = number(Substring(String(chars[3..<5]))),
      let s = number(Substring(String(chars[6..<8]))), h <= 23, m <= 59, s <= 59
    else { throw bad }
    let zone = chars[8...]
    switch zone.first {
    case nil: break
    case "Z": guard zone.count == 1 else { throw bad }
    case "+", "-":
      let z = Array(zone.dropFirst())
      guard z.count == 2 || (z.count == 5 && z[2] == ":"),
        let zh = number(Substring(String(z[0..<2]))), zh <= 23
      else { throw bad }
      if z.count == 5 {
        guard let zm = number(Substring(String(z[3..<5]))), zm <= 59 else { throw bad }
      }
    default: throw bad
    }
    return String(text)
  }

  static func number(_ text: Substring) -> Int? {
    guard !text.isEmpty, text.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(text)
  }
}
