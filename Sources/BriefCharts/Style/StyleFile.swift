import BriefModel
import BriefScene
import Yams

/// Loads style files (`styles/NAME.yaml`) into a `ChartStyle`.
///
/// A style file sets any of these, every key optional; `extends` names another
/// style in the same folder that it starts from (otherwise the built-in
/// defaults):
///
/// ```yaml
/// extends: default
/// chart:   {size: 960x540, margin: 28, background: "#ffffff"}
/// fonts:   {families: [Inter, NanumGothic], title: 26, subtitle: 17, label: 15, tick: 13, note: 12}
/// colors:  {text: "#1a1a1a", muted: "#5c5c5c", grid: "#e1e1e1", axis: "#8c8c8c", ink: "#1a1a1a",
///           palette: ["#0072b2", "#d55e00"]}
/// lines:   {grid: 0.6, whisker: 1.4}
/// numbers: {thousands: ",", decimal: "."}
/// dates:   {months: short}
/// ```
///
/// An unknown key or a bad value is an error naming the file, line and column.
public enum StyleFile {
  /// A loaded style and every file read to make it (the style and those it extends).
  public struct Loaded: Sendable {
    public var style: ChartStyle
    /// The page layout of briefs, from the `page` section.
    public var page: PageStyle
    public var files: [String]

    public init(style: ChartStyle, page: PageStyle = .a4, files: [String]) {
      self.style = style
      self.page = page
      self.files = files
    }
  }

  /// The built-in style names, each a file in the styles folder.
  public static let builtIn = ["default", "print", "slides"]

  /// The keys of a style file.
  static let sections = ["extends", "chart", "fonts", "colors", "lines", "numbers", "dates", "page"]

  /// Loads a style by name (`default` -> `DIR/default.yaml`) or by path (anything with a `/` or ending in `.yaml`).
  ///
  /// `read` gives a file's text: by default ``InputFile/text(_:)`` from disk.
  public static func load(_ nameOrPath: String, stylesDirectory: String, read: (String) throws -> String = InputFile.text) throws -> Loaded {
    var chain: [String] = []
    return try load(nameOrPath, stylesDirectory: stylesDirectory, read: read, chain: &chain)
  }

  /// The file a style name or path refers to.
  public static func path(for nameOrPath: String, in dir: String) -> String {
    nameOrPath.contains("/") || nameOrPath.hasSuffix(".yaml") || nameOrPath.hasSuffix(".yml")
      ? nameOrPath : "\(dir)/\(nameOrPath).yaml"
  }

  private static func load(_ nameOrPath: String, stylesDirectory dir: String, read: (String) throws -> String, chain: inout [String]) throws -> Loaded {
    let file = path(for: nameOrPath, in: dir)
    guard !chain.contains(file) else {
      throw DatasetError(file: file, line: 1, column: 1, field: "extends", expected: "styles that do not extend each other in a circle", found: (chain + [file]).joined(separator: " -> "))
    }
    chain.append(file)
    let text = try read(file)
    let (reader, root) = try YAMLReader.parse(text, file: file)
    guard let root, !root.isNull else { return Loaded(style: .standard, page: .a4, files: [file]) }
    // `extends` may name any file (`/etc/passwd`): what is not a mapping is described by its shape, never quoted.
    guard case .mapping = root else {
      throw reader.error(root, "style", expected: "a mapping of style keys (\(sections.joined(separator: ", ")))", found: shape(of: root))
    }
    let top = try reader.fields(root, "", allowed: sections)
    var base = Loaded(style: .standard, page: .a4, files: [])
    if let ext = top.first(where: { $0.key == "extends" }) {
      let name = try reader.string(ext.value, "extends")
      do {
        base = try load(name, stylesDirectory: dir, read: read, chain: &chain)
      } catch let e as InputFileError where e.path == path(for: name, in: dir) {
        // The style it names cannot be read: the problem is where it is named.
        throw reader.error(ext.value, "extends", expected: e.expected, found: "\(e.path), \(e.found)")
      }
    }
    var style = base.style
    try apply(top.filter { $0.key != "extends" && $0.key != "page" }.map { ($0.key, $0.value) }, to: &style, reader: reader, field: "")
    var page = base.page
    if let node = top.first(where: { $0.key == "page" })?.value {
      try applyPage(node, to: &page, reader: reader)
    }
    return Loaded(style: style, page: page, files: base.files + [file])
  }

  /// What a node is, without what it says: "a text", "a list".
  static func shape(of node: Node) -> String {
    switch node {
    case .scalar: return "a text"
    case .sequence: return "a list"
    case .mapping: return "a mapping"
    case .alias: return "an alias"
    }
  }

  /// Reads the `page` section: size (A4, Letter or WxH), margins, body-size, justify, heading-numbers.
  static func applyPage(_ node: Node, to page: inout PageStyle, reader r: YAMLReader) throws {
    for f in try r.fields(node, "page", allowed: ["size", "margins", "body-size", "justify", "heading-numbers", "line-spacing"]) {
      let p = r.path("page", f.key)
      switch f.key {
      case "size":
        let text = try r.string(f.value, p)
        switch text.lowercased() {
        case "a4": page.size = PageStyle.a4.size
        case "letter": page.size = Size(width: 612, height: 792)
        default:
          guard let s = YAMLReader.parseSize(text), s.width >= 144, s.height >= 144 else {
            throw r.error(f.value, p, expected: "A4, Letter or WIDTHxHEIGHT in points (at least 144x144)")
          }
          page.size = s
        }
      case "margins": page.margin = try r.number(f.value, p, in: 18...144)
      case "body-size": page.bodySize = try r.number(f.value, p, in: 6...24)
      case "line-spacing": page.lineSpacing = try r.number(f.value, p, in: 1...3)
      case "justify": page.justify = try r.bool(f.value, p)
      default: page.numberHeadings = try r.bool(f.value, p)
      }
    }
    guard page.textWidth >= page.narrowestText else {
      func pt(_ x: Double) -> String { NumberFormat.plain(x) + " pt" }
      throw r.error(
        node, "page", expected: "margins that leave text at least \(pt(page.narrowestText)) wide (four ems of the body size)",
        found: "\(pt(page.textWidth)) between \(pt(page.margin)) margins on a page \(pt(page.size.width)) wide")
    }
  }

  /// Applies overrides in the style file's form (the same keys) to `style`; chart specs use this for their `style:`.
  static func apply(_ sections: [(String, Node)], to style: inout ChartStyle, reader r: YAMLReader, field parent: String) throws {
    for (section, node) in sections {
      let at = r.path(parent, section)
      switch section {
      case "chart":
        for f in try r.fields(node, at, allowed: ["size", "margin", "background"]) {
          let p = r.path(at, f.key)
          switch f.key {
          case "size": style.size = try r.size(f.value, p)
          case "margin": style.margin = try r.number(f.value, p, in: 0...200)
          default: style.background = try r.color(f.value, p)
          }
        }
      case "fonts":
        for f in try r.fields(node, at, allowed: ["families", "title", "subtitle", "label", "tick", "note"]) {
          let p = r.path(at, f.key)
          switch f.key {
          case "families":
            let families = try r.strings(f.value, p)
            guard !families.isEmpty, families.allSatisfy({ !$0.isEmpty && !$0.contains(",") }) else {
              throw r.error(f.value, p, expected: "a list of font family names")
            }
            style.fontFamilies = families
          case "title": style.titleSize = try r.number(f.value, p, in: 4...200)
          case "subtitle": style.subtitleSize = try r.number(f.value, p, in: 4...200)
          case "label": style.labelSize = try r.number(f.value, p, in: 4...200)
          case "tick": style.tickSize = try r.number(f.value, p, in: 4...200)
          default: style.noteSize = try r.number(f.value, p, in: 4...200)
          }
        }
      case "colors":
        for f in try r.fields(node, at, allowed: ["text", "muted", "grid", "axis", "ink", "palette"]) {
          let p = r.path(at, f.key)
          switch f.key {
          case "text": style.textColor = try r.color(f.value, p)
          case "muted": style.mutedTextColor = try r.color(f.value, p)
          case "grid": style.gridColor = try r.color(f.value, p)
          case "axis": style.axisColor = try r.color(f.value, p)
          case "ink": style.inkColor = try r.color(f.value, p)
          default:
            let items = try r.list(f.value, p)
            guard !items.isEmpty else { throw r.error(f.value, p, expected: "at least one colour") }
            style.palette = try items.enumerated().map { try r.color($0.element, "\(p)[\($0.offset + 1)]") }
          }
        }
      case "lines":
        for f in try r.fields(node, at, allowed: ["grid", "whisker"]) {
          let p = r.path(at, f.key)
          if f.key == "grid" { style.gridWidth = try r.number(f.value, p, in: 0...20) } else {
            style.whiskerWidth = try r.number(f.value, p, in: 0...20)
          }
        }
      case "numbers":
        for f in try r.fields(node, at, allowed: ["thousands", "decimal"]) {
          let p = r.path(at, f.key)
          let text = try r.string(f.value, p)
          let allowed = f.key == "thousands" ? NumberSeparators.thousands : NumberSeparators.decimal
          guard allowed.accepts(text) else {
            throw r.error(f.value, p, expected: allowed.description, found: NumberSeparators.describe(text))
          }
          if f.key == "thousands" { style.thousandsSeparator = text } else { style.decimalMark = text }
        }
        guard style.thousandsSeparator != style.decimalMark else {
          throw r.error(node, at, expected: "a thousands separator that differs from the decimal mark", found: "both \"\(style.decimalMark)\"")
        }
      case "dates":
        for f in try r.fields(node, at, allowed: ["months"]) {
          let word = try r.string(f.value, r.path(at, f.key))
          guard word == "short" || word == "long" else {
            throw r.error(f.value, r.path(at, f.key), expected: "short or long")
          }
          style.longMonthNames = word == "long"
        }
      default:
        throw r.error(node, at, expected: "a known style section")
      }
    }
  }
}
