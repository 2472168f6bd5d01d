import BriefModel

/// A brief as written: YAML front matter and a Markdown body, parsed into blocks.
///
/// ```markdown
/// ---
/// title: North Korean workers abroad
/// subtitle: Monthly brief
/// period: 2026-11
/// authors: [A. Analyst]
/// organisation: Example Institute
/// style: default
/// classification: For internal distribution
/// language: en
/// ---
/// # Summary
/// About {{headcount-ru-workers-2024-10}} workers remained in Russia.
///
/// ![Bribes paid for selection](chart:bribes-for-selection)
///
/// {{key-figures: headcount-ru-workers-2024-10, bribe-sinuiju-2021-usd}}
/// ```
public struct BriefSpec: Equatable, Sendable {
  /// The file the brief was read from, for error messages.
  public var file: String
  public var frontMatter: FrontMatter
  public var blocks: [Block]

  public init(file: String, frontMatter: FrontMatter, blocks: [Block]) {
    self.file = file
    self.frontMatter = frontMatter
    self.blocks = blocks
  }
}

/// The brief's front matter.
public struct FrontMatter: Equatable, Sendable {
  public var title: String
  public var subtitle: String
  /// The period the brief covers, EDTF (`2026-11`).
  public var period: EDTFDate?
  public var authors: [String]
  public var organisation: String
  /// A style name or file; nil for the command line's choice.
  public var style: String?
  /// Where `style` is written, for errors about it.
  public var styleLocation: SourceLocation?
  /// A classification or distribution line, printed on every page.
  public var classification: String
  /// The language, as a BCP 47 tag (`en`).
  public var language: String

  public init(
    title: String, subtitle: String = "", period: EDTFDate? = nil, authors: [String] = [], organisation: String = "",
    style: String? = nil, classification: String = "", language: String = "en"
  ) {
    self.title = title
    self.subtitle = subtitle
    self.period = period
    self.authors = authors
    self.organisation = organisation
    self.style = style
    self.classification = classification
    self.language = language
  }
}

/// A live number in the text: `{{ID}}` or `{{ID.low}}`, `{{ID.high}}`, `{{ID.estimate}}`, or a
/// formula computed on the spot, `{{= growth(cn-entries-2013, cn-entries-2012)}}`.
public struct Placeholder: Equatable, Hashable, Sendable {
  /// Which part of the value to insert.
  public enum Part: String, Sendable, CaseIterable {
    case whole, low, high, estimate
  }

  /// An estimate or observation id.
  public var id: String
  public var part: Part
  /// Where the placeholder starts in the brief's file (for a formula, where the formula starts).
  public var location: SourceLocation
  /// The formula of `{{= …}}`, with `id` empty.
  public var formula: String?

  public init(id: String, part: Part, location: SourceLocation, formula: String? = nil) {
    self.id = id
    self.part = part
    self.location = location
    self.formula = formula
  }
}

/// Inline content of paragraphs, headings, list items and table cells.
public indirect enum Inline: Equatable, Sendable {
  case text(String)
  case emphasis([Inline])
  case strong([Inline])
  case code(String)
  case link(url: String, [Inline])
  /// A line break inside a paragraph that reflows as a space.
  case softBreak
  case lineBreak
  case placeholder(Placeholder)
}

/// Column alignment of a table.
public enum TableAlignment: String, Sendable {
  case none, left, center, right
}

/// A block of the brief's body.
public indirect enum Block: Equatable, Sendable {
  case heading(level: Int, [Inline], SourceLocation)
  case paragraph([Inline], SourceLocation)
  case list(ordered: Bool, start: Int, items: [[Block]], SourceLocation)
  case quote([Block], SourceLocation)
  /// A GFM table: header cells, column alignments, body rows of cells.
  case table(header: [[Inline]], alignments: [TableAlignment], rows: [[[Inline]]], SourceLocation)
  /// `![alt text](chart:ID)` alone in a paragraph: a full-width figure.
  case chart(id: String, alt: String, SourceLocation)
  /// `{{table:NAME}}` alone in a paragraph: a table generated from the dataset.
  case generatedTable(name: String, SourceLocation)
  /// `{{key-figures: ID, ID, ID}}` alone in a paragraph: a row of key-figure tiles.
  case keyFigures(ids: [String], SourceLocation)
  case code(String, SourceLocation)
  case rule(SourceLocation)
}

extension Block {
  /// Where the block starts in the brief's file.
  public var location: SourceLocation {
    switch self {
    case .heading(_, _, let at), .paragraph(_, let at), .list(_, _, _, let at), .quote(_, let at), .table(_, _, _, let at),
      .chart(_, _, let at), .generatedTable(_, let at), .keyFigures(_, let at), .code(_, let at), .rule(let at):
      return at
    }
  }
}

extension BriefSpec {
  /// The ids of the charts the brief places (`![alt](chart:ID)`), in reading order, once each.
  public var chartIDs: [String] {
    var seen: Set<String> = []
    var ids: [String] = []
    func walk(_ blocks: [Block]) {
      for block in blocks {
        switch block {
        case .chart(let id, _, _): if seen.insert(id).inserted { ids.append(id) }
        case .list(_, _, let items, _): items.forEach(walk)
        case .quote(let inner, _): walk(inner)
        default: break
        }
      }
    }
    walk(blocks)
    return ids
  }
}
