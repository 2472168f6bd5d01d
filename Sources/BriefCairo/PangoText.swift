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

  /// Creates an engine with a private Cairo font map.
  public init() throws {
    guard let map = pango_cairo_font_map_new() else {
      throw RenderError.invalidRequest("Pango could not create a font map")
    }
    guard let ctx = pango_font_map_create_context(map) else {
      g_object_unref(map)
      throw RenderError.invalidRequest("Pango could not create a context")
    }
    fontMap = map
    context = ctx
    guard let options = cairo_font_options_create() else {
      throw RenderError.invalidRequest("Cairo could not create font options")
    }
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
    pango_cairo_context_set_font_options(ctx, options)
    cairo_font_options_destroy(options)
    pango_cairo_context_set_resolution(ctx, 72)
    pango_context_set_round_glyph_positions(ctx, 0)
  }

  deinit {
    cache.removeAll()
    g_object_unref(UnsafeMutableRawPointer(context))
    g_object_unref(fontMap)
  }

  public func measure(_ text: String, style: TextStyle, maxWidth: Double?) throws -> TextMetrics {
    try layout(text, style: style, maxWidth: maxWidth).metrics
  }

  /// Draws a text item with its anchors applied on a Cairo context.
  func draw(_ item: TextItem, on cr: OpaquePointer) throws {
    let layout = try layout(item.text, style: item.style, maxWidth: item.maxWidth)
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
  func layout(_ text: String, style: TextStyle, maxWidth: Double?) throws -> Layout {
    let key = LayoutKey(text: text, style: style, maxWidth: maxWidth)
    if let hit = cache[key] { return hit }
    guard let p = pango_layout_new(context) else {
      throw RenderError.invalidRequest("Pango could not create a layout")
    }
    let layout = Layout(p)
    pango_layout_set_text(p, text, -1)
    let desc = pango_font_description_new()
    defer { pango_font_description_free(desc) }
    pango_font_description_set_family(desc, style.font.families.joined(separator: ","))
    guard style.font.size.isFinite, style.font.size > 0, style.font.size < 10_000 else {
      throw RenderError.invalidRequest("font size \(style.font.size) is out of range")
    }
    pango_font_description_set_absolute_size(desc, style.font.size * Double(PANGO_SCALE))
    pango_font_description_set_weight(desc, PangoWeight(rawValue: UInt32(style.font.weight.rawValue)))
    pango_font_description_set_style(desc, style.font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL)
    pango_layout_set_font_description(p, desc)
    if style.tabularFigures, let attrs = pango_attr_list_new() {
      if let feature = pango_attr_font_features_new("tnum") {
        pango_attr_list_insert(attrs, feature)
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
    }
    if style.lineSpacing != 1, style.lineSpacing.isFinite, style.lineSpacing > 0 {
      pango_layout_set_line_spacing(p, Float(style.lineSpacing))
    }
    let unknown = Int(pango_layout_get_unknown_glyphs_count(p))
    if unknown > 0 { throw RenderError.unknownGlyphs(text: text, count: unknown) }

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

  /// Owns a PangoLayout.
  final class Layout {
    let pointer: OpaquePointer
    var metrics = TextMetrics(width: 0, height: 0, baseline: 0, lineCount: 0)
    init(_ pointer: OpaquePointer) { self.pointer = pointer }
    deinit { g_object_unref(UnsafeMutableRawPointer(pointer)) }
  }

  private struct LayoutKey: Hashable {
    var text: String
    var style: TextStyle
    var maxWidth: Double?
  }
}
