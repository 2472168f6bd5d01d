import CDeflate

#if canImport(Glibc)
  import Glibc
#endif

/// Encodes 8-bit RGB or RGBA pixels as PNG, tuned for charts: flat colours on
/// an opaque background.
///
/// Each row gets the filter (None, Sub, Up or Paeth) whose output has the
/// smallest sum of absolute bytes, the usual heuristic; the whole image is
/// then compressed once with libdeflate. Writes a pHYs chunk with the DPI and
/// iTXt chunks with the metadata, which Cairo's own PNG writer does not.
public struct PNGEncoder {
  /// The number of channels per pixel.
  public enum Channels: Int, Sendable {
    case rgb = 3
    case rgba = 4
  }

  /// libdeflate's level, 1 (fastest) to 12 (smallest).
  public var compressionLevel: Int32 = 6

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
    let bpp = channels.rawValue
    guard width > 0, height > 0, width <= 0x7FFF_FFFF / bpp, pixels.count == width * height * bpp else {
      throw RenderError.invalidRequest("PNG of \(width)×\(height) pixels does not match its \(pixels.count) bytes")
    }
    let filtered = Self.filterRows(pixels, width: width, height: height, bpp: bpp)
    let compressed = try deflate(filtered)

    var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
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

  /// Applies the adaptive per-row filter and prefixes each row with its filter type.
  ///
  /// Each candidate filter is first only scored (stopping as soon as it cannot
  /// beat the best so far), and the winner is then written once, straight into
  /// the output: no per-row scratch arrays, no bounds checks in the inner loops.
  /// The choice (lowest score, earliest filter on ties) and so the bytes are the
  /// same as filtering every candidate in full.
  static func filterRows(_ px: [UInt8], width: Int, height: Int, bpp: Int) -> [UInt8] {
    let stride = width * bpp
    var out = [UInt8](repeating: 0, count: (stride + 1) * height)
    let zeroRow = [UInt8](repeating: 0, count: stride)
    px.withUnsafeBufferPointer { srcBuffer in
      zeroRow.withUnsafeBufferPointer { zeroBuffer in
        out.withUnsafeMutableBufferPointer { outBuffer in
          guard let src = srcBuffer.baseAddress, let zero = zeroBuffer.baseAddress, let dstBase = outBuffer.baseAddress
          else { return }
          for y in 0..<height {
            let cur = src + y * stride
            // The first row has no row above: Up and Paeth are not tried, and Average sees zeros above.
            let prev = y > 0 ? cur - stride : zero
            var bestType = 0
            var bestScore = Int.max
            // A row equal to the one above (most rows of a flat-colour chart) filters to zeros with Up;
            // only None or Sub scoring zero too could win the tie, so test just those two, cheaply.
            if y > 0 && memcmp(cur, prev, stride) == 0 {
              bestType = Self.score(0, cur, prev, stride, bpp, limit: 1) == 0 ? 0 : Self.score(1, cur, prev, stride, bpp, limit: 1) == 0 ? 1 : 2
              bestScore = 0
            }
            for type in 0...4 where bestScore > 0 {
              if y == 0 && (type == 2 || type == 4) { continue }
              let score = Self.score(type, cur, prev, stride, bpp, limit: bestScore)
              if score < bestScore {
                bestScore = score
                bestType = type
              }
            }
            let dst = dstBase + y * (stride + 1)
            dst[0] = UInt8(bestType)
            Self.apply(bestType, cur, prev, stride, bpp, into: dst + 1)
          }
        }
      }
    }
    return out
  }

  /// The sum of absolute (signed) filtered bytes of one row, or some value at
  /// least `limit` once it is clear the row's sum reaches `limit`.
  @inline(__always)
  static func score(
    _ type: Int, _ cur: UnsafePointer<UInt8>, _ prev: UnsafePointer<UInt8>, _ n: Int, _ bpp: Int, limit: Int
  ) -> Int {
    @inline(__always) func cost(_ f: UInt8) -> Int { Int(Int8(bitPattern: f).magnitude) }
    var total = 0
    var i = 0
    // Scored in blocks, checking the limit between blocks; the sums only grow, so the outcome is the same.
    let block = 256
    while i < n {
      let end = min(n, i + block)
      var s = 0
      // The first `bpp` bytes have no left neighbour (a = c = 0); past them the loops have no branch.
      let head = min(end, max(i, bpp))
      switch type {
      case 0:
        for k in i..<end { s &+= cost(cur[k]) }
      case 1:
        for k in i..<head { s &+= cost(cur[k]) }
        for k in head..<end { s &+= cost(cur[k] &- cur[k - bpp]) }
      case 2:
        for k in i..<end { s &+= cost(cur[k] &- prev[k]) }
      case 3:
        for k in i..<head { s &+= cost(cur[k] &- prev[k] >> 1) }
        for k in head..<end { s &+= cost(cur[k] &- UInt8((UInt16(cur[k - bpp]) &+ UInt16(prev[k])) >> 1)) }
      default:
        for k in i..<head { s &+= cost(cur[k] &- prev[k]) }  // Paeth with a = c = 0 predicts b
        for k in head..<end { s &+= cost(cur[k] &- paeth(cur[k - bpp], prev[k], prev[k - bpp])) }
      }
      total += s
      if total >= limit { return total }
      i = end
    }
    return total
  }

  /// Writes one row filtered with `type` to `dst`.
  @inline(__always)
  static func apply(
    _ type: Int, _ cur: UnsafePointer<UInt8>, _ prev: UnsafePointer<UInt8>, _ n: Int, _ bpp: Int,
    into dst: UnsafeMutablePointer<UInt8>
  ) {
    let head = min(n, bpp)
    switch type {
    case 0:
      dst.update(from: cur, count: n)
    case 1:
      for k in 0..<head { dst[k] = cur[k] }
      for k in head..<n { dst[k] = cur[k] &- cur[k - bpp] }
    case 2:
      for k in 0..<n { dst[k] = cur[k] &- prev[k] }
    case 3:
      for k in 0..<head { dst[k] = cur[k] &- prev[k] >> 1 }
      for k in head..<n { dst[k] = cur[k] &- UInt8((UInt16(cur[k - bpp]) &+ UInt16(prev[k])) >> 1) }
    default:
      for k in 0..<head { dst[k] = cur[k] &- prev[k] }
      for k in head..<n { dst[k] = cur[k] &- paeth(cur[k - bpp], prev[k], prev[k - bpp]) }
    }
  }

  private func deflate(_ data: [UInt8]) throws -> [UInt8] {
    guard let compressor = libdeflate_alloc_compressor(compressionLevel) else {
      throw RenderError.invalidRequest("libdeflate could not allocate a compressor")
    }
    defer { libdeflate_free_compressor(compressor) }
    let bound = libdeflate_zlib_compress_bound(compressor, data.count)
    var out = [UInt8](repeating: 0, count: bound)
    let n = data.withUnsafeBytes { src in
      out.withUnsafeMutableBytes { dst in
        libdeflate_zlib_compress(compressor, src.baseAddress, src.count, dst.baseAddress, dst.count)
      }
    }
    guard n > 0 else { throw RenderError.invalidRequest("libdeflate could not compress the image") }
    out.removeLast(out.count - n)
    return out
  }

  private static func appendChunk(_ type: String, _ data: [UInt8], to out: inout [UInt8]) {
    out.reserveCapacity(out.count + data.count + 12)
    out.appendBigEndian(UInt32(data.count))
    let typeBytes = Array(type.utf8)
    out += typeBytes
    out += data
    var crc = typeBytes.withUnsafeBytes { libdeflate_crc32(0, $0.baseAddress, $0.count) }
    crc = data.withUnsafeBytes { libdeflate_crc32(crc, $0.baseAddress, $0.count) }
    out.appendBigEndian(crc)
  }
}

@inline(__always)
private func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
  let p = Int(a) + Int(b) - Int(c)
  let pa = abs(p - Int(a)), pb = abs(p - Int(b)), pc = abs(p - Int(c))
  if pa <= pb && pa <= pc { return a }
  return pb <= pc ? b : c
}

extension [UInt8] {
  fileprivate mutating func appendBigEndian(_ v: UInt32) {
    append(UInt8(v >> 24))
    append(UInt8((v >> 16) & 0xFF))
    append(UInt8((v >> 8) & 0xFF))
    append(UInt8(v & 0xFF))
  }
}
