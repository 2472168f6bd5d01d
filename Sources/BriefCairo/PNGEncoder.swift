import CDeflate

#if canImport(Glibc)
  import Glibc
#endif

/// Encodes 8-bit RGB or RGBA pixels as PNG, tuned for charts: flat colours on
/// an opaque background.
///
/// Every row is stored unfiltered (PNG filter type 0) and the whole image is
/// compressed in one call by libdeflate at level ``level``. Long runs of one colour
/// repeat byte for byte, which deflate's matches find directly, while the usual
/// adaptive filters (Sub, Up, Paeth chosen per row by the sum of absolute
/// differences) turn anti-aliased edges into noise: on the seed charts unfiltered
/// rows at level 5 are 1–18 % smaller than libpng's defaults (adaptive filters,
/// zlib level 6), and take about 6 ms for a 1280×800 px chart (`bench/RESULTS.md`).
///
/// libdeflate's output depends only on its input and level, never on where its
/// buffers sit in memory or how many threads run: the same pixels give the same
/// file in every process.
///
/// Writes a pHYs chunk with the DPI and iTXt chunks with the metadata, which
/// Cairo's own PNG writer does not.
public struct PNGEncoder {
  /// The number of channels per pixel.
  public enum Channels: Int, Sendable {
    case rgb = 3
    case rgba = 4
  }

  /// libdeflate's compression level: levels 5 and 6 are within a few per cent of each other in
  /// time and size on charts; 5 is the fastest that is never larger than libpng's defaults there.
  public static let level: Int32 = 5

  public init() {}

  /// Encodes `pixels` (rows of `width × channels` bytes, top to bottom) as a PNG file.
  ///
  /// - Parameters:
  ///   - dpi: written as a pHYs chunk in pixels per metre.
  ///   - text: keyword/text pairs written as iTXt chunks, in the given order.
  public func encode(
    pixels: [UInt8], width: Int, height: Int, channels: Channels, dpi: Double,
    text: [(String, String)] = []
  ) throws -> [UInt8] {
    let rowBytes = width.multipliedReportingOverflow(by: channels.rawValue)
    guard width > 0, height > 0, !rowBytes.overflow, pixels.count == rowBytes.partialValue * height else {
      throw RenderError.invalidRequest("PNG of \(width)×\(height) pixels does not match its \(pixels.count) bytes")
    }
    return try pixels.withUnsafeBufferPointer { src in
      try encode(width: width, height: height, channels: channels, dpi: dpi, text: text) { y, row in
        guard let base = src.baseAddress else { return }
        row.update(from: base + y * rowBytes.partialValue, count: rowBytes.partialValue)
      }
    }
  }

  /// Encodes an image whose rows `writeRow(y, destination)` fills, each with
  /// `width × channels` bytes, so callers can convert their own pixel layout
  /// straight into the encoder's buffer without an intermediate copy.
  public func encode(
    width: Int, height: Int, channels: Channels, dpi: Double, text: [(String, String)] = [],
    writeRow: (Int, UnsafeMutablePointer<UInt8>) throws -> Void
  ) throws -> [UInt8] {
    let bpp = channels.rawValue
    // 32767 a side keeps (rowBytes + 1) × height far from overflow.
    guard width > 0, height > 0, width <= 32_767, height <= 32_767 else {
      throw RenderError.invalidRequest("a PNG of \(width)×\(height) pixels is out of range (1 to 32767 per side)")
    }
    let rowBytes = width * bpp
    let count = (rowBytes + 1) * height
    let scanlines = try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialised in
      guard let base = buffer.baseAddress else { return }
      for y in 0..<height {
        let line = base + y * (rowBytes + 1)
        line[0] = 0  // filter type None
        try writeRow(y, line + 1)
      }
      initialised = count
    }
    return try scanlines.withUnsafeBytes { try encode(scanlines: $0, width: width, height: height, channels: channels, dpi: dpi, text: text) }
  }

  /// Encodes rows already laid out as PNG scanlines, each a filter-type byte of 0 and then
  /// `width × channels` bytes.
  func encode(
    scanlines: UnsafeRawBufferPointer, width: Int, height: Int, channels: Channels, dpi: Double, text: [(String, String)]
  ) throws -> [UInt8] {
    guard scanlines.count == (width * channels.rawValue + 1) * height else {
      throw RenderError.invalidRequest("PNG scanlines of \(scanlines.count) bytes do not make a \(width)×\(height) image")
    }
    return file(compressed: try Self.zlib(scanlines), width: width, height: height, channels: channels, dpi: dpi, text: text)
  }

  /// `bytes` as one zlib stream, compressed by libdeflate at ``level``.
  static func zlib(_ bytes: UnsafeRawBufferPointer) throws -> [UInt8] {
    guard let base = bytes.baseAddress, !bytes.isEmpty else { throw RenderError.invalidRequest("no image data to compress") }
    guard let compressor = libdeflate_alloc_compressor(level) else {
      throw RenderError.invalidRequest("libdeflate could not start a compressor (out of memory)")
    }
    defer { libdeflate_free_compressor(compressor) }
    let bound = libdeflate_zlib_compress_bound(compressor, bytes.count)
    return try [UInt8](unsafeUninitializedCapacity: bound) { buffer, initialised in
      initialised = libdeflate_zlib_compress(compressor, base, bytes.count, buffer.baseAddress, bound)
      // The bound is libdeflate's own worst case; 0 would mean it did not hold.
      guard initialised > 0 else { throw RenderError.invalidRequest("libdeflate could not compress the image") }
    }
  }

  /// The PNG file around already compressed scanlines: the header, pHYs, iTXt, IDAT and IEND chunks.
  func file(compressed: [UInt8], width: Int, height: Int, channels: Channels, dpi: Double, text: [(String, String)]) -> [UInt8] {
    var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    out.reserveCapacity(compressed.count + 1024)
    var ihdr: [UInt8] = []
    ihdr.appendBigEndian(UInt32(width))
    ihdr.appendBigEndian(UInt32(height))
    ihdr += [8, channels == .rgb ? 2 : 6, 0, 0, 0]
    Self.appendChunk("IHDR", ihdr, to: &out)

    let dpiValue = dpi.isFinite && dpi > 0 ? dpi : 72
    let ppm = UInt32(min(Double(UInt32.max), (dpiValue / 0.0254).rounded()))
    var phys: [UInt8] = []
    phys.appendBigEndian(ppm)
    phys.appendBigEndian(ppm)
    phys.append(1)  // unit: metre
    Self.appendChunk("pHYs", phys, to: &out)

    for (keyword, value) in text where !value.isEmpty {
      // iTXt: keyword, NUL, compression flag 0, method 0, empty language tag, NUL, empty translated keyword, NUL, UTF-8 text.
      let key = Array(keyword.utf8.filter { $0 >= 32 && $0 != 127 }.prefix(79))
      guard !key.isEmpty else { continue }
      Self.appendChunk("iTXt", key + [0, 0, 0, 0, 0] + Array(value.utf8), to: &out)
    }
    Self.appendChunk("IDAT", compressed, to: &out)
    Self.appendChunk("IEND", [], to: &out)
    return out
  }

  private static func appendChunk(_ type: String, _ data: [UInt8], to out: inout [UInt8]) {
    out.reserveCapacity(out.count + data.count + 12)
    out.appendBigEndian(UInt32(data.count))
    let typeBytes = Array(type.utf8)
    out += typeBytes
    out += data
    var crc = typeBytes.withUnsafeBufferPointer { UInt32(libdeflate_crc32(0, $0.baseAddress, $0.count)) }
    crc = data.withUnsafeBufferPointer { UInt32(libdeflate_crc32(crc, $0.baseAddress, $0.count)) }
    out.appendBigEndian(crc)
  }
}

extension [UInt8] {
  fileprivate mutating func appendBigEndian(_ v: UInt32) {
    append(UInt8(v >> 24))
    append(UInt8((v >> 16) & 0xFF))
    append(UInt8((v >> 8) & 0xFF))
    append(UInt8(v & 0xFF))
  }
}
