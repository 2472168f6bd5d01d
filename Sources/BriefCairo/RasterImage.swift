import CCairo

/// A scene drawn into pixels by ``CairoBackend/raster(_:options:)``, not yet a PNG file.
///
/// The drawing is finished: encoding only reads the pixels.
final class RasterImage {
  /// The surface that owns the pixels; kept alive with them.
  private let surface: CairoSurface
  private let pixels: ImagePixels
  /// The size in pixels.
  let width: Int, height: Int
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
  func encodePNG() throws -> [UInt8] {
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
