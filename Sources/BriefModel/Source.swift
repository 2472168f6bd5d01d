/// Where figures come from: a news report, or a publication of data such as an exchange rate.
public struct Source: Hashable, Sendable {
  /// The kinds of source.
  public enum Kind: String, Sendable, CaseIterable {
    /// A news article.
    case article
    /// A published statistic or rate.
    case data
  }
  /// Stable id, referenced by observations, events and rates (e.g. `rfa-2014-04-25`).
  public var id: String
  /// Article or data.
  public var kind: Kind
  /// The outlet or publisher ("Radio Free Asia").
  public var outlet: String
  /// The headline (required for articles; a title for data).
  public var headline: String?
  /// Authors, reporters and translators as credited.
  public var authors: [String]
  /// Publication date (EDTF).
  public var published: EDTFDate
  /// Language of the text read, as a BCP 47 tag (`en`).
  public var language: String
  /// The reference text's file, if any (`000_d79f55078a190b83.txt`).
  public var file: String?
  /// Where the text can be read, if known.
  public var url: String?
  /// Line and column of the entry in its file.
  public var location: SourceLocation

  /// "Radio Free Asia, 25 Apr 2014" — for source lines under charts.
  public var citation: String {
    "\(outlet), \(published.displayText)"
  }
}

/// Where an entry was written: file, 1-based line and column.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
  /// The file path as given to the loader.
  public var file: String
  /// 1-based line.
  public var line: Int
  /// 1-based column.
  public var column: Int

  /// Creates a location.
  public init(file: String, line: Int, column: Int) {
    self.file = file
    self.line = line
    self.column = column
  }

  /// `file:line:column`.
  public var description: String { "\(file):\(line):\(column)" }
}
