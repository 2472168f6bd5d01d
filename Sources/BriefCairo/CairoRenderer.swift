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
  /// Set when the surface is one horizontal strip of a larger image: what is wholly outside the
  /// strip is not drawn.
  var strip: ImageStrip?

  private var cr: OpaquePointer { context.pointer }
  /// How many fills, strokes and texts the page has met so far, to find each one's rows in the strip's list.
  var marksSeen = 0

  mutating func beginPage(size: Size, background: Color?) throws {
    try onBeginPage(size)
    cairo_identity_matrix(cr)
    if let strip { cairo_translate(cr, 0, -Double(strip.drawn.lowerBound)) }
    cairo_scale(cr, scale, scale)
    marksSeen = 0
    if let bg = background {
      cairo_set_source_rgba(cr, bg.red, bg.green, bg.blue, bg.alpha)
      cairo_rectangle(cr, 0, 0, size.width, size.height)
      cairo_fill(cr)
    }
    try context.checkStatus("starting a page")
  }

  mutating func fill(_ path: Path, color: Color) throws {
    guard inStrip(), !path.isEmpty else { return }
    addPath(path)
    cairo_set_source_rgba(cr, color.red, color.green, color.blue, color.alpha)
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_WINDING)
    cairo_fill(cr)
  }

  mutating func stroke(_ path: Path, style: StrokeStyle) throws {
    guard inStrip(), !path.isEmpty, style.width > 0 else { return }
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
    guard inStrip(), !item.text.isEmpty else { return }
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

  /// Counts the mark about to be drawn and tells whether it may touch the strip (always, without a strip).
  private mutating func inStrip() -> Bool {
    guard let strip else { return true }
    let index = marksSeen
    marksSeen += 1
    guard index < strip.markRows.count, let rows = strip.markRows[index] else { return false }
    return rows.overlaps(strip.margined)
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

/// One horizontal strip of an image drawn in strips: the rows of the whole image it keeps, the rows
/// it is drawn with (those and up to ``overlap`` more either side), and for each fill, stroke and
/// text of the scene, in drawing order, the rows it may cover (nil when it draws nothing). The rows
/// are found once, before the strips are drawn, with the engine that compiled the scene (texts are
/// placed by measuring them); a strip then skips what does not reach into it, so its own engine
/// shapes only the texts it draws.
struct ImageStrip {
  var rows: Range<Int>
  var drawn: Range<Int>
  var markRows: [ClosedRange<Double>?]

  /// Rows drawn beyond a strip's own on each side inside the image. Cairo tessellates strokes
  /// against the surface's edges, so the few rows next to an edge can differ by a level from the
  /// same rows drawn inside a larger surface; with this overlap the rows kept are the whole
  /// image's (checked in C with thousands of random strokes, curves and fills at scales 1 to 3:
  /// 16 rows were enough).
  static let overlap = 32

  init(rows: Range<Int>, height: Int, markRows: [ClosedRange<Double>?]) {
    self.rows = rows
    drawn = max(0, rows.lowerBound - Self.overlap)..<min(height, rows.upperBound + Self.overlap)
    self.markRows = markRows
  }

  /// The strip's own rows and two pixels either side, which antialiasing may touch: what misses
  /// them cannot change a pixel the strip keeps.
  var margined: ClosedRange<Double> { Double(rows.lowerBound) - 2...Double(rows.upperBound) + 2 }

  /// The rows each fill, stroke and text of `scene` may cover at `scale` pixels a point, in drawing
  /// order (found by walking the scene as every renderer does, so the order is the drawing's).
  static func markRows(of scene: Scene, engine: PangoTextEngine, scale: Double) throws -> [ClosedRange<Double>?] {
    var recorder = MarkRows(engine: engine, scale: scale)
    try recorder.draw(scene)
    return recorder.rows
  }
}

/// A renderer that draws nothing and notes the rows each fill, stroke and text may cover. A stroke
/// reaches half its width beyond its path, a miter up to 5 widths (Cairo's miter limit is 10
/// half-widths); a text its layout box and its glyphs' ink, whichever reaches further.
private struct MarkRows: Renderer {
  let engine: PangoTextEngine
  var rows: [ClosedRange<Double>?] = []
  /// User y to device y for the transforms in force: y × scale + offset.
  var transforms: [(scale: Double, offset: Double)]

  init(engine: PangoTextEngine, scale: Double) {
    self.engine = engine
    transforms = [(scale, 0)]
  }

  private mutating func note(_ low: Double, _ high: Double) {
    guard low <= high, let t = transforms.last else {
      rows.append(nil)
      return
    }
    rows.append((low * t.scale + t.offset)...(high * t.scale + t.offset))
  }

  /// The lowest and highest y of a path; a Bézier stays inside the hull of its control points.
  private func span(_ path: Path) -> (Double, Double) {
    var low = Double.infinity, high = -Double.infinity
    for e in path.elements {
      switch e {
      case .move(let p), .line(let p):
        low = min(low, p.y)
        high = max(high, p.y)
      case .curve(let a, let b, let c):
        low = min(low, a.y, b.y, c.y)
        high = max(high, a.y, b.y, c.y)
      case .close: break
      }
    }
    return (low, high)
  }

  mutating func beginPage(size: Size, background: Color?) throws {}
  mutating func endPage() throws {}
  mutating func pushClip(_ path: Path) throws {}
  mutating func popClip() throws {}

  mutating func fill(_ path: Path, color: Color) throws {
    let (low, high) = span(path)
    note(low, high)
  }

  mutating func stroke(_ path: Path, style: StrokeStyle) throws {
    let (low, high) = span(path)
    let reach = style.width * (style.join == .miter ? 5 : 1)
    note(low - reach, high + reach)
  }

  mutating func drawText(_ item: TextItem) throws {
    guard !item.text.isEmpty else {
      rows.append(nil)
      return
    }
    let layout = try engine.layout(item.text, style: item.style, spans: item.spans, maxWidth: item.maxWidth)
    let frame = TextLayoutBox.frame(for: item, metrics: layout.metrics)
    let ink = layout.inkRows
    note(frame.minY + ink.top, frame.minY + ink.bottom)
  }

  // As Cairo does: an offset, then a scale when it is a usable one.
  mutating func pushTransform(offset: Point, scale: Double) throws {
    let t = transforms.last ?? (1, 0)
    transforms.append((t.scale * (scale.isFinite && scale > 0 ? scale : 1), t.offset + t.scale * offset.y))
  }

  mutating func popTransform() throws {
    if transforms.count > 1 { transforms.removeLast() }
  }
}
