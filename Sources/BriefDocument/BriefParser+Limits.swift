import BriefModel

extension BodyReader {
  /// The deepest nesting a brief's body may have: lists and quotes inside one another
  /// (a list item's paragraphs are on its list's level), and emphasis, links and images
  /// inside one another.
  ///
  /// The parser, the layout, the citations and Swift's own comparing and freeing of the
  /// ``Block`` and ``Inline`` trees walk them by recursion; 32 levels keep every such walk
  /// a few kilobytes of stack, on any thread. Real briefs use three or four: at 32, a list's
  /// text would start 380 pt (bullets) to 580 pt (numbers) in, past the width of an A4 page's
  /// text. 32 is also how deep YAML may nest in every other input.
  static let maxNesting = 32

  /// The most characters a paragraph, heading, table cell or block of code may hold.
  ///
  /// 100,000 characters are some 25 pages of unbroken text, far beyond any real paragraph.
  /// Pango 1.50 silently lays out only the first line of a text of about 260,000 characters or
  /// more, and everything else costs time in proportion: the limit keeps each text well inside
  /// what is drawn whole.
  static let maxTextLength = 100_000

  /// Throws at the first list, quote, emphasis, link or image nested deeper than ``maxNesting``,
  /// and at the first paragraph, heading, table cell or block of code longer than ``maxTextLength``.
  ///
  /// Walks cmark's tree with its iterator, without recursion, before anything else does: a body
  /// of 7,000 `>` or 20,000 `- ` is one line and a tree thousands of levels deep.
  func checkLimits(_ root: CmarkNode) throws {
    var blocks = 0
    var inlines = 0
    // The block whose text is being counted, and its length so far.
    var textBlock = root
    var textLength = 0
    func checkLength() throws {
      guard textLength > Self.maxTextLength else { return }
      throw DatasetError(
        at: location(of: textBlock), field: "markdown",
        expected: "\(Self.describe(textBlock.kind)) of at most \(NumberFormat.grouped(Double(Self.maxTextLength))) characters",
        found: "\(NumberFormat.grouped(Double(textLength))) characters")
    }
    let walked = try root.walk { node, entering in
      let kind = node.kind
      let step = entering ? 1 : -1
      switch kind {
      case .paragraph, .heading, .tableCell:
        if entering { (textBlock, textLength) = (node, 0) } else { try checkLength() }
      case .codeBlock, .htmlBlock:
        (textBlock, textLength) = (node, node.literalLength)
        try checkLength()
      case .text, .code, .htmlInline:
        textLength += node.literalLength
      case .list, .blockQuote:
        blocks += step
        if entering && blocks > Self.maxNesting {
          throw DatasetError(
            at: location(of: node), field: "markdown",
            expected: "lists and quotes nested at most \(Self.maxNesting) deep",
            found: "a \(kind == .list ? "list" : "quote") \(blocks) levels deep")
        }
      case .emphasis, .strong, .link, .image:
        inlines += step
        if entering && inlines > Self.maxNesting {
          throw DatasetError(
            at: location(of: node), field: "markdown",
            expected: "emphasis, links and images nested at most \(Self.maxNesting) deep",
            found: "\(Self.name(of: kind)) \(inlines) levels deep")
        }
      default:
        break
      }
    }
    guard walked else {
      throw DatasetError(
        at: location(of: root), field: "markdown", expected: "a body cmark-gfm can walk", found: "cmark_iter_new returned NULL")
    }
  }

  /// A block that holds text, as the messages name it.
  static func describe(_ kind: CmarkNode.Kind) -> String {
    switch kind {
    case .heading: return "a heading"
    case .tableCell: return "a table cell"
    case .codeBlock: return "a block of code"
    default: return "a paragraph"
    }
  }

  /// An inline container's kind as the messages name it.
  static func name(of kind: CmarkNode.Kind) -> String {
    switch kind {
    case .strong: return "strong emphasis"
    case .link: return "a link"
    case .image: return "an image"
    default: return "emphasis"
    }
  }
}
