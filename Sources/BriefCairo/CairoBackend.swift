import BriefScene
import CCairo

/// Draws scenes into PDF, PNG and SVG bytes with Cairo and Pango.
///
/// ```swift
/// let backend = try CairoBackend()
/// let png = try backend.png(scene, options: OutputOptions(scale: 2))
/// ```
///
/// The backend only draws: charts are compiled and briefs laid out before it, with its
/// ``text`` engine as their measurer (text is measured by the engine that will draw it). One
/// backend per thread: its text engine's Pango font map is not shared between threads.
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
    try pdf(pageCount: scenes.count, options: options) { scenes[$0] }
  }

  /// A PDF of `pageCount` pages whose scenes are asked for one at a time, in order, on this thread,
  /// each just before it is drawn: a long document (a chart book) need not hold every scene at
  /// once, and text measured with ``text`` while a scene is made is drawn already shaped.
  public func pdf(pageCount: Int, options: OutputOptions, page: (Int) throws -> Scene) throws -> [UInt8] {
    guard pageCount > 0 else { throw RenderError.invalidRequest("a PDF needs at least one page") }
    let first = try page(0)
    try Self.checkSize(first.size)
    let target = try PDFTarget(firstPage: first.size, options: options)
    var renderer = target.renderer(text: text)
    try target.draw(first, page: 0, with: &renderer)
    for i in 1..<pageCount { try target.draw(try page(i), page: i, with: &renderer) }
    return try target.finish()
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
    let stream = try CairoStream(operation: "creating an SVG surface") { write, closure in
      cairo_svg_surface_create_for_stream(write, closure, scene.size.width, scene.size.height)
    }
    let context = try CairoContext(surface: stream.surface)
    var renderer = CairoRenderer(context: context, text: text, scale: 1)
    try renderer.draw(scene)
    return SVGIds.normalise(try stream.finish())
  }

  /// A PNG of `scene.size × scale` pixels with its DPI and metadata recorded.
  public func png(_ scene: Scene, options: OutputOptions) throws -> [UInt8] {
    try raster(scene, options: options).encodePNG()
  }

  /// Draws a scene into pixels, not yet encoded.
  func raster(_ scene: Scene, options: OutputOptions) throws -> RasterImage {
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
