import BriefModel
import CCmark

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A Markdown body parsed by cmark-gfm with the GFM table extension, owning the
/// parser and the document tree and freeing both exactly once.
///
/// Nodes handed out as ``CmarkNode`` borrow from this object: keep it alive while
/// walking them (`withExtendedLifetime`).
final class CmarkDocument {
  /// The parser, kept until the tree is freed. The corresponding C type is `cmark_parser`.
  private let parser: OpaquePointer
  /// The document node. The corresponding C type is `cmark_node`.
  private let rootPointer: OpaquePointer

  /// The document node.
  var root: CmarkNode { CmarkNode(rootPointer) }

  /// Registers cmark-gfm's core extensions once per process.
  ///
  /// The C function `cmark_gfm_core_extensions_ensure_registered` of 0.29 is not
  /// safe to call from two threads at once; a static's lazy initialiser is.
  private static let coreExtensionsRegistered: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
  }()

  private init(parser: OpaquePointer, root: OpaquePointer) {
    self.parser = parser
    self.rootPointer = root
  }

  deinit {
    cmark_node_free(rootPointer)
    cmark_parser_free(parser)
  }

  /// Parses UTF-8 Markdown; `failure` describes where to report a failure of the C library.
  ///
  /// The corresponding C functions are `cmark_parser_new`, `cmark_parser_feed` and `cmark_parser_finish`.
  static func parse(_ bytes: ArraySlice<UInt8>, failure: (String) -> DatasetError) throws -> CmarkDocument {
    _ = coreExtensionsRegistered
    guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else {
      throw failure("cmark_parser_new returned NULL")
    }
    guard let table = cmark_find_syntax_extension("table") else {
      cmark_parser_free(parser)
      throw failure("cmark-gfm has no \"table\" extension")
    }
    guard cmark_parser_attach_syntax_extension(parser, table) != 0 else {
      cmark_parser_free(parser)
      throw failure("cmark-gfm could not attach the \"table\" extension")
    }
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
      base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
        cmark_parser_feed(parser, chars, buffer.count)
      }
    }
    guard let root = cmark_parser_finish(parser) else {
      cmark_parser_free(parser)
      throw failure("cmark_parser_finish returned NULL")
    }
    return CmarkDocument(parser: parser, root: root)
  }
}

/// A borrowed view of one node of a ``CmarkDocument``, valid while the document lives.
struct CmarkNode {
  /// The node. The corresponding C type is `cmark_node`.
  let pointer: OpaquePointer

  init(_ pointer: OpaquePointer) { self.pointer = pointer }

  /// The kinds of node a brief's body holds.
  enum Kind: Equatable {
    case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
    case table, tableRow, tableHeader, tableCell
    case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image
    /// Anything else (a custom block or inline, a footnote), named by ``CmarkNode/typeString``.
    case other
  }

  /// The node's kind. The corresponding C functions are `cmark_node_get_type` and,
  /// for the table extension's nodes, `cmark_node_get_type_string`.
  ///
  /// Compares raw values: the imported C enum's own `==` is generic and slow in debug builds.
  var kind: Kind {
    switch cmark_node_get_type(pointer).rawValue {
    case CMARK_NODE_TEXT.rawValue: return .text
    case CMARK_NODE_PARAGRAPH.rawValue: return .paragraph
    case CMARK_NODE_SOFTBREAK.rawValue: return .softBreak
    case CMARK_NODE_LINEBREAK.rawValue: return .lineBreak
    case CMARK_NODE_CODE.rawValue: return .code
    case CMARK_NODE_HTML_INLINE.rawValue: return .htmlInline
    case CMARK_NODE_EMPH.rawValue: return .emphasis
    case CMARK_NODE_STRONG.rawValue: return .strong
    case CMARK_NODE_LINK.rawValue: return .link
    case CMARK_NODE_IMAGE.rawValue: return .image
    case CMARK_NODE_HEADING.rawValue: return .heading
    case CMARK_NODE_LIST.rawValue: return .list
    case CMARK_NODE_ITEM.rawValue: return .item
    case CMARK_NODE_BLOCK_QUOTE.rawValue: return .blockQuote
    case CMARK_NODE_CODE_BLOCK.rawValue: return .codeBlock
    case CMARK_NODE_HTML_BLOCK.rawValue: return .htmlBlock
    case CMARK_NODE_THEMATIC_BREAK.rawValue: return .thematicBreak
    case CMARK_NODE_DOCUMENT.rawValue: return .document
    default:
      switch typeString {
      case "table": return .table
      case "table_row": return .tableRow
      case "table_header": return .tableHeader
      case "table_cell": return .tableCell
      default: return .other
      }
    }
  }

  /// The type's name, which names extension nodes (`table`, `table_row`, `table_header`,
  /// `table_cell`). The corresponding C function is `cmark_node_get_type_string`.
  var typeString: String {
    guard let name = cmark_node_get_type_string(pointer) else { return "" }
    return String(cString: name)
  }

  /// The children, first to last. The corresponding C functions are
  /// `cmark_node_first_child` and `cmark_node_next`.
  var children: [CmarkNode] {
    var result: [CmarkNode] = []
    var child = cmark_node_first_child(pointer)
    while let node = child {
      result.append(CmarkNode(node))
      child = cmark_node_next(node)
    }
    return result
  }

  /// Visits the node and everything under it in document order, without recursion:
  /// `visit(node, entering)` is called when a node is entered and, for a node that can
  /// hold others, again when it is left. Returns false when cmark cannot iterate.
  ///
  /// The corresponding C functions are `cmark_iter_new`, `cmark_iter_next` and `cmark_iter_get_node`.
  func walk(_ visit: (CmarkNode, _ entering: Bool) throws -> Void) rethrows -> Bool {
    guard let iter = cmark_iter_new(pointer) else { return false }
    defer { cmark_iter_free(iter) }
    while true {
      let event = cmark_iter_next(iter)
      guard event.rawValue == CMARK_EVENT_ENTER.rawValue || event.rawValue == CMARK_EVENT_EXIT.rawValue else { return true }
      guard let node = cmark_iter_get_node(iter) else { return true }
      try visit(CmarkNode(node), event.rawValue == CMARK_EVENT_ENTER.rawValue)
    }
  }

  /// The text of a text, code, code block or HTML node; empty for others.
  /// The corresponding C function is `cmark_node_get_literal`.
  var literal: String {
    guard let text = cmark_node_get_literal(pointer) else { return "" }
    return String(cString: text)
  }

  /// The number of Unicode scalars of the literal, counted in its UTF-8 bytes without making a String.
  var literalLength: Int {
    guard let text = cmark_node_get_literal(pointer) else { return 0 }
    let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self), count: strlen(text))
    return bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
  }

  /// Appends the literal's UTF-8 bytes to `bytes`, without making a String first.
  func appendLiteral(to bytes: inout [UInt8]) {
    guard let text = cmark_node_get_literal(pointer) else { return }
    let start = UnsafeRawPointer(text).assumingMemoryBound(to: UInt8.self)
    bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: strlen(text)))
  }

  /// A heading's level, 1–6. The corresponding C function is `cmark_node_get_heading_level`.
  var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }

  /// Whether a list is numbered. The corresponding C function is `cmark_node_get_list_type`.
  var isOrderedList: Bool { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }

  /// An ordered list's first number. The corresponding C function is `cmark_node_get_list_start`.
  var listStart: Int { Int(cmark_node_get_list_start(pointer)) }

  /// A link's or image's destination. The corresponding C function is `cmark_node_get_url`.
  var url: String {
    guard let text = cmark_node_get_url(pointer) else { return "" }
    return String(cString: text)
  }

  /// 1-based line in the text given to cmark. The corresponding C function is `cmark_node_get_start_line`.
  var startLine: Int { Int(cmark_node_get_start_line(pointer)) }

  /// 1-based column in bytes. The corresponding C function is `cmark_node_get_start_column`.
  var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }

  /// The number of columns of a table. The corresponding C function is
  /// `cmark_gfm_extensions_get_table_columns`.
  var tableColumns: Int { Int(cmark_gfm_extensions_get_table_columns(pointer)) }

  /// The column alignments of a table, one per column. The corresponding C function is
  /// `cmark_gfm_extensions_get_table_alignments` (`l`, `c`, `r` or 0).
  var tableAlignments: [TableAlignment] {
    let count = tableColumns
    guard count > 0, let bytes = cmark_gfm_extensions_get_table_alignments(pointer) else {
      return Array(repeating: .none, count: count)
    }
    return (0..<count).map { index in
      switch bytes[index] {
      case UInt8(ascii: "l"): return .left
      case UInt8(ascii: "c"): return .center
      case UInt8(ascii: "r"): return .right
      default: return .none
      }
    }
  }
}
