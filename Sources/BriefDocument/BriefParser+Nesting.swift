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

  /// Throws at the first list, quote, emphasis, link or image nested deeper than ``maxNesting``.
  ///
  /// Walks cmark's tree with its iterator, without recursion, before anything else does: a body
  /// of 7,000 `>` or 20,000 `- ` is one line and a tree thousands of levels deep.
  func checkNesting(_ root: CmarkNode) throws {
    var blocks = 0
    var inlines = 0
    let walked = try root.walk { node, entering in
      let kind = node.kind
      let step = entering ? 1 : -1
      switch kind {
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
