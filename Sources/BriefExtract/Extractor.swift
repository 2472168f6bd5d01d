import BriefModel

/// A draft observation: one reported figure of an article, for an analyst to review.
public struct Draft: Equatable, Sendable {
  /// An id made from measure, place and period, unique in the dataset and the inbox.
  public var id: String
  /// The measure, filled only when the guess is confident.
  public var measure: Guess?
  /// The value in the dataset's notation.
  public var value: ReportedValue
  /// The unit as the dataset writes it; empty when the text gives none.
  public var unit: String
  /// The period (EDTF), resolved against the publication date.
  public var period: String
  /// Guesses at the places and sector.
  public var destination: Guess?
  public var destinationPlace: Guess?
  public var origin: Guess?
  public var sector: Guess?
  /// The source id.
  public var source: String
  /// Where the figure came from.
  public var quote: Quote
  /// What a reviewer must look at; empty when nothing is in doubt.
  public var review: [String]
  /// The number itself (first digit to last), for scoring.
  public var core: Range<Int>
}

/// Extracts every reported figure of an article as a draft observation.
///
/// ```swift
/// let drafts = Extractor.extract(text, file: "000.txt", source: "rfa-2014-04-25",
///                                published: try EDTFDate.parse("2014-04-25"), vocabulary: vocabulary)
/// ```
public enum Extractor {
  /// Guesses below this confidence are not filled in; they are listed for review.
  public static let fillThreshold = 0.6

  /// The drafts of `text`, in the order of the figures.
  ///
  /// Offsets count Unicode scalars. `markdown` makes single line breaks part of a paragraph and
  /// headings page furniture. `existingIds` are the ids the new ids must not repeat.
  public static func extract(
    _ text: String, file: String, source: String, published: EDTFDate, vocabulary: Vocabulary, markdown: Bool = false,
    existingIds: Set<String> = []
  ) -> [Draft] {
    let article = ArticleText(text, markdown: markdown)
    let reader = FigureReader(text: article, vocabulary: vocabulary)
    let periods = PeriodReader(r: reader, published: Publication(published))
    let guesser = Guesser(reader: reader, vocabulary: vocabulary)
    let articleDestination = guesser.articleDestination()
    var drafts: [Draft] = []
    var usedIds = existingIds
    var earlierPeriod: String? = nil
    for (index, sentence) in article.sentences.enumerated() {
      let figures = reader.figures(in: sentence)
      let expressions = periods.expressions(in: sentence)
      for figure in figures {
        var review = figure.flags
        // Guesses read the words near the figure: a sentence thousands of characters long (a text
        // without full stops) costs as much per figure as a normal one.
        let near = max(sentence.lowerBound, figure.core.lowerBound - Guesser.radius)..<min(sentence.upperBound, figure.core.upperBound + Guesser.radius)
        let (period, periodFlags) = periods.period(for: figure.core, in: sentence, expressions: expressions, earlier: earlierPeriod)
        review += periodFlags
        let measure = guesser.measure(unit: figure.unit, core: figure.core, sentence: near)
        let previous = index > 0 ? article.sentences[index - 1].suffix(Guesser.radius) : nil
        let places = guesser.places(core: figure.core, sentence: near, previous: previous, articleDestination: articleDestination)
        let sector = guesser.sector(core: figure.core, sentence: near)
        for (field, guess) in [("measure", measure), ("destination", places.destination), ("destination-place", places.destinationPlace),
          ("origin", places.origin), ("sector", sector)]
        {
          guard let guess, guess.confidence < fillThreshold else { continue }
          let others = guess.others.isEmpty ? "" : "; others: " + guess.others.joined(separator: ", ")
          review.append("\(field): guessed \(guess.value) (confidence \(NumberFormat.ascii(guess.confidence))), not filled\(others)")
        }
        if measure == nil { review.append("measure: no measure of the vocabulary takes this unit") }
        if !figure.unit.isEmpty, Unit(figure.unit, countNouns: vocabulary.units) == nil {
          review.append("unit: \(figure.unit) is not a unit of the dataset")
        }
        let filledMeasure = measure.flatMap { $0.confidence >= fillThreshold ? $0 : nil }
        let filledDestination = places.destination.flatMap { $0.confidence >= fillThreshold ? $0 : nil }
        let filledOrigin = places.origin.flatMap { $0.confidence >= fillThreshold ? $0 : nil }
        let id = uniqueId(
          measure: filledMeasure?.value ?? "figure", place: filledDestination?.value ?? filledOrigin?.value, period: period,
          vocabulary: vocabulary, used: &usedIds)
        drafts.append(
          Draft(
            id: id, measure: measure, value: figure.value, unit: figure.unit, period: period,
            destination: places.destination, destinationPlace: places.destinationPlace, origin: places.origin, sector: sector,
            source: source, quote: Quote(file: file, sentence: sentence, figure: figure.span), review: review, core: figure.core))
      }
      if let explicit = expressions.last(where: { !$0.isPresent && $0.edtf != nil })?.edtf { earlierPeriod = explicit }
    }
    return drafts
  }

  /// `MEASURE-PLACE-PERIOD`, with `-2`, `-3`… when taken.
  static func uniqueId(measure: String, place: String?, period: String, vocabulary: Vocabulary, used: inout Set<String>) -> String {
    let periodSlug = Slug.make(period)
    let base = [measure, place.map { vocabulary.code($0) } ?? "", periodSlug].filter { !$0.isEmpty }.joined(separator: "-")
    var id = base
    var n = 2
    while used.contains(id) {
      id = base + "-" + String(n)
      n += 1
    }
    used.insert(id)
    return id
  }
}
