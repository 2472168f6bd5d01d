import BriefScene
import CCairo

/// Lays out, measures and draws text with Pango: the one place text is shaped,
/// so what layout code measures is exactly what is drawn.
///
/// Hinting and glyph-position rounding are off, so a layout has the same
/// geometry in a PDF, an SVG and a PNG at any scale. Each engine owns its own
/// font map and context; use one engine per thread.
public final class PangoTextEngine: TextMeasurer {
  private let fontMap: UnsafeMutablePointer<PangoFontMap>
  private let context: OpaquePointer
  private var cache: [LayoutKey: Layout] = [:]
  private var seenFonts: Set<UnsafeMutableRawPointer> = []
  /// The font files Pango used for every text laid out so far, for build dependency lists.
  public private(set) var fontFiles: Set<String> = []
  /// Family lists found installed (most texts share one or two).
  private var installedLists: Set<[String]> = []
  /// The family code spans are drawn in.
  static let monospaceFamily = "DejaVu Sans Mono"

  /// Creates an engine with a private Cairo font map.
  public init() throws {
    guard let options = cairo_font_options_create() else {
      throw RenderError.invalidRequest("Cairo could not create font options")
    }
    defer { cairo_font_options_destroy(options) }
    guard let map = pango_cairo_font_map_new() else {
      throw RenderError.invalidRequest("Pango could not create a font map")
    }
    guard let ctx = pango_font_map_create_context(map) else {
      g_object_unref(map)
      throw RenderError.invalidRequest("Pango could not create a context")
    }
    fontMap = map
    context = ctx
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
    pango_cairo_context_set_font_options(ctx, options)
    pango_cairo_context_set_resolution(ctx, 72)
    pango_context_set_round_glyph_positions(ctx, 0)
  }

  deinit {
    cache.removeAll()
    g_object_unref(UnsafeMutableRawPointer(context))
    g_object_unref(fontMap)
  }

  public func measure(_ text: String, style: TextStyle, maxWidth: Double?) throws -> TextMetrics {
    try layout(text, style: style, spans: [], maxWidth: maxWidth).metrics
  }

  public func measure(_ text: String, style: TextStyle, spans: [TextSpan], maxWidth: Double?) throws -> TextMetrics {
    try layout(text, style: style, spans: spans, maxWidth: maxWidth).metrics
  }

  public func lines(_ text: String, style: TextStyle, spans: [TextSpan], maxWidth: Double) throws -> [TextLine] {
    let layout = try layout(text, style: style, spans: spans, maxWidth: maxWidth)
    guard let iter = pango_layout_get_iter(layout.pointer) else {
      throw RenderError.invalidRequest("Pango could not iterate the lines of \"\(text.prefix(40))\"")
    }
    defer { pango_layout_iter_free(iter) }
    // Offsets in the text Pango laid out, less the breaks inserted into it: offsets in `text`.
    let offsets = Self.scalarIndexByByte(layout.text)
    let inserted = layout.insertedBreaks
    var skipped = 0
    func original(_ byte: Int) -> Int {
      let scalar = offsets[min(max(byte, 0), offsets.count - 1)]
      while skipped < inserted.count && inserted[skipped] + skipped < scalar { skipped += 1 }
      return scalar - skipped
    }
    let scale = Double(PANGO_SCALE)
    var out: [TextLine] = []
    repeat {
      guard let line = pango_layout_iter_get_line_readonly(iter) else { break }
      var logical = PangoRectangle()
      pango_layout_iter_get_line_extents(iter, nil, &logical)
      let startByte = Int(line.pointee.start_index), endByte = startByte + Int(line.pointee.length)
      let start = original(startByte)
      out.append(
        TextLine(
          start: start, end: original(endByte),
          baseline: Double(pango_layout_iter_get_baseline(iter)) / scale, top: Double(logical.y) / scale,
          height: Double(logical.height) / scale))
    } while pango_layout_iter_next_line(iter) != 0
    return out
  }

  /// The longest run of characters without a place to break that Pango is given to wrap as it is.
  ///
  /// Pango 1.50 breaks a word wider than the line by shaping what is left of it again for
  /// each line, so a word of n characters costs n² (40,000 characters took 7.6 s, 200,000
  /// over two minutes). A longer run is given a zero-width space every ``brokenRunPiece``
  /// characters: Pango then breaks it as it breaks words, in linear time, and fills each line
  /// to within a few characters. Real words, long URLs included, are shorter and are laid
  /// out as before.
  static let longestUnbrokenRun = 256

  /// How often a run longer than ``longestUnbrokenRun`` is given a place to break: short
  /// enough that the pieces fill a line closely, long enough to add few characters.
  static let brokenRunPiece = 16

  /// `text` with a zero-width space (U+200B) inserted every ``brokenRunPiece`` characters
  /// into each run of more than ``longestUnbrokenRun`` characters that Pango may not break,
  /// and the scalar offsets in `text` before which one was inserted, in order. Pango's own
  /// analysis (`pango_get_log_attrs`, the Unicode line breaking rules) says where it may
  /// break; a text without such a run is returned as it is.
  static func breakingLongRuns(_ text: String) -> (String, [Int]) {
    let limit = longestUnbrokenRun
    // Cheap tests first: the text's length, then its longest run without a space, which is at
    // least as long as its longest run without a place to break.
    guard text.utf8.count > limit else { return (text, []) }
    var run = 0
    var longest = 0
    for scalar in text.unicodeScalars {
      run = scalar.properties.isWhitespace ? 0 : run + 1
      longest = max(longest, run)
    }
    guard longest > limit else { return (text, []) }
    let scalars = Array(text.unicodeScalars)
    var attrs = [PangoLogAttr](repeating: PangoLogAttr(), count: scalars.count + 1)
    let byteCount = Int32(clamping: text.utf8.count)
    attrs.withUnsafeMutableBufferPointer { buffer in
      pango_get_log_attrs(text, byteCount, -1, pango_language_get_default(), buffer.baseAddress, Int32(clamping: buffer.count))
    }
    // The runs between places to break, as [start, end) scalar offsets.
    var out = String.UnicodeScalarView()
    var inserted: [Int] = []
    var start = 0
    for end in 1...scalars.count where end == scalars.count || attrs[end].is_line_break != 0 {
      if end - start > limit {
        for index in start..<end {
          if index > start && (index - start) % brokenRunPiece == 0 {
            out.append("\u{200B}")
            inserted.append(index)
          }
          out.append(scalars[index])
        }
      } else {
        out.append(contentsOf: scalars[start..<end])
      }
      start = end
    }
    return (String(out), inserted)
  }

  /// For each UTF-8 byte offset (and the end), the number of Unicode scalars before it.
  static func scalarIndexByByte(_ text: String) -> [Int] {
    var out: [Int] = []
    out.reserveCapacity(text.utf8.count + 1)
    var scalars = 0
    for scalar in text.unicodeScalars {
      for _ in 0..<UTF8.width(scalar) { out.append(scalars) }
      scalars += 1
    }
    out.append(scalars)
    return out
  }

  /// For each scalar offset (and the end), its UTF-8 byte offset.
  static func byteIndexByScalar(_ text: String) -> [Int] {
    var out: [Int] = []
    var bytes = 0
    for scalar in text.unicodeScalars {
      out.append(bytes)
      bytes += UTF8.width(scalar)
    }
    out.append(bytes)
    return out
  }

  /// Draws a text item with its anchors applied on a Cairo context.
  func draw(_ item: TextItem, on cr: OpaquePointer) throws {
    let layout = try layout(item.text, style: item.style, spans: item.spans, maxWidth: item.maxWidth)
    let frame = TextLayoutBox.frame(for: item, metrics: layout.metrics)
    let c = item.style.color
    cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
    cairo_move_to(cr, frame.x, frame.y)
    pango_cairo_show_layout(cr, layout.pointer)
  }

  /// Returns the shaped layout for a text in a style, from the cache when it was shaped before.
  ///
  /// Fails when some character has no glyph in any installed font: Pango would
  /// silently draw boxes.
  func layout(_ text: String, style: TextStyle, spans: [TextSpan], maxWidth: Double?) throws -> Layout {
    // The text's colour is set when it is drawn, not in the layout: texts that differ only in it share one.
    var shape = style
    shape.color = .black
    let key = LayoutKey(text: text, style: shape, spans: spans, maxWidth: maxWidth)
    if let hit = cache[key] { return hit }
    try requireInstalled(style.font.families)
    if spans.contains(where: \.monospace) { try requireInstalled([Self.monospaceFamily]) }
    guard let p = pango_layout_new(context) else {
      throw RenderError.invalidRequest("Pango could not create a layout")
    }
    let layout = Layout(p)
    if maxWidth != nil { (layout.text, layout.insertedBreaks) = Self.breakingLongRuns(text) } else { layout.text = text }
    pango_layout_set_text(p, layout.text, -1)
    guard let desc = pango_font_description_new() else {
      throw RenderError.invalidRequest("Pango could not create a font description")
    }
    defer { pango_font_description_free(desc) }
    pango_font_description_set_family(desc, style.font.families.joined(separator: ","))
    guard style.font.size.isFinite, style.font.size > 0, style.font.size < 10_000 else {
      throw RenderError.invalidRequest("font size \(style.font.size) is out of range")
    }
    pango_font_description_set_absolute_size(desc, style.font.size * Double(PANGO_SCALE))
    pango_font_description_set_weight(desc, PangoWeight(rawValue: UInt32(style.font.weight.rawValue)))
    pango_font_description_set_style(desc, style.font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
    pango_layout_set_font_description(p, desc)
    if style.tabularFigures || !spans.isEmpty, let attrs = pango_attr_list_new() {
      if style.tabularFigures, let feature = pango_attr_font_features_new("tnum") {
        pango_attr_list_insert(attrs, feature)
      }
      let bytes = Self.byteIndexByScalar(layout.text)
      let inserted = layout.insertedBreaks
      // A span's ends in the laid-out text: each break inserted before an offset moves it on by one.
      func shifted(_ offset: Int) -> Int {
        var low = 0, high = inserted.count
        while low < high {
          let middle = (low + high) / 2
          if inserted[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        return offset + low
      }
      for span in spans {
        let a = min(max(shifted(span.start), 0), bytes.count - 1), b = min(max(shifted(span.end), a), bytes.count - 1)
        guard a < b else { continue }
        var list: [UnsafeMutablePointer<PangoAttribute>?] = []
        if let w = span.weight { list.append(pango_attr_weight_new(PangoWeight(rawValue: UInt32(w.rawValue)))) }
        if let i = span.italic { list.append(pango_attr_style_new(i ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)) }
        if let c = span.color {
          list.append(pango_attr_foreground_new(UInt16(c.red * 65535), UInt16(c.green * 65535), UInt16(c.blue * 65535)))
        }
        if span.superscript {
          list.append(pango_attr_size_new_absolute(Int32((style.font.size * 0.62 * Double(PANGO_SCALE)).rounded())))
          list.append(pango_attr_rise_new(Int32((style.font.size * 0.36 * Double(PANGO_SCALE)).rounded())))
        }
        if span.monospace { list.append(pango_attr_family_new(Self.monospaceFamily)) }
        for case let attr? in list {
          attr.pointee.start_index = UInt32(bytes[a])
          attr.pointee.end_index = UInt32(bytes[b])
          pango_attr_list_insert(attrs, attr)
        }
      }
      pango_layout_set_attributes(p, attrs)
      pango_attr_list_unref(attrs)
    }
    if let w = maxWidth {
      guard w.isFinite, w > 0, w < 1e6 else {
        throw RenderError.invalidRequest("text wrap width \(w) is out of range")
      }
      pango_layout_set_width(p, Int32((w * Double(PANGO_SCALE)).rounded()))
      pango_layout_set_wrap(p, PANGO_WRAP_WORD_CHAR)
    }
    switch style.alignment {
    case .left: pango_layout_set_alignment(p, PANGO_ALIGN_LEFT)
    case .center: pango_layout_set_alignment(p, PANGO_ALIGN_CENTER)
    case .right: pango_layout_set_alignment(p, PANGO_ALIGN_RIGHT)
    case .justify:
      pango_layout_set_alignment(p, PANGO_ALIGN_LEFT)
      pango_layout_set_justify(p, 1)
      if style.justifyLastLine { pango_layout_set_justify_last_line(p, 1) }
    }
    if style.lineSpacing != 1, style.lineSpacing.isFinite, style.lineSpacing > 0 {
      pango_layout_set_line_spacing(p, Float(style.lineSpacing))
    }
    let unknown = Int(pango_layout_get_unknown_glyphs_count(p))
    if unknown > 0 { throw RenderError.unknownGlyphs(text: text, count: unknown) }
    recordFonts(p)

    var logical = PangoRectangle()
    pango_layout_get_extents(p, nil, &logical)
    let scale = Double(PANGO_SCALE)
    layout.metrics = TextMetrics(
      width: Double(logical.width) / scale,
      height: Double(logical.height) / scale,
      baseline: Double(pango_layout_get_baseline(p)) / scale,
      lineCount: Int(pango_layout_get_line_count(p)))
    if cache.count > 4096 { cache.removeAll(keepingCapacity: true) }
    cache[key] = layout
    return layout
  }

  /// Fails unless every family of the list is installed.
  ///
  /// Fontconfig answers a family it does not have with its default font (DejaVu Sans here), so a
  /// misspelt or missing family would silently change every text. A family is installed when the
  /// font fontconfig picks for it bears its name, compared as fontconfig compares family names:
  /// ignoring case and spaces (`Nanum Gothic` is NanumGothic). Every family of a list must be
  /// installed, fallbacks included: each is there for the scripts the others lack, and a list
  /// that draws differently on another machine makes builds that differ.
  func requireInstalled(_ families: [String]) throws {
    guard !installedLists.contains(families) else { return }
    for family in families {
      let names = familyNames(ofFontFor: family)
      guard !names.contains(where: { Self.sameFamily($0, family) }) else { continue }
      throw RenderError.unknownFontFamily(family: family, substitute: names.first, installed: installedFamilies())
    }
    installedLists.insert(families)
  }

  /// The names of the families installed, as `fonts.families` may give them: the families Pango
  /// lists whose name picks a font of that family (not the generic Sans, Serif, Monospace), sorted.
  ///
  /// The corresponding C function is `pango_font_map_list_families`.
  func installedFamilies() -> [String] {
    var list: UnsafeMutablePointer<UnsafeMutablePointer<PangoFontFamily>?>?
    var count: Int32 = 0
    pango_font_map_list_families(fontMap, &list, &count)
    guard let list else { return [] }
    defer { g_free(list) }
    var names: [String] = []
    for k in 0..<Int(max(count, 0)) {
      guard let family = list[k], let name = pango_font_family_get_name(family) else { continue }
      names.append(String(cString: name))
    }
    let usable = names.filter { name in familyNames(ofFontFor: name).contains { Self.sameFamily($0, name) } }
    return Set(usable).sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
  }

  /// The family names of the font fontconfig picks for `family` (one font may have several, such
  /// as NanumGothic and 나눔고딕); empty when none loads.
  ///
  /// The corresponding C function is `pango_font_map_load_font`.
  private func familyNames(ofFontFor family: String) -> [String] {
    guard let desc = pango_font_description_new() else { return [] }
    defer { pango_font_description_free(desc) }
    pango_font_description_set_family(desc, family)
    pango_font_description_set_absolute_size(desc, 10 * Double(PANGO_SCALE))
    guard let font = pango_font_map_load_font(fontMap, context, desc) else { return [] }
    let raw = UnsafeMutableRawPointer(font)
    defer { g_object_unref(raw) }
    if g_type_check_instance_is_a(raw.assumingMemoryBound(to: GTypeInstance.self), pango_fc_font_get_type()) != 0,
      let pattern = raw.assumingMemoryBound(to: PangoFcFont.self).pointee.font_pattern
    {
      var names: [String] = []
      var name: UnsafeMutablePointer<FcChar8>?
      while FcPatternGetString(pattern, "family", Int32(names.count), &name) == FcResultMatch, let name {
        names.append(String(cString: name))
      }
      return names
    }
    guard let described = pango_font_describe(font) else { return [] }
    defer { pango_font_description_free(described) }
    return pango_font_description_get_family(described).map { [String(cString: $0)] } ?? []
  }

  /// Whether two family names are one for fontconfig: equal but for case and spaces.
  static func sameFamily(_ a: String, _ b: String) -> Bool {
    a.lowercased().filter { $0 != " " } == b.lowercased().filter { $0 != " " }
  }

  /// Notes the file of every font the layout's runs use.
  ///
  /// Each run's font is a fontconfig-backed Pango font whose resolved pattern
  /// names its file.
  private func recordFonts(_ layout: OpaquePointer) {
    var lines = pango_layout_get_lines_readonly(layout)
    while let node = lines {
      if let line = node.pointee.data?.assumingMemoryBound(to: PangoLayoutLine.self) {
        var runs = line.pointee.runs
        while let r = runs {
          if let run = r.pointee.data?.assumingMemoryBound(to: PangoGlyphItem.self),
            let font = run.pointee.item?.pointee.analysis.font
          {
            let raw = UnsafeMutableRawPointer(font)
            if seenFonts.insert(raw).inserted,
              g_type_check_instance_is_a(raw.assumingMemoryBound(to: GTypeInstance.self), pango_fc_font_get_type()) != 0
            {
              let fc = raw.assumingMemoryBound(to: PangoFcFont.self)
              var file: UnsafeMutablePointer<FcChar8>?
              if let pattern = fc.pointee.font_pattern, FcPatternGetString(pattern, "file", 0, &file) == FcResultMatch, let file {
                fontFiles.insert(String(cString: file))
              }
            }
          }
          runs = r.pointee.next
        }
      }
      lines = node.pointee.next
    }
  }

  /// Owns a PangoLayout.
  final class Layout {
    let pointer: OpaquePointer
    var metrics = TextMetrics(width: 0, height: 0, baseline: 0, lineCount: 0)
    /// The text Pango laid out: the text asked for, with the breaks of ``insertedBreaks``.
    var text = ""
    /// Where zero-width spaces were inserted into overlong words, as scalar offsets of the text asked for.
    var insertedBreaks: [Int] = []
    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    deinit { g_object_unref(UnsafeMutableRawPointer(pointer)) }
  }

  private struct LayoutKey: Hashable {
    var text: String
    var style: TextStyle
    var spans: [TextSpan]
    var maxWidth: Double?
  }
}
