import BriefScene
import CCairo

/// Draws scenes on a Cairo context; the surface decides the output format.
struct CairoRenderer: Renderer {
  let context: CairoContext
  let text: PangoTextEngine
  /// Scale from points to device units (PNG pixels per point).
  let scale: Double
  /// Called at the end of each page; PDF surfaces show the page here.
  var onEndPage: (CairoContext) throws -> Void = { _ in }
  /// Called before drawing each page, with its size; PDF surfaces resize here.
  var onBeginPage: (Size) throws -> Void = { _ in }
  /// Called for link areas and named destinations; only PDFs record them.
  var onLink: (Rect, String, OpaquePointer) throws -> Void = { _, _, _ in }
  var onAnchor: (String, Point, OpaquePointer) throws -> Void = { _, _, _ in }

  private var cr: OpaquePointer { context.pointer }

  mutating func beginPage(size: Size, background: Color?) throws {
    try onBeginPage(size)
    cairo_identity_matrix(cr)
    cairo_scale(cr, scale, scale)
    if let bg = background {
      cairo_set_source_rgba(cr, bg.red, bg.green, bg.blue, bg.alpha)
      cairo_rectangle(cr, 0, 0, size.width, size.height)
      cairo_fill(cr)
    }
    try context.checkStatus("starting a page")
  }

  mutating func fill(_ path: Path, color: Color) throws {
    guard !path.isEmpty else { return }
    addPath(path)
    cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING)
    cairo_fill(cr)
  }

  mutating func stroke(_ path: Path, style: StrokeStyle) throws {
    guard !path.isEmpty, style.width > 0 else { return }
    addPath(path)
    let c = style.color
    cairo_set_source_rgba(cr, c.red, c.green, c.blue, c.alpha)
    cairo_set_line_width(cr, style.width)
    switch style.cap {
    case .butt: cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
    case .round: cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND)
    case .square: cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE)
    }
    switch style.join {
    case .miter: cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER)
    case .round: cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
    case .bevel: cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL)
    }
    let dashes = style.dash.filter { $0.isFinite && $0 >= 0 }
    if dashes.contains(where: { $0 > 0 }) {
      cairo_set_dash(cr, dashes, Int32(dashes.count), 0)
    } else {
      cairo_set_dash(cr, nil, 0, 0)
    }
    cairo_stroke(cr)
  }

  mutating func drawText(_ item: TextItem) throws {
    guard !item.text.isEmpty else { return }
    try text.draw(item, on: cr)
  }

  mutating func pushClip(_ path: Path) throws {
    cairo_save(cr)
    addPath(path)
    cairo_clip(cr)
  }

  mutating func popClip() throws {
    cairo_restore(cr)
  }

  mutating func pushTransform(offset: Point, scale: Double) throws {
    cairo_save(cr)
    cairo_translate(cr, offset.x, offset.y)
    if scale.isFinite && scale > 0 { cairo_scale(cr, scale, scale) }
  }

  mutating func popTransform() throws {
    cairo_restore(cr)
  }

  mutating func link(_ rect: Rect, target: String) throws {
    try onLink(rect, target, cr)
  }

  mutating func anchor(_ name: String, at point: Point) throws {
    try onAnchor(name, point, cr)
  }

  mutating func endPage() throws {
    try context.checkStatus("drawing the page")
    try onEndPage(context)
  }

  private func addPath(_ path: Path) {
    cairo_new_path(cr)
    for e in path.elements {
      switch e {
      case .move(let p): cairo_move_to(cr, p.x, p.y)
      case .line(let p): cairo_line_to(cr, p.x, p.y)
      case .curve(let a, let b, let c): cairo_curve_to(cr, a.x, a.y, b.x, b.y, c.x, c.y)
      case .close: cairo_close_path(cr)
      }
    }
  }
}
