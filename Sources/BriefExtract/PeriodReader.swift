import BriefModel

/// A time expression of a sentence, resolved to EDTF against the publication date.
struct TimeExpression: Equatable {
  var span: Range<Int>
  /// The EDTF text (`2021-01-21/2021-01-31`, `../2017`); nil for "at that time", resolved later.
  var edtf: String?
  /// "now", "from now on": the publication date.
  var isPresent = false
}

/// The publication date as the resolver needs it.
struct Publication {
  var year: Int
  var month: Int?
  var day: Int?
  /// The date as the source writes it (`2021-02`).
  var edtf: String

  init(_ date: EDTFDate) {
    edtf = date.description
    let point = date.points.last
    year = point?.year ?? 2000
    switch point?.precision {
    case .month(let m)?: month = m
    case .day(let m, let d)?: month = m; day = d
    case .season(let s)?: month = [21: 4, 22: 7, 23: 10, 24: 1][s]
    default: month = nil
    }
  }

  /// Months since year 0, for distances; mid-year when the month is unknown.
  var monthIndex: Int { year * 12 + (month ?? 7) - 1 }
}

/// Finds time expressions in a sentence and resolves them against the publication date.
///
/// "late January" is the last third of the month (`2021-01-21/2021-01-31`), "early" the first
/// (days 1–10), "mid" the middle (11–20); "early 2024" is January–April, "late 2024"
/// September–December. A month named without a year is the one nearest the publication date,
/// looking back rather than ahead (a month up to three months ahead is taken as ahead).
struct PeriodReader {
  let r: FigureReader
  let published: Publication

  var t: ArticleText { r.t }

  func expressions(in sentence: Range<Int>) -> [TimeExpression] {
    var result: [TimeExpression] = []
    var i = sentence.lowerBound
    while i < sentence.upperBound {
      let isStart = (r.isLetter(i) && !r.isLetter(i - 1)) || (r.isDigit(i) && !r.isDigit(i - 1) && !r.isLetter(i - 1))
      guard isStart, let e = expression(at: i) else { i += 1; continue }
      if e.span.upperBound <= sentence.upperBound + 8 { result.append(e) }
      i = Swift.max(e.span.upperBound, i + 1)
    }
    return result
  }

  // MARK: - One expression

  func expression(at i: Int) -> TimeExpression? {
    for phrase in Lexicon.beforePandemic {
      if let e = r.match(phrase, at: i) { return TimeExpression(span: i..<e, edtf: "../2019") }
    }
    for phrase in Lexicon.presentPhrases {
      if let e = r.match(phrase, at: i) { return TimeExpression(span: i..<e, edtf: published.edtf, isPresent: true) }
    }
    if let e = r.match("at that time", at: i) ?? r.match("at the time", at: i) { return TimeExpression(span: i..<e, edtf: nil) }
    // Open intervals: "since 2017", "until 2019", "by the end of 2018".
    for (phrase, form) in [("since", "start"), ("until", "end"), ("till", "end"), ("up until", "end"), ("up to", "end"),
      ("by the end of", "endOf"), ("at the end of", "endOf"), ("before", "end"), ("by", "end"), ("through", "end")]
    {
      guard let e = r.match(phrase, at: i), let inner = point(at: r.skipSpaces(e)) else { continue }
      if form == "start" { return TimeExpression(span: i..<inner.end, edtf: start(of: inner.edtf) + "/..") }
      if form == "endOf" {
        // "by the end of 2018": its last month.
        if inner.edtf.count == 4 { return TimeExpression(span: i..<inner.end, edtf: inner.edtf + "-12") }
        return TimeExpression(span: i..<inner.end, edtf: inner.edtf)
      }
      if phrase == "up to" && inner.edtf.count != 4 { continue }
      return TimeExpression(span: i..<inner.end, edtf: "../" + end(of: inner.edtf))
    }
    // "in the first quarter (of 2021)", "the first half".
    for (ordinal, q) in [("first", 1), ("second", 2), ("third", 3), ("fourth", 4), ("last", 4)] {
      guard let e = r.match("the " + ordinal + " quarter", at: i) ?? r.match(ordinal + " quarter", at: i) else { continue }
      var year = published.year
      var end = e
      if let of = r.match(" of", at: e), let y = yearNumber(at: r.skipSpaces(of)) {
        year = y.0
        end = y.1
      } else if let ly = r.match(" last year", at: e) ?? r.match(" of last year", at: e) {
        year -= 1
        end = ly
      }
      return TimeExpression(span: i..<end, edtf: String(format4(year)) + "-" + pad((q - 1) * 3 + 1) + "/" + format4(year) + "-" + pad(q * 3))
    }
    // "3 years ago".
    if let n = r.number(at: i), let e = r.match(" years ago", at: n.end) ?? r.match(" year ago", at: n.end), n.low >= 1, n.low < 100 {
      return TimeExpression(span: i..<e, edtf: format4(published.year - Int(n.low)))
    }
    // "last year", "this spring", "next month".
    if let p = point(at: i) { return TimeExpression(span: i..<p.end, edtf: p.edtf) }
    return nil
  }

  /// A date: "2013", "January", "late January", "October 29 last year", "Feb. 9", "15 January 2021",
  /// "last spring", "early 2024", "last year", "October-November last year", "2017-2019".
  func point(at i: Int) -> (edtf: String, end: Int)? {
    var part: Int? = nil  // 0 early, 1 mid, 2 late
    var j = i
    if let e = r.match("early", at: j) ?? r.match("the beginning of", at: j) ?? r.match("the start of", at: j) { part = 0; j = r.skipSpaces(e) }
    else if let e = r.match("mid", at: j) ?? r.match("the middle of", at: j) { part = 1; j = r.skipSpaces(e); if t[j] == "-" { j += 1 } }
    else if let e = r.match("late", at: j) ?? r.match("the end of", at: j) { part = 2; j = r.skipSpaces(e) }
    // Relative years and months.
    for (word, offset) in [("last", -1), ("this", 0), ("next", 1), ("past", -1)] {
      guard let e = r.match(word, at: j) else { continue }
      let k = r.skipSpaces(e)
      if let e2 = r.match("year", at: k) {
        let y = published.year + offset
        return (part.map { yearPart(y, $0) } ?? format4(y), e2)
      }
      if let e2 = r.match("month", at: k), let m = published.month {
        let index = published.year * 12 + m - 1 + offset
        return (format4(index / 12) + "-" + pad(index % 12 + 1), e2)
      }
      if let (w, e2) = r.word(at: k), let season = Lexicon.seasons[w] {
        return (seasonEDTF(season, relative: offset), e2)
      }
    }
    if let (w, e) = r.word(at: j), let season = Lexicon.seasons[w] {
      if let (y, ye) = yearAfter(e) { return (format4(y) + "-" + String(season), ye) }
      return (seasonEDTF(season, relative: 0), e)
    }
    // A month, with an optional day and year: "October 29 last year", "Feb. 9", "January 2024".
    if let (w, e) = r.word(at: j), let month = Lexicon.months[w], w != "may" || ArticleText.isUpper(t.scalars[j]) {
      if w.count <= 4 && t[e] != "." && w != "june" && w != "july" && w != "may" { return nil }
      var k = r.skipSpaces(t[e] == "." ? e + 1 : e)
      var day: Int? = nil
      if r.isDigit(k), let d = r.digits(at: k), d.raw >= 1, d.raw <= 31, d.raw == d.raw.rounded(), d.end - k <= 2 {
        day = Int(d.raw)
        k = d.end
        if let (suffix, se) = r.attachedWord(at: k), ["st", "nd", "rd", "th"].contains(suffix) { k = se }
      }
      var end = day == nil ? e : k
      var year: Int
      var k2 = k
      if t[k2] == "," { k2 += 1 }
      // "October-November last year".
      var month2: Int? = nil
      if day == nil, t[e] == "-" || t[e] == "–", let (w2, e2) = r.word(at: e + 1), let m2 = Lexicon.months[w2] {
        month2 = m2
        end = e2
        k2 = e2
      }
      if let (y, ye) = yearAfter(k2) {
        year = y
        end = ye
      } else if let e2 = r.match(" last year", at: k2) {
        year = published.year - 1
        end = e2
      } else if let e2 = r.match(" this year", at: k2) {
        year = published.year
        end = e2
      } else {
        year = nearestYear(month: month)
      }
      if let m2 = month2 { return (format4(year) + "-" + pad(month) + "/" + format4(year) + "-" + pad(m2), end) }
      if let day, Day(year: year, month: month, day: day) != nil {
        return (format4(year) + "-" + pad(month) + "-" + pad(day), end)
      }
      let base = format4(year) + "-" + pad(month)
      guard let part else { return (base, end) }
      let last = Day.daysIn(month: month, year: year)
      let days = [(1, 10), (11, 20), (21, last)][part]
      return (base + "-" + pad(days.0) + "/" + base + "-" + pad(days.1), end)
    }
    // A year, or years: "2013", "2017-2019", "early 2024".
    if let (y, e) = yearNumber(at: j) {
      if (t[e] == "-" || t[e] == "–"), let (y2, e2) = yearNumber(at: e + 1), y2 > y { return (format4(y) + "/" + format4(y2), e2) }
      if let part { return (yearPart(y, part), e) }
      return (format4(y), e)
    }
    return nil
  }

  /// A four-digit year 1800–2100 at `i`, standing alone.
  func yearNumber(at i: Int) -> (Int, Int)? {
    guard r.isDigit(i), !r.isDigit(i - 1), let n = r.digits(at: i), r.isYear(i, n) else { return nil }
    if r.isLetter(n.end) && !(t[n.end] == "s") { return nil }
    if t[n.end] == "s" { return nil }
    return (Int(n.raw), n.end)
  }

  func yearAfter(_ i: Int) -> (Int, Int)? {
    var k = r.skipSpaces(i)
    if let e = r.match("of", at: k) { k = r.skipSpaces(e) }
    return yearNumber(at: k)
  }

  func nearestYear(month: Int) -> Int {
    guard let pm = published.month else { return published.year }
    // Back up to nine months, or ahead up to three.
    let ahead = month - pm
    if ahead > 3 { return published.year - 1 }
    if ahead < -8 { return published.year + 1 }
    return published.year
  }

  func yearPart(_ y: Int, _ part: Int) -> String {
    let (a, b) = [(1, 4), (5, 8), (9, 12)][part]
    return format4(y) + "-" + pad(a) + "/" + format4(y) + "-" + pad(b)
  }

  /// "last spring": the latest spring that ended before the publication month; "this spring": the
  /// publication year's (this winter, in January or February, began the year before); "next
  /// spring": the first to begin after it.
  func seasonEDTF(_ season: Int, relative: Int) -> String {
    let pub = published.year * 12 + (published.month ?? 7) - 1
    let startMonth = [21: 3, 22: 6, 23: 9, 24: 12][season] ?? 3
    func start(_ y: Int) -> Int { y * 12 + startMonth - 1 }
    func end(_ y: Int) -> Int { start(y) + 2 }
    var year = published.year
    if relative < 0 {
      year = (published.year - 2...published.year).last { end($0) < pub } ?? published.year - 1
    } else if relative > 0 {
      year = (published.year...published.year + 2).first { start($0) > pub } ?? published.year + 1
    } else if season == 24 && (published.month ?? 12) <= 2 {
      year -= 1
    }
    return format4(year) + "-" + String(season)
  }

  func start(of edtf: String) -> String { edtf.split(separator: "/").first.map(String.init) ?? edtf }
  func end(of edtf: String) -> String { edtf.split(separator: "/").last.map(String.init) ?? edtf }
  func format4(_ y: Int) -> String { let s = String(Swift.max(0, Swift.min(9999, y))); return String(repeating: "0", count: Swift.max(0, 4 - s.count)) + s }
  func pad(_ n: Int) -> String { n < 10 ? "0" + String(n) : String(n) }

  // MARK: - Choosing a figure's period

  /// The period of a figure at `span` in `sentence`: the nearest expression, counting a clause
  /// boundary (",", ";", "—", "but") as far; with "at that time" the period of an earlier sentence.
  func period(for span: Range<Int>, in sentence: Range<Int>, expressions: [TimeExpression], earlier: String?) -> (String, [String]) {
    var best: (score: Int, expression: TimeExpression)? = nil
    for e in expressions where e.span.upperBound + 400 >= span.lowerBound && e.span.lowerBound <= span.upperBound + 400 {
      let between: Range<Int>
      let distance: Int
      if e.span.upperBound <= span.lowerBound {
        between = e.span.upperBound..<span.lowerBound
        distance = span.lowerBound - e.span.upperBound
      } else if e.span.lowerBound >= span.upperBound {
        between = span.upperBound..<e.span.lowerBound
        distance = e.span.lowerBound - span.upperBound
      } else {
        between = span.lowerBound..<span.lowerBound
        distance = 0
      }
      let score = boundaries(in: between) * 1000 + distance
      if best == nil || score < (best?.score ?? .max) { best = (score, e) }
    }
    guard let chosen = best?.expression else {
      return (published.edtf, ["period: no time reference in the sentence; the publication date"])
    }
    if let edtf = chosen.edtf, (try? EDTFDate.parse(edtf)) != nil { return (edtf, []) }
    if chosen.edtf == nil, let earlier { return (earlier, ["period: \"at that time\" read as the period of an earlier sentence"]) }
    return (published.edtf, ["period: a time reference that could not be resolved; the publication date"])
  }

  func boundaries(in range: Range<Int>) -> Int {
    var count = 0
    var i = range.lowerBound
    while i < range.upperBound {
      let c = t[i]
      if c == "," || c == ";" || c == "—" || c == "(" || c == ")" { count += 1 }
      if c == "b", r.match("but", at: i) != nil, !r.isLetter(i - 1) { count += 1 }
      i += 1
    }
    return count
  }
}
