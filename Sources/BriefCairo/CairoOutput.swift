import BriefScene
import Foundation
import CCairo

/// The file formats the Cairo backend writes.
public enum OutputFormat: String, CaseIterable, Sendable {
  case pdf, png, svg

  /// The format named by a path's extension, if any.
  public init?(path: String) {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    self.init(rawValue: path[path.index(after: dot)...].lowercased())
  }
}

/// Options for one output.
public struct OutputOptions: Sendable {
  /// Document metadata; for PDFs the first scene's metadata is used when this is nil.
  public var metadata: SceneMetadata?
  /// The PDF creation and modification date. Required for PDFs: never the clock.
  public var date: PDFDate?
  /// PNG pixels per point: a 400×300 pt scene at scale 2 is 800×600 px at 144 DPI.
  public var scale: Double
  /// The largest PNG the backend will allocate, in pixels.
  public var maxPixels: Int
  /// PDF bookmarks, in reading order; each names an anchor placed in a scene.
  public var outline: [OutlineEntry]
  /// PDF page labels, one per page ("i", "1", "A-1"); none when empty.
  public var pageLabels: [String]

  public init(
    metadata: SceneMetadata? = nil, date: PDFDate? = nil, scale: Double = 1, maxPixels: Int = 100_000_000,
    outline: [OutlineEntry] = [], pageLabels: [String] = []
  ) {
    self.metadata = metadata
    self.date = date
    self.scale = scale
    self.maxPixels = maxPixels
    self.outline = outline
    self.pageLabels = pageLabels
  }
}

/// A PDF bookmark: a title at a nesting level (1 for top), opening a named anchor.
public struct OutlineEntry: Equatable, Sendable {
  public var level: Int
  public var title: String
  public var anchor: String

  public init(level: Int, title: String, anchor: String) {
    self.level = level
    self.title = title
    self.anchor = anchor
  }
}

/// Draws scenes into PDF, PNG and SVG bytes with Cairo and Pango.
///
/// ```swift
/// let backend = try CairoBackend()
/// let png = try backend.png(scene, options: OutputOptions(scale: 2))
/// try OutputFile.write(png, to: "chart.png")
/// ```
public final class CairoBackend {
  /// The text engine, which is also the measurer layout code must use.
  public let text: PangoTextEngine

  public init() throws {
    text = try PangoTextEngine()
  }

  /// Renders scenes in the format, as bytes.
  public func render(_ scenes: [Scene], format: OutputFormat, options: OutputOptions) throws -> [UInt8] {
    guard let first = scenes.first else { throw RenderError.invalidRequest("nothing to render: no pages") }
    switch format {
    case .pdf: return try pdf(scenes, options: options)
    case .png: return try png(first, options: options)
    case .svg: return try svg(first)
    }
  }

  /// A vector PDF, one page per scene, fonts embedded and subset, text selectable.
  public func pdf(_ scenes: [Scene], options: OutputOptions) throws -> [UInt8] {
    guard let first = scenes.first else { throw RenderError.invalidRequest("a PDF needs at least one page") }
    try Self.checkSize(first.size)
    let target = try PDFTarget(firstPage: first.size, options: options)
    var renderer = target.renderer(text: text)
    for (i, scene) in scenes.enumerated() { try target.draw(scene, page: i, with: &renderer) }
    return try target.finish()
  }

  /// A PDF of `pageCount` pages whose scenes are built and drawn on up to `jobs` threads.
  ///
  /// Page `k` is built by `page(k, measurer)` with the text engine of lane `k % lanes` and drawn
  /// with that same engine, whose layouts are then already shaped; pages are drawn strictly in
  /// order, one at a time, while the other lanes build theirs. The lanes, not the threads, decide
  /// which engine draws a page, so the bytes are the same for any `jobs`. Returns the file and
  /// the font files the engines used (for dependency lists).
  public static func pdf(
    pageCount: Int, lanes: Int = 2, jobs: Int, options: OutputOptions,
    page: @escaping @Sendable (Int, TextMeasurer) throws -> Scene
  ) throws -> (bytes: [UInt8], fontFiles: Set<String>) {
    guard pageCount > 0 else { throw RenderError.invalidRequest("a PDF needs at least one page") }
    let lanes = max(1, min(lanes, pageCount))
    let target = try PDFTarget(firstPage: Size(width: 612, height: 792), options: options)
    let engines = try (0..<lanes).map { _ in try PangoTextEngine() }
    let turns = PageTurns()
    let threads = max(1, min(jobs, lanes))
    let work = Unchecked((target, engines))
    let build: @Sendable (Int) -> Void = { thread in
      let (target, engines) = work.value
      var renderers = [Int: CairoRenderer]()
      for k in 0..<pageCount where (k % lanes) % threads == thread {
        let lane = k % lanes
        let scene: Scene
        do {
          scene = try page(k, engines[lane])
          try checkSize(scene.size)
        } catch {
          turns.fail(page: k, error)
          return
        }
        guard turns.wait(for: k) else { return }
        var renderer = renderers[lane] ?? target.renderer(text: engines[lane])
        do { try target.draw(scene, page: k, with: &renderer) } catch { turns.fail(page: k, error); return }
        renderers[lane] = renderer
        turns.done(k)
      }
    }
    onThreads(threads, build)
    if let error = turns.error { throw error }
    return (try target.finish(), engines.reduce(into: Set<String>()) { $0.formUnion($1.fontFiles) })
  }

  /// A number for Cairo's tag attributes: plain decimals, no exponent.
  static func number(_ v: Double) -> String {
    guard v.isFinite else { return "0" }
    let r = (v * 1000).rounded() / 1000
    return r == r.rounded() && abs(r) < 1e15 ? String(Int64(r)) : String(r)
  }

  /// Escapes a value for a single-quoted Cairo tag attribute.
  static func escape(_ s: String) -> String {
    var out = ""
    for ch in s {
      if ch == "\\" || ch == "'" { out.append("\\") }
      out.append(ch)
    }
    return out
  }


  /// An SVG whose ids do not depend on what was rendered before in the process.
  public func svg(_ scene: Scene) throws -> [UInt8] {
    try Self.checkSize(scene.size)
    let sink = ByteSink()
    let surface = try CairoSurface(
      cairo_svg_surface_create_for_stream(ByteSink.write, sink.opaque, scene.size.width, scene.size.height),
      operation: "creating an SVG surface")
    let context = try CairoContext(surface: surface)
    var renderer = CairoRenderer(context: context, text: text, scale: 1)
    try renderer.draw(scene)
    try surface.finish()
    return SVGIds.normalise(sink.bytes)
  }

  /// A PNG of `scene.size × scale` pixels with its DPI and metadata recorded.
  public func png(_ scene: Scene, options: OutputOptions) throws -> [UInt8] {
    try raster(scene, options: options).encodePNG()
  }

  /// Draws a scene into pixels, for PNG encoding later and on any thread.
  ///
  /// Drawing needs this backend's text engine and so its thread; encoding does not, so a caller
  /// can draw on one thread and encode many images on others.
  public func raster(_ scene: Scene, options: OutputOptions) throws -> RasterImage {
    let (w, h) = try Self.pixelSize(scene.size, scale: options.scale, maxPixels: options.maxPixels)
    let opaque = (scene.background?.alpha ?? 0) >= 1
    let meta = options.metadata ?? scene.metadata
    let text: [(String, String)] = [
      ("Title", meta.title), ("Author", meta.author), ("Description", meta.altText),
      ("Source", meta.sourceLine), ("Software", "BriefKit"),
    ]
    let format = opaque ? CAIRO_FORMAT_RGB24 : CAIRO_FORMAT_ARGB32
    let surface = try CairoSurface(cairo_image_surface_create(format, Int32(w), Int32(h)), operation: "creating a \(w)×\(h) image")
    let pixels = try ImagePixels.draw(scene, on: surface, width: w, opaque: opaque, engine: self.text, scale: options.scale)
    return RasterImage(surface: surface, pixels: pixels, width: w, height: h, opaque: opaque, dpi: 72 * options.scale, text: text)
  }

  /// Runs `body(0)` on the calling thread and `body(1)` … `body(count - 1)` on threads of their
  /// own, and returns when all are done. Threads of their own, not a dispatch queue: callers whose
  /// threads wait for one another need them all running at once, which a queue does not promise
  /// (on one CPU it would run them one after another, and wait forever).
  static func onThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let finished = DispatchGroup()
    for thread in 1..<max(1, count) {
      finished.enter()
      let worker = Thread {
        body(thread)
        finished.leave()
      }
      worker.stackSize = 8 << 20
      worker.start()
    }
    body(0)
    finished.wait()
  }

  /// The pixel size of a PNG, refusing scales and sizes that are not finite, zero, less than a pixel, or too large.
  public static func pixelSize(_ size: Size, scale: Double, maxPixels: Int) throws -> (Int, Int) {
    try checkSize(size)
    guard scale.isFinite, scale > 0, scale <= 64 else {
      throw RenderError.invalidRequest("scale \(scale) is out of range (it must be above 0 and at most 64)")
    }
    let wd = (size.width * scale).rounded(), hd = (size.height * scale).rounded()
    guard wd >= 1, hd >= 1 else { throw RenderError.imageTooSmall(width: size.width, height: size.height, scale: scale) }
    guard wd <= 32_767, hd <= 32_767, wd * hd <= Double(maxPixels) else {
      throw RenderError.invalidRequest(
        "an image of \(Int(min(wd, 1e9)))×\(Int(min(hd, 1e9))) pixels is too large (at most 32767 per side and \(maxPixels) in all)")
    }
    return (Int(wd), Int(hd))
  }

  static func checkSize(_ size: Size) throws {
    guard size.width.isFinite, size.height.isFinite, size.width >= 1, size.height >= 1,
      size.width <= 14_400, size.height <= 14_400
    else {
      throw RenderError.invalidRequest(
        "a page of \(size.width)×\(size.height) points is out of range (1 to 14400 per side)")
    }
  }
}

/// Pixels drawn by Cairo into an image surface, for PNG: an opaque image's rows are already PNG
/// scanlines, a transparent image's are Cairo's premultiplied ARGB.
struct ImagePixels {
  let data: UnsafeMutablePointer<UInt8>
  let stride: Int

  /// Draws `scene` on `surface` (`width` pixels wide) with `engine`. An opaque image's xRGB pixels
  /// are then turned into PNG scanlines in place, in Cairo's own buffer (a scanline of 1 + 3 bytes
  /// a pixel never overtakes the 4-byte pixels still to be read), so encoding needs no second copy.
  static func draw(
    _ scene: Scene, on surface: CairoSurface, width: Int, opaque: Bool, engine: PangoTextEngine, scale: Double
  ) throws -> ImagePixels {
    do {
      let context = try CairoContext(surface: surface)
      var renderer = CairoRenderer(context: context, text: engine, scale: scale)
      try renderer.draw(scene)
    }
    cairo_surface_flush(surface.pointer)
    try check(cairo_surface_status(surface.pointer), "drawing the image")
    guard let data = cairo_image_surface_get_data(surface.pointer) else {
      throw RenderError.cairo(operation: "reading the image", message: "no pixel data")
    }
    let pixels = ImagePixels(data: data, stride: Int(cairo_image_surface_get_stride(surface.pointer)))
    guard opaque else { return pixels }
    let line = width * 3 + 1
    for y in 0..<Int(cairo_image_surface_get_height(surface.pointer)) {
      let out = data + y * line
      // Row y is read from y × stride ≥ y × line: every byte is read before it is overwritten.
      RasterImage.unpackRow(data + y * pixels.stride, width: width, opaque: true, into: out + 1, filterByte: out)
    }
    return pixels
  }
}

/// A scene drawn into pixels by ``CairoBackend/raster(_:options:)``, not yet a PNG file.
///
/// The drawing is finished, so encoding only reads and can run on any thread.
public final class RasterImage: @unchecked Sendable {
  /// The surface that owns the pixels; kept alive with them.
  private let surface: CairoSurface
  private let pixels: ImagePixels
  /// The size in pixels.
  public let width: Int, height: Int
  let opaque: Bool
  let dpi: Double
  let text: [(String, String)]

  init(surface: CairoSurface, pixels: ImagePixels, width: Int, height: Int, opaque: Bool, dpi: Double, text: [(String, String)]) {
    self.surface = surface
    self.pixels = pixels
    self.width = width
    self.height = height
    self.opaque = opaque
    self.dpi = dpi
    self.text = text
  }

  /// The PNG file: RGB when the background is opaque, otherwise straight RGBA.
  public func encodePNG() throws -> [UInt8] {
    let p = pixels
    if opaque {
      return try PNGEncoder().encode(
        scanlines: UnsafeRawBufferPointer(start: p.data, count: (width * 3 + 1) * height), width: width, height: height,
        channels: .rgb, dpi: dpi, text: text)
    }
    // RGBA scanlines (1 + 4 bytes a pixel) outgrow the rows they come from: convert into a copy.
    let w = width
    var scratch: UInt8 = 0
    return try PNGEncoder().encode(width: width, height: height, channels: .rgba, dpi: dpi, text: text) { y, row in
      Self.unpackRow(p.data + y * p.stride, width: w, opaque: false, into: row, filterByte: &scratch)
    }
  }

  /// Converts one row of Cairo's native-endian xRGB/ARGB (premultiplied) words
  /// to RGB or straight (unpremultiplied) RGBA bytes, and writes the PNG filter byte (0) to
  /// `filterByte` once the first pixel has been read. `dst` may overlap `data` (in-place
  /// conversion) as long as it does not start after it.
  static func unpackRow(
    _ data: UnsafeMutablePointer<UInt8>, width: Int, opaque: Bool, into dst: UnsafeMutablePointer<UInt8>,
    filterByte: UnsafeMutablePointer<UInt8>
  ) {
    let row = UnsafeMutableRawPointer(data)
    // Each pixel is loaded whole before any of its bytes, or the next pixel's, can be overwritten.
    @inline(__always) func pixel(_ x: Int) -> UInt32 { row.loadUnaligned(fromByteOffset: x * 4, as: UInt32.self) }
    guard width > 0 else { return }
    var v = pixel(0)
    filterByte.pointee = 0
    var o = 0
    for x in 0..<width {
      if x > 0 { v = pixel(x) }
      let r = UInt8(truncatingIfNeeded: v >> 16), g = UInt8(truncatingIfNeeded: v >> 8), b = UInt8(truncatingIfNeeded: v)
      if opaque {
        dst[o] = r; dst[o + 1] = g; dst[o + 2] = b
        o += 3
        continue
      }
      let a = UInt8(truncatingIfNeeded: v >> 24)
      if a == 0 {
        dst[o] = 0; dst[o + 1] = 0; dst[o + 2] = 0
      } else if a == 255 {
        dst[o] = r; dst[o + 1] = g; dst[o + 2] = b
      } else {
        let ai = UInt32(a)
        dst[o] = UInt8(min(255, (UInt32(r) * 255 + ai / 2) / ai))
        dst[o + 1] = UInt8(min(255, (UInt32(g) * 255 + ai / 2) / ai))
        dst[o + 2] = UInt8(min(255, (UInt32(b) * 255 + ai / 2) / ai))
      }
      dst[o + 3] = a
      o += 4
    }
  }
}

/// A PDF surface being written: its metadata, outline and the hooks every renderer drawing on it needs.
final class PDFTarget {
  let sink = ByteSink()
  let surface: CairoSurface
  let context: CairoContext
  let options: OutputOptions
  let date: PDFDate

  init(firstPage size: Size, options: OutputOptions) throws {
    guard let date = options.date else {
      throw RenderError.invalidRequest("a PDF needs a date (SOURCE_DATE_EPOCH or the document's own date)")
    }
    self.date = date
    self.options = options
    surface = try CairoSurface(
      cairo_pdf_surface_create_for_stream(ByteSink.write, sink.opaque, size.width, size.height),
      operation: "creating a PDF surface")
    if let meta = options.metadata { Self.setMetadata(meta, date: date, on: surface) }
    context = try CairoContext(surface: surface)
    var parents: [Int32] = [Int32(CAIRO_PDF_OUTLINE_ROOT)]
    for entry in options.outline {
      let level = max(1, min(entry.level, parents.count))
      parents = Array(parents.prefix(level))
      let id = cairo_pdf_surface_add_outline(
        surface.pointer, parents[level - 1], entry.title, "dest='\(CairoBackend.escape(entry.anchor))'", cairo_pdf_outline_flags_t(0))
      parents.append(id)
    }
  }

  /// The document's metadata; without `options.metadata`, the first page's.
  private static func setMetadata(_ meta: SceneMetadata, date: PDFDate, on surface: CairoSurface) {
    let entries: [(cairo_pdf_metadata_t, String)] = [
      (CAIRO_PDF_METADATA_TITLE, meta.title),
      (CAIRO_PDF_METADATA_AUTHOR, meta.author),
      (CAIRO_PDF_METADATA_SUBJECT, meta.subject.isEmpty ? meta.altText : meta.subject),
      (CAIRO_PDF_METADATA_KEYWORDS, meta.keywords.joined(separator: ", ")),
      (CAIRO_PDF_METADATA_CREATOR, "BriefKit"),
      (CAIRO_PDF_METADATA_CREATE_DATE, date.description),
      (CAIRO_PDF_METADATA_MOD_DATE, date.description),
    ]
    for (key, value) in entries where !value.isEmpty {
      cairo_pdf_surface_set_metadata(surface.pointer, key, value)
    }
  }

  deinit {
    // A surface left unfinished (a page failed) is finished now, while the sink it writes to is alive:
    // stored properties are released in declaration order, the sink first.
    cairo_surface_finish(surface.pointer)
  }

  /// A renderer drawing on this PDF with `text`'s layouts.
  func renderer(text: PangoTextEngine) -> CairoRenderer {
    var renderer = CairoRenderer(context: context, text: text, scale: 1)
    let surface = self.surface
    renderer.onBeginPage = { size in
      try CairoBackend.checkSize(size)
      cairo_pdf_surface_set_size(surface.pointer, size.width, size.height)
    }
    renderer.onEndPage = { ctx in cairo_show_page(ctx.pointer) }
    renderer.onLink = { rect, target, cr in
      // Cairo's link tags take the rectangle in the page's user space; targets are "#anchor" or a URI.
      let n = CairoBackend.number
      let area = "rect=[\(n(rect.x)) \(n(rect.y)) \(n(rect.width)) \(n(rect.height))]"
      let attributes = target.hasPrefix("#")
        ? "\(area) dest='\(CairoBackend.escape(String(target.dropFirst())))'" : "\(area) uri='\(CairoBackend.escape(target))'"
      cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes)
      cairo_tag_end(cr, CAIRO_TAG_LINK)
    }
    renderer.onAnchor = { name, point, cr in
      cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='\(CairoBackend.escape(name))' x=\(CairoBackend.number(point.x)) y=\(CairoBackend.number(point.y))")
      cairo_tag_end(cr, CAIRO_TAG_DEST)
    }
    return renderer
  }

  /// Draws page `index` (pages must come in order).
  func draw(_ scene: Scene, page index: Int, with renderer: inout CairoRenderer) throws {
    if index == 0 && options.metadata == nil { Self.setMetadata(scene.metadata, date: date, on: surface) }
    if index < options.pageLabels.count { cairo_pdf_surface_set_page_label(surface.pointer, options.pageLabels[index]) }
    try renderer.draw(scene)
  }

  /// Finishes the file: its bytes, with the cross-reference entries Cairo 1.16 leaves dangling freed.
  func finish() throws -> [UInt8] {
    try context.checkStatus("drawing the PDF")
    try surface.finish()
    return PDFCrossReference.freeUnwrittenObjects(sink.bytes)
  }
}

/// Hands out the turn to draw each page, in page order, to threads that built pages ahead.
///
/// A page that fails stops every later page; earlier pages still go on, so the error reported is
/// always the lowest page's, whatever the threads' timing.
final class PageTurns: @unchecked Sendable {
  private let condition = NSCondition()
  private var next = 0
  private var failed: (page: Int, error: Error)?

  /// The error of the lowest page that failed.
  var error: Error? {
    condition.lock()
    defer { condition.unlock() }
    return failed?.error
  }

  /// Waits until page `k` may be drawn; false when a page before it failed, so it never will.
  func wait(for k: Int) -> Bool {
    condition.lock()
    defer { condition.unlock() }
    while next != k && (failed.map { $0.page > k } ?? true) { condition.wait() }
    return next == k
  }

  func done(_ k: Int) {
    condition.lock()
    next = k + 1
    condition.broadcast()
    condition.unlock()
  }

  /// Records that page `k` failed, keeping the lowest failed page.
  func fail(page k: Int, _ e: Error) {
    condition.lock()
    if failed.map({ k < $0.page }) ?? true { failed = (k, e) }
    condition.broadcast()
    condition.unlock()
  }
}

/// Values handed to threads that coordinate their use themselves: each uses its own part (a lane's
/// text engine), takes turns (a PDF surface), or only reads (chart specs and their compiler).
public struct Unchecked<T>: @unchecked Sendable {
  public let value: T
  public init(_ value: T) { self.value = value }
}
