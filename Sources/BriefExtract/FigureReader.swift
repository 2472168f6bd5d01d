import BriefModel

/// A figure as read from the text: its value in the dataset's notation, its unit and where it is.
struct ReadFigure {
  /// The dataset notation (`~4000`, `<=10000`, `3500..4000`).
  var value: ReportedValue
  /// The unit as the dataset writes it (`workers`, `USD/month`, `%`), empty when the text gives none.
  var unit: String
  /// Whether the unit was taken from the sentence or the one before, not from the figure's own words.
  var unitFromContext = false
  /// From the hedge (or currency) to the unit, as written.
  var span: Range<Int>
  /// The number itself: first digit (or number word) to last.
  var core: Range<Int>
  /// Problems a reviewer must look at ("vague amount", "unit not given").
  var flags: [String] = []
}

/// A number read at a position: a value or a vague range, and where it ends.
struct ReadNumber {
  var low: Double
  var high: Double
  var vague: Bool
  var end: Int
  var isWord: Bool
  /// The multiplier written after it ("million"), 1 when none.
  var scale: Double
  var raw: Double
}

/// Reads figures out of an ``ArticleText``: numbers as news English writes them, with their hedge,
/// range, unit and the rules that tell a figure from a date, an ordinal or a phone number.
struct FigureReader {
  let t: ArticleText
  let countUnits: [String: String]

  init(text: ArticleText, vocabulary: Vocabulary) {
    t = text
    var units: [String: String] = Lexicon.countSynonyms
    for unit in vocabulary.units {
      units[unit.id.lowercased()] = unit.id
      units[unit.singular.lowercased()] = unit.id
    }
    countUnits = units
  }

  // MARK: - Words

  func isLetter(_ i: Int) -> Bool { i >= 0 && i < t.count && ArticleText.isLetter(t[i]) }
  func isDigit(_ i: Int) -> Bool { i >= 0 && i < t.count && ArticleText.isDigit(t[i]) }

  /// The lowercase word starting at `i` (letters and inner apostrophes), and its end.
  func word(at i: Int) -> (String, Int)? {
    guard isLetter(i), !isLetter(i - 1) else { return nil }
    var j = i
    var s = String.UnicodeScalarView()
    while j < t.count && j - i < 40 && (isLetter(j) || (t[j] == "'" && isLetter(j + 1))) {
      s.append(t[j])
      j += 1
    }
    return (String(s), j)
  }

  /// The word ending at `i` (exclusive), skipping spaces before `i`.
  func word(before i: Int) -> (String, Int)? {
    var e = i
    while e > 0 && (t[e - 1] == " " || t[e - 1] == "\t") { e -= 1 }
    var s = e
    while s > 0 && e - s < 40 && (isLetter(s - 1) || (t[s - 1] == "'" && isLetter(s - 2))) { s -= 1 }
    guard s < e else { return nil }
    var w = String.UnicodeScalarView()
    w.append(contentsOf: t.lower[s..<e])
    return (String(w), s)
  }

  func skipSpaces(_ i: Int) -> Int {
    var j = i
    while j < t.count && (t[j] == " " || t[j] == "\t") { j += 1 }
    return j
  }

  /// Matches a phrase (lowercase words separated by single spaces) at `i`, at word boundaries.
  func match(_ phrase: String, at i: Int) -> Int? {
    var j = i
    for c in phrase.unicodeScalars {
      if c == " " {
        guard j < t.count, t[j] == " " || t[j] == "\t" || t[j] == "-" else { return nil }
        j = skipSpaces(j + 1)
        continue
      }
      guard j < t.count, t[j] == c else { return nil }
      j += 1
    }
    if let last = phrase.unicodeScalars.last, ArticleText.isLetter(last), isLetter(j) { return nil }
    return j
  }

  /// Matches a phrase that ends at `i` (exclusive, spaces before `i` skipped); returns its start.
  func match(_ phrase: String, endingAt i: Int) -> Int? {
    var j = i
    while j > 0 && (t[j - 1] == " " || t[j - 1] == "\t") { j -= 1 }
    for c in phrase.unicodeScalars.reversed() {
      if c == " " {
        guard j > 0, t[j - 1] == " " || t[j - 1] == "\t" else { return nil }
        while j > 0 && (t[j - 1] == " " || t[j - 1] == "\t") { j -= 1 }
        continue
      }
      guard j > 0, t[j - 1] == c else { return nil }
      j -= 1
    }
    if let first = phrase.unicodeScalars.first, ArticleText.isLetter(first), isLetter(j - 1) { return nil }
    return j
  }

  // MARK: - Numbers

  /// A number in digits (`1,300`, `9.92`, `1.5 million`, `500M`) or words (`two`, `a dozen`,
  /// `twenty-five thousand`, `tens of thousands`) at `i`.
  func number(at i: Int) -> ReadNumber? {
    if isDigit(i) { return digits(at: i) }
    return words(at: i)
  }

  func digits(at i: Int) -> ReadNumber? {
    guard !isDigit(i - 1) else { return nil }
    var j = i
    var text = ""
    var sawPoint = false
    while j < t.count && text.count < 19 {
      let c = t[j]
      if ArticleText.isDigit(c) {
        text.unicodeScalars.append(c)
        j += 1
      } else if c == ",", !sawPoint, isDigit(j + 1), isDigit(j + 2), isDigit(j + 3), !isDigit(j + 4) {
        j += 1
      } else if c == ".", !sawPoint, isDigit(j + 1) {
        sawPoint = true
        text.unicodeScalars.append(".")
        j += 1
      } else {
        break
      }
    }
    guard text.count < 19, !isDigit(j), let raw = Double(text), raw.isFinite else { return nil }
    var scale = 1.0
    var end = j
    // Attached multipliers: "500M", "2bn", "10k".
    if let (w, e) = attachedWord(at: j) {
      switch w {
      case "m", "mn", "mln": scale = 1e6; end = e
      case "bn": scale = 1e9; end = e
      case "k": scale = 1e3; end = e
      default: break
      }
    } else if let (w, e) = word(at: skipSpaces(j)), skipSpaces(j) > j, let s = Lexicon.scales[w], s >= 1000 {
      scale = s
      end = e
    }
    let value = raw * scale
    guard value <= ReportedValue.maxMagnitude else { return nil }
    return ReadNumber(low: value, high: value, vague: false, end: end, isWord: false, scale: scale, raw: raw)
  }

  /// Letters attached to the end of a number (`65th`, `500M`, `30s`), lowercase.
  func attachedWord(at j: Int) -> (String, Int)? {
    guard isLetter(j) else { return nil }
    var e = j
    var s = String.UnicodeScalarView()
    while isLetter(e) && e - j < 20 {
      s.append(t[e])
      e += 1
    }
    return (String(s), e)
  }

  func words(at i: Int) -> ReadNumber? {
    guard let (first, firstEnd) = word(at: i) else { return nil }
    // Vague amounts: "tens of thousands", "several thousand", "hundreds of", "a few thousand".
    if first == "tens" || first == "hundreds", let e = match(" of thousands", at: firstEnd) ?? match(" of millions", at: firstEnd) {
      let scale: Double = t[e - 1] == "s" && t[e - 2] == "d" ? 1_000 : 1_000_000
      let base: (Double, Double) = first == "tens" ? (20, 90) : (200, 900)
      return ReadNumber(low: base.0 * scale, high: base.1 * scale, vague: true, end: e, isWord: true, scale: scale, raw: base.0)
    }
    if first == "several" || first == "few" || first == "a" {
      var j = firstEnd
      var range: (Double, Double) = (3, 9)
      if first == "a" {
        guard let e = match(" few", at: firstEnd) else { return aWord(at: i, firstEnd: firstEnd) }
        j = e
        range = (2, 4)
      }
      if let (w, e) = word(at: skipSpaces(j)), let s = Lexicon.scales[w] {
        return ReadNumber(low: range.0 * s, high: range.1 * s, vague: true, end: e, isWord: true, scale: s, raw: range.0)
      }
      if let (w, e) = word(at: skipSpaces(j)), w == "dozen" {
        return ReadNumber(low: range.0 * 12, high: range.1 * 12, vague: true, end: e, isWord: true, scale: 12, raw: range.0)
      }
      return nil
    }
    if let (low, high) = Lexicon.vagueMultiples[first], match(" of", at: firstEnd) != nil {
      return ReadNumber(low: low, high: high, vague: true, end: firstEnd, isWord: true, scale: 1, raw: low)
    }
    // Cardinal words: "two", "twenty-five", "two hundred thousand", "half a dozen".
    var value: Double
    var end = firstEnd
    if let v = Lexicon.ones[first] {
      value = v
    } else if let v = Lexicon.tens[first] {
      value = v
      if t[firstEnd] == "-" || t[firstEnd] == " ", let (w, e) = word(at: firstEnd + 1), let u = Lexicon.ones[w], u < 10, u > 0 {
        value += u
        end = e
      }
    } else if first == "half", let e = match(" a dozen", at: firstEnd) {
      return ReadNumber(low: 6, high: 6, vague: false, end: e, isWord: true, scale: 1, raw: 6)
    } else {
      return nil
    }
    return scaled(value, end: end)
  }

  /// "a dozen", "a hundred", "a thousand", "a million".
  func aWord(at i: Int, firstEnd: Int) -> ReadNumber? {
    guard let (w, e) = word(at: skipSpaces(firstEnd)) else { return nil }
    if w == "dozen" { return ReadNumber(low: 12, high: 12, vague: false, end: e, isWord: true, scale: 1, raw: 12) }
    guard Lexicon.scales[w] != nil else { return nil }
    return scaled(1, end: firstEnd)
  }

  /// Applies "hundred", "thousand", "million" and "dozen" after a number word.
  func scaled(_ base: Double, end: Int) -> ReadNumber? {
    var value = base
    var e = end
    var scale = 1.0
    if let (w, we) = word(at: skipSpaces(e)), w == "dozen" { return ReadNumber(low: value * 12, high: value * 12, vague: false, end: we, isWord: true, scale: 12, raw: value) }
    if let (w, we) = word(at: skipSpaces(e)), w == "hundred" {
      value *= 100
      scale *= 100
      e = we
    }
    if let (w, we) = word(at: skipSpaces(e)), let s = Lexicon.scales[w], s >= 1000 {
      value *= s
      scale *= s
      e = we
    }
    return ReadNumber(low: value, high: value, vague: false, end: e, isWord: true, scale: scale, raw: base)
  }

  // MARK: - What is not a figure

  /// Why the number at `i` (ending at `end`) is not a figure, or nil when it may be one.
  func notAFigure(at i: Int, number n: ReadNumber) -> Bool {
    if t.isSkipped(i) { return true }
    guard !n.isWord else { return false }
    // Attached to a word before: "COVID-19", "A4", "dec-2012".
    if isLetter(i - 1) { return true }
    if (t[i - 1] == "-" || t[i - 1] == "/" || t[i - 1] == "_" || t[i - 1] == "#") && (isLetter(i - 2) || isDigit(i - 2) || t[i - 1] == "#") { return true }
    if t[i - 1] == ":" && isDigit(i - 2) { return true }
    // Ordinals and unknown suffixes: "65th", "2nd", "300km".
    if n.scale == 1, let (w, _) = attachedWord(at: n.end), !["s", "x"].contains(w) { return true }
    // Times of day.
    if t[n.end] == ":" && isDigit(n.end + 1) { return true }
    // Dates: a month name just before ("Dec. 15", "October 29, 2012") or after ("15 January").
    var b = i
    while b > 0 && (t[b - 1] == " " || t[b - 1] == "." || t[b - 1] == ",") { b -= 1 }
    let dayOrYear = n.scale == 1 && n.raw == n.raw.rounded() && ((n.raw >= 1 && n.raw <= 31 && n.end - i <= 2) || isYear(i, n))
    if dayOrYear, let (w, s) = word(before: b), Lexicon.months[w] != nil, w != "may" || ArticleText.isUpper(t.scalars[s]) { return true }
    let after = skipSpaces(n.end)
    if dayOrYear, let (w, _) = word(at: after), Lexicon.months[w] != nil, w != "may" || ArticleText.isUpper(t.scalars[after]) { return true }
    // "No. 5".
    if let (w, _) = word(before: b), w == "no", b < i, t[b] == "." { return true }
    // A lone number in brackets: "(1)".
    if t[i - 1] == "(" && t[n.end] == ")" && n.raw < 100 { return true }
    return false
  }

  /// Whether the number is a year (1800–2100, four digits, no grouping or multiplier).
  func isYear(_ i: Int, _ n: ReadNumber) -> Bool {
    !n.isWord && n.scale == 1 && n.end - i == 4 && n.raw >= 1800 && n.raw <= 2100 && n.raw == n.raw.rounded()
  }

  // MARK: - Figures

  /// Every figure in `sentence`, in order.
  func figures(in sentence: Range<Int>) -> [ReadFigure] {
    var result: [ReadFigure] = []
    var i = sentence.lowerBound
    while i < sentence.upperBound {
      let startsWord = isLetter(i) && !isLetter(i - 1)
      let startsNumber = isDigit(i) && !isDigit(i - 1) && !(t[i - 1] == "." && isDigit(i - 2)) && !(t[i - 1] == "," && isDigit(i - 2))
      guard startsWord || startsNumber else { i += 1; continue }
      if let figure = figure(at: i, sentence: sentence) {
        result.append(figure)
        i = Swift.max(figure.core.upperBound, i + 1)
      } else if startsNumber {
        i += 1
        while isDigit(i) || ((t[i] == "," || t[i] == ".") && isDigit(i + 1)) { i += 1 }
      } else {
        i += 1
        while isLetter(i) { i += 1 }
      }
    }
    return result
  }

  /// The figure that starts with a number at `i`, if any.
  func figure(at i: Int, sentence: Range<Int>) -> ReadFigure? {
    if let special = specialFigure(at: i) { return special }
    guard let n1 = number(at: i), !notAFigure(at: i, number: n1) else { return nil }
    var flags: [String] = []
    var low = n1.low, high = n1.high, vague = n1.vague
    var pos = n1.end
    var isRange = n1.vague
    var core = i..<n1.end
    let prefixCurrency = currencyBefore(i)
    let startBound = prefixCurrency?.start ?? i
    let before = startBound
    let between = match("between", endingAt: before) ?? match("anywhere from", endingAt: before) ?? match("from", endingAt: before)
    let betweenWord = match("between", endingAt: before) != nil
    // Ages: "age 30", "aged 30", "in their 30s and 40s".
    var age = false
    var ageStart: Int?
    if let (w, s) = word(before: i), ["age", "aged", "ages"].contains(w) {
      age = true
      ageStart = s
    }
    if !n1.isWord, let (w, e) = attachedWord(at: n1.end), w == "s", let (p, _) = word(before: i), p == "their" || p == "his" || p == "her" {
      age = true
      low = n1.raw
      high = n1.raw + 9
      isRange = true
      pos = e
      core = i..<e
      if let e2 = match(" and", at: pos) ?? match(" or", at: pos) ?? match(" to", at: pos), isDigit(skipSpaces(e2)),
        let n2 = digits(at: skipSpaces(e2)), let (w2, e3) = attachedWord(at: n2.end), w2 == "s", n2.raw > n1.raw
      {
        high = n2.raw + 9
        pos = e3
        core = i..<e3
      }
    }
    // A range: "3,500 to 4,000", "3,500-4,000", "USD 3,500 to USD 4,000", "between 10 and 20", "one or two years".
    if !isRange, let (n2, end2) = rangeEnd(after: n1, from: pos, between: betweenWord) {
      var lowValue = n1.low
      if n2.scale > 1 && n1.scale == 1 && n1.raw < n2.raw { lowValue = n1.raw * n2.scale }
      if n2.high > lowValue || n1.vague {
        low = n1.vague ? n1.low : lowValue
        high = n2.high
        vague = vague || n2.vague
        isRange = true
        pos = end2
        core = i..<n2.end
      }
    } else if isRange && !age, let (n2, end2) = rangeEnd(after: n1, from: pos, between: betweenWord), n2.high > n1.low {
      // "several thousand to 10,000": a vague low end.
      high = n2.high
      pos = end2
      core = i..<n2.end
    }
    // "one in ten": a share.
    if !isRange, n1.low < 100, let e = match(" in", at: pos) ?? match(" out of", at: pos), let n2 = number(at: skipSpaces(e)),
      !isYear(skipSpaces(e), n2), n2.low > n1.low, n2.low <= 1000
    {
      let share = (n1.low / n2.low * 100 * 100).rounded() / 100
      return make(kind: .exact, low: share, high: share, unit: "%", span: startBound..<n2.end, core: i..<n2.end, flags: [], isPercent: true)
    }
    // The unit, after the number(s).
    var unitText = ""
    var unitFromContext = false
    var end = pos
    var isPercent = false
    if let (u, e) = unit(at: pos, sentence: sentence) {
      unitText = u
      end = e
    }
    if age { unitText = "years" }
    if let currency = prefixCurrency?.currency, unitText.isEmpty || isCountUnit(unitText) {
      // Currency before the number; a period after it ("$50 per month").
      let (per, e) = ratePeriod(after: pos)
      unitText = currency.rawValue + (per.map { "/" + $0.rawValue } ?? "")
      end = Swift.max(e, pos)
    }
    if unitText == "%" { isPercent = true }
    // Years, and number words with no unit, are not figures.
    if isYear(i, n1) {
      let timeWords: Set<String> = ["in", "since", "until", "by", "from", "of", "during", "before", "after", "till", "through", "early", "late", "mid"]
      if unitText.isEmpty || (word(before: i).map { timeWords.contains($0.0) } ?? false) { return nil }
    }
    if n1.isWord && !vague {
      if unitText.isEmpty { return nil }
      let strong = unitText == "%" || isDuration(unitText) || unitText == "times" || prefixCurrency != nil || unitText.contains("/")
        || Currency(rawValue: unitText) != nil
      if n1.low <= 1 && !isRange && !strong { return nil }
    }
    // Bounds written after: "10 or more", "10,000-plus".
    var kind: ReportedValue.Kind = isRange ? .range : .exact
    for (phrase, bound) in Lexicon.trailingBounds where !isRange {
      if let e = match(" " + phrase, at: pos) ?? (phrase == "+" && t[pos] == "+" ? pos + 1 : nil) ?? (phrase == "plus" && t[pos] == "-" ? match(phrase, at: pos + 1) : nil) {
        kind = bound
        if e > end { end = e }
        break
      }
    }
    // The hedge before.
    var start = ageStart ?? startBound
    if let b = between, !isRange || betweenWord || match("from", endingAt: before) != nil { start = b }
    if kind == .exact || kind == .range {
      for (phrase, hedge) in Lexicon.hedges {
        guard let s = match(phrase, endingAt: start) else { continue }
        // "over" and "under" as prepositions of time or place are not hedges: "over 2 years" is.
        if isRange {
          if hedge == .approximate { kind = .approximateRange; start = s }
        } else {
          kind = hedge
          start = s
        }
        break
      }
    }
    if vague {
      flags.append("vague amount: kept as a wide range")
      if kind == .range { kind = .approximateRange }
    }
    if unitText.isEmpty {
      if let (u, fromPrevious) = contextUnit(for: i, sentence: sentence) {
        unitText = u
        unitFromContext = true
        flags.append(fromPrevious ? "unit taken from the sentence before" : "unit taken from the sentence")
      } else {
        flags.append("unit not given")
      }
    }
    if unitText == "hours" { flags.append("unit hours is not one of the dataset's units") }
    var figure = make(kind: kind, low: low, high: high, unit: unitText, span: start..<end, core: core, flags: flags, isPercent: isPercent)
    figure?.unitFromContext = unitFromContext
    return figure
  }

  func isDuration(_ unit: String) -> Bool { ["years", "months", "weeks", "days", "hours"].contains(unit) }
  func isCountUnit(_ unit: String) -> Bool { countUnits.values.contains(unit) }

  /// Builds the figure through the dataset's own parser, so its notation is always valid.
  func make(
    kind: ReportedValue.Kind, low: Double, high: Double, unit: String, span: Range<Int>, core: Range<Int>, flags: [String],
    isPercent: Bool
  ) -> ReadFigure? {
    let a = NumberFormat.ascii(low), b = NumberFormat.ascii(high)
    let suffix = isPercent ? "%" : ""
    let text: String
    switch kind {
    case .exact: text = a
    case .approximate: text = "~" + a
    case .atLeast: text = ">=" + a
    case .atMost: text = "<=" + a
    case .lessThan: text = "<" + a
    case .moreThan: text = ">" + a
    case .range: text = low == high ? a : a + ".." + b
    case .approximateRange: text = low == high ? "~" + a : "~" + a + ".." + b
    }
    guard let value = try? ReportedValue.parse(text + suffix) else { return nil }
    return ReadFigure(value: value, unit: unit, span: span, core: core, flags: flags)
  }

  /// The second number of a range after `n1`, and where the range ends.
  func rangeEnd(after n1: ReadNumber, from pos: Int, between: Bool) -> (ReadNumber, Int)? {
    var j = pos
    var connector = ""
    let spaced = skipSpaces(j)
    if t[j] == "-" || t[j] == "–" || (t[spaced] == "–" && spaced > j) {
      connector = "-"
      j = skipSpaces((t[j] == "-" || t[j] == "–" ? j : spaced) + 1)
    } else if let e = match(" to", at: j) ?? match(" through", at: j) {
      connector = "to"
      j = skipSpaces(e)
    } else if between, let e = match(" and", at: j) {
      connector = "and"
      j = skipSpaces(e)
    } else if let e = match(" or", at: j) ?? match(" and", at: j) {
      connector = "or"
      j = skipSpaces(e)
    } else {
      return nil
    }
    // A currency repeated: "USD 3,500 to USD 4,000", "$3,500-$4,000".
    if Lexicon.currencySymbols[t[j]] != nil { j += 1 }
    if let (w, e) = word(at: j), Lexicon.currencyPrefixes[w] != nil { j = skipSpaces(e) }
    guard let n2 = number(at: j), !t.isSkipped(j) else { return nil }
    if !n2.isWord, isLetter(n2.end), n2.scale == 1, let (w, _) = attachedWord(at: n2.end), w != "s" { return nil }
    if connector == "or" {
      // "one or two years", "10 or 20 people": only small numbers followed by a unit.
      guard n1.low < 100, n2.low < 100, unit(at: n2.end, sentence: 0..<t.count) != nil else { return nil }
    }
    if connector == "-" && (n1.isWord != n2.isWord) { return nil }
    return (n2, n2.end)
  }

  /// "a month or two", "half of", "twice as".
  func specialFigure(at i: Int) -> ReadFigure? {
    guard let (w, e) = word(at: i) else { return nil }
    if w == "a" || w == "an" {
      guard let (u, ue) = word(at: skipSpaces(e)), let unit = Lexicon.durations[u], let oe = match(" or", at: ue),
        let n2 = number(at: skipSpaces(oe)), n2.isWord, n2.low > 1, n2.low < 10
      else { return nil }
      return make(kind: .range, low: 1, high: n2.low, unit: unit, span: i..<n2.end, core: i..<n2.end, flags: [], isPercent: false)
    }
    if w == "half", match(" of", at: e) != nil || match(" the", at: e) != nil {
      return make(kind: .exact, low: 50, high: 50, unit: "%", span: i..<e, core: i..<e, flags: [], isPercent: true)
    }
    if w == "twice", match(" as", at: e) != nil || match(" the", at: e) != nil || match(" that", at: e) != nil {
      return make(kind: .exact, low: 2, high: 2, unit: "times", span: i..<e, core: i..<e, flags: [], isPercent: false)
    }
    return nil
  }

  // MARK: - Units

  /// A currency written before the number at `i` (`$`, `U.S. $`, `USD `, `RMB`), and where it starts.
  func currencyBefore(_ i: Int) -> (currency: Currency, start: Int)? {
    var j = i
    while j > 0 && (t[j - 1] == " " || t[j - 1] == "\t") { j -= 1 }
    if j > 0, let currency = Lexicon.currencySymbols[t[j - 1]] {
      var s = j - 1
      if currency == .usd {
        if let m = match("u.s.", endingAt: s) { s = m } else if let m = match("us", endingAt: s), s - m == 2, t[s - 1] == "s" { s = m }
      }
      return (currency, s)
    }
    if let (w, s) = word(before: i), s < i, let currency = Lexicon.currencyPrefixes[w], ArticleText.isUpper(t.scalars[s]) {
      return (currency, s)
    }
    return nil
  }

  /// The unit written after a number ending at `pos`: percent, currency (with its period), duration,
  /// ratio or count noun; with where it ends.
  func unit(at pos: Int, sentence: Range<Int>) -> (String, Int)? {
    let j = skipSpaces(pos)
    if t[j] == "%" { return ("%", j + 1) }
    if t[pos] == "x", !isLetter(pos + 1) { return ("times", pos + 1) }
    // "three-year", "3-6 month", "10,000-strong".
    var k = j
    if t[pos] == "-", isLetter(pos + 1) { k = pos + 1 }
    guard let (w, e) = word(at: k) else { return nil }
    if w == "percent" || w == "pct" { return ("%", e) }
    if w == "per", let e2 = match(" cent", at: e) { return ("%", e2) }
    if w == "times" || w == "fold" { return ("times", e) }
    if let d = Lexicon.durations[w] {
      if let e2 = match(" old", at: e) ?? match("-old", at: e) { return (d, e2) }
      return (d, e)
    }
    if let currency = currencyAfter(w, at: k, end: e) {
      let (per, pe) = ratePeriod(after: currency.end)
      return (currency.currency.rawValue + (per.map { "/" + $0.rawValue } ?? ""), pe)
    }
    if let u = countUnitAfter(k) { return u }
    return nil
  }

  func currencyAfter(_ w: String, at k: Int, end e: Int) -> (currency: Currency, end: Int)? {
    if w == "us" || w == "u", let e2 = match(" dollars", at: e) ?? match(".s. dollars", at: e) { return (.usd, e2) }
    if w == "south" || w == "north", let e2 = match(" korean won", at: e) { return (w == "south" ? .krw : .kpw, e2) }
    if let c = Lexicon.currencyWords[w] { return (c, e) }
    return nil
  }

  /// "per month", "a year", "monthly", "/month", after an amount; skips a bracketed aside first.
  func ratePeriod(after pos: Int) -> (TimePeriod?, Int) {
    var j = skipSpaces(pos)
    if t[j] == ")" { j = skipSpaces(j + 1) }
    if t[j] == "(" {
      var k = j + 1
      while k < t.count && k - j < 80 && t[k] != ")" && t[k] != "\n" { k += 1 }
      if t[k] == ")" { j = skipSpaces(k + 1) }
    }
    if t[j] == "/", let (w, e) = word(at: j + 1), let p = Lexicon.ratePeriods[w] { return (p, e) }
    guard let (w, e) = word(at: j) else { return (nil, pos) }
    if let p = Lexicon.rateAdverbs[w] { return (p, e) }
    if ["per", "a", "an", "each", "every"].contains(w), let (u, ue) = word(at: skipSpaces(e)), let p = Lexicon.ratePeriods[u] { return (p, ue) }
    return (nil, pos)
  }

  /// A count noun within the next few words: "93,300 work visas", "11 North Korean laborers".
  func countUnitAfter(_ k: Int) -> (String, Int)? {
    var j = k
    for _ in 0..<4 {
      guard let (w, e) = word(at: j) else { return nil }
      if let u = countUnits[w] { return (u, e) }
      if Lexicon.stopWords.contains(w) || Lexicon.durations[w] != nil || Lexicon.currencyWords[w] != nil { return nil }
      j = skipSpaces(e)
      if t[j] == "-" { j += 1 }
    }
    return nil
  }

  /// A count noun of the sentence before the figure, or of the sentence before it: "The number was
  /// around 30,000". "groups of 10" counts people.
  func contextUnit(for i: Int, sentence: Range<Int>) -> (String, Bool)? {
    if let (w, _) = word(before: i), w == "of", let (g, _) = word(before: (word(before: i)?.1 ?? i)), ["groups", "teams", "group", "team", "units"].contains(g) {
      return ("people", false)
    }
    if let u = lastCountUnit(in: Swift.max(sentence.lowerBound, i - 400)..<i) { return (u, false) }
    if let index = sentenceIndex(sentence), index > 0, let u = lastCountUnit(in: t.sentences[index - 1].suffix(400)) {
      return (u, true)
    }
    return nil
  }

  /// The index of a sentence span, by binary search.
  func sentenceIndex(_ sentence: Range<Int>) -> Int? {
    var low = 0, high = t.sentences.count
    while low < high {
      let mid = (low + high) / 2
      if t.sentences[mid].lowerBound < sentence.lowerBound { low = mid + 1 } else { high = mid }
    }
    return low < t.sentences.count && t.sentences[low] == sentence ? low : nil
  }

  func lastCountUnit(in range: Range<Int>) -> String? {
    var i = range.upperBound - 1
    while i >= range.lowerBound {
      if isLetter(i) && !isLetter(i - 1), let (w, _) = word(at: i), let u = countUnits[w] { return u }
      i -= 1
    }
    return nil
  }
}
