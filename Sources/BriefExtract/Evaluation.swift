import BriefModel

/// One figure of a gold list or of an extractor's output, as a tab-separated row:
/// `file  start  end  value  unit  period  measure` (offsets in Unicode scalars; `-` for none).
public struct ScoredFigure: Equatable, Sendable {
  public var file: String
  public var span: Range<Int>
  public var value: ReportedValue
  public var unit: String
  public var period: String
  public var measure: String

  public init(file: String, span: Range<Int>, value: ReportedValue, unit: String, period: String, measure: String) {
    self.file = file
    self.span = span
    self.value = value
    self.unit = unit
    self.period = period
    self.measure = measure
  }

  /// The figure of a draft; its span is the number itself.
  public init(_ d: Draft) {
    let measure = d.measure.flatMap { $0.confidence >= Extractor.fillThreshold ? $0.value : nil } ?? ""
    self.init(file: d.quote.file, span: d.core, value: d.value, unit: d.unit, period: d.period, measure: measure)
  }

  public var row: String {
    func cell(_ s: String) -> String { s.isEmpty ? "-" : s }
    return [file, String(span.lowerBound), String(span.upperBound), value.description, cell(unit), cell(period), cell(measure)]
      .joined(separator: "\t")
  }

  /// Reads rows; `#` starts a comment line. Errors name the line: `PATH:LINE:COLUMN: error: …`.
  public static func read(_ text: String, path: String) throws -> [ScoredFigure] {
    var result: [ScoredFigure] = []
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
      if line.isEmpty || line.hasPrefix("#") { continue }
      let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      let at = SourceLocation(file: path, line: index + 1, column: 1)
      guard cells.count == 7 else {
        throw DatasetError(at: at, field: "row", expected: "7 tab-separated cells (file, start, end, value, unit, period, measure)", found: "\(cells.count)")
      }
      guard let start = Int(cells[1]), let end = Int(cells[2]), start >= 0, end >= start else {
        throw DatasetError(at: at, field: "start, end", expected: "two offsets, start <= end", found: "\"\(cells[1])\", \"\(cells[2])\"")
      }
      let value: ReportedValue
      do {
        value = try ReportedValue.parse(cells[3])
      } catch let e as ReportedValue.ParseError {
        throw DatasetError(at: at, field: "value", expected: e.expected, found: e.found)
      }
      func cell(_ s: String) -> String { s == "-" ? "" : s }
      result.append(
        ScoredFigure(file: cells[0], span: start..<end, value: value, unit: cell(cells[4]), period: cell(cells[5]), measure: cell(cells[6])))
    }
    return result
  }
}

/// How an extractor's figures compare with a gold list.
///
/// A predicted figure matches a gold one when they are in the same file, their spans overlap and
/// the values are the same in the dataset's notation (numbers and kind: `<=10000` is not `10000`).
/// Recall and precision count those matches. Kind accuracy is among the pairs whose numbers agree
/// whatever their kinds (a `10000` for `<=10000` is a kind error); unit, period and measure accuracy
/// are among the matches.
public struct Score: Equatable {
  public var gold = 0
  public var predicted = 0
  public var matched = 0
  public var numbersMatched = 0
  public var kindsRight = 0
  public var unitsRight = 0
  public var periodsRight = 0
  public var measuresRight = 0
  /// Gold rows not matched, and predictions that match nothing.
  public var missed: [ScoredFigure] = []
  public var extra: [ScoredFigure] = []
  /// Matched pairs with another unit, period or measure: (gold, predicted).
  public var wrong: [(field: String, gold: ScoredFigure, predicted: ScoredFigure)] = []

  public static func == (a: Score, b: Score) -> Bool {
    [a.gold, a.predicted, a.matched, a.numbersMatched, a.kindsRight, a.unitsRight, a.periodsRight, a.measuresRight]
      == [b.gold, b.predicted, b.matched, b.numbersMatched, b.kindsRight, b.unitsRight, b.periodsRight, b.measuresRight]
  }

  static func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
  public var recall: Double { Self.ratio(matched, gold) }
  public var precision: Double { Self.ratio(matched, predicted) }
  public var kindAccuracy: Double { Self.ratio(kindsRight, numbersMatched) }
  public var unitAccuracy: Double { Self.ratio(unitsRight, matched) }
  public var periodAccuracy: Double { Self.ratio(periodsRight, matched) }
  public var measureAccuracy: Double { Self.ratio(measuresRight, matched) }

  public init() {}

  /// Scores `predicted` against `gold`.
  public init(gold: [ScoredFigure], predicted: [ScoredFigure]) {
    self.gold = gold.count
    self.predicted = predicted.count
    var used = Set<Int>()
    var strict = Set<Int>()
    for g in gold {
      let candidates = predicted.indices.filter { i in
        !used.contains(i) && predicted[i].file == g.file && predicted[i].span.overlaps(g.span)
      }
      let sameNumbers = candidates.filter { predicted[$0].value.stated == g.value.stated }
      if let i = sameNumbers.first(where: { predicted[$0].value == g.value }) {
        used.insert(i)
        strict.insert(i)
        let p = predicted[i]
        matched += 1
        numbersMatched += 1
        kindsRight += 1
        if p.unit == g.unit { unitsRight += 1 } else { wrong.append(("unit", g, p)) }
        if p.period == g.period { periodsRight += 1 } else { wrong.append(("period", g, p)) }
        if p.measure == g.measure { measuresRight += 1 } else { wrong.append(("measure", g, p)) }
      } else if let i = sameNumbers.first {
        used.insert(i)
        numbersMatched += 1
        missed.append(g)
        wrong.append(("kind", g, predicted[i]))
      } else {
        missed.append(g)
      }
    }
    extra = predicted.enumerated().filter { !strict.contains($0.offset) }.map(\.element)
  }

  static func percent(_ x: Double) -> String { NumberFormat.ascii((x * 1000).rounded() / 10) + "%" }

  /// The scores as lines of text.
  public var summary: String {
    """
    figures: \(gold) in the gold list, \(predicted) extracted, \(matched) matched (value and kind)
    recall \(Self.percent(recall)), precision \(Self.percent(precision))
    kind accuracy \(Self.percent(kindAccuracy)) (\(kindsRight) of \(numbersMatched) figures whose numbers match)
    unit accuracy \(Self.percent(unitAccuracy)), period accuracy \(Self.percent(periodAccuracy)), measure accuracy \(Self.percent(measureAccuracy)) (of \(matched) matched)

    """
  }

  /// Every miss, extra figure and wrong field, one per line.
  public var details: String {
    var out = ""
    for g in missed { out += "missed\t" + g.row + "\n" }
    for p in extra { out += "extra\t" + p.row + "\n" }
    for w in wrong { out += "wrong \(w.field)\tgold " + w.gold.row + "\tgot " + w.predicted.row + "\n" }
    return out
  }
}
