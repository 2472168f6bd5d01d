/// Where a figure came from in an article: the article's file and the offsets of its sentence and
/// of the figure's own words ("up to 10,000 workers"), so a reviewer or a footnote can show the
/// exact words.
///
/// Offsets count Unicode scalars from the start of the file, half-open (`[start, end)`), as
/// Python's `str` indexes text. In YAML: `quote: {file: 000.txt, sentence: [120, 260], figure: [150, 171]}`.
public struct Quote: Equatable, Hashable, Sendable {
  /// The article's file name, as the source's `file` gives it.
  public var file: String
  /// The sentence.
  public var sentence: Range<Int>
  /// The figure, from its hedge to its unit; inside the sentence.
  public var figure: Range<Int>

  public init(file: String, sentence: Range<Int>, figure: Range<Int>) {
    self.file = file
    self.sentence = sentence
    self.figure = figure
  }

  /// The sentence's text in `article`, with the figure's words marked, or nil when the offsets
  /// fall outside the text.
  public func words(in article: String) -> (sentence: String, figure: String)? {
    let scalars = Array(article.unicodeScalars)
    guard sentence.upperBound <= scalars.count, figure.upperBound <= scalars.count else { return nil }
    func text(_ r: Range<Int>) -> String {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars[r])
      return String(view)
    }
    return (text(sentence), text(figure))
  }
}
