import BriefScene
import CCairo

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
