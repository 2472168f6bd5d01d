import CDeflate

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
  static func filterRows(_ px: [UInt8], width: Int, height: Int, bpp: Int) -> [UInt8] {
    let stride = width * bpp
    var out = [UInt8](repeating: 0, count: (stride + 1) * height)
    var candidate = [UInt8](repeating: 0, count: stride)
    var best = [UInt8](repeating: 0, count: stride)
    px.withUnsafeBufferPointer { src in
      for y in 0..<height {
        let row = y * stride
        let prev = y > 0 ? row - stride : -1
        var bestType: UInt8 = 0
        var bestScore = Int.max
        for type: UInt8 in 0...4 {
          if type == 2 || type == 4 { if prev < 0 { continue } }
          var score = 0
          for i in 0..<stride {
            let x = src[row + i]
            let a: UInt8 = i >= bpp ? src[row + i - bpp] : 0
            let b: UInt8 = prev >= 0 ? src[prev + i] : 0
            let c: UInt8 = (prev >= 0 && i >= bpp) ? src[prev + i - bpp] : 0
            let f: UInt8
            switch type {
            case 0: f = x
            case 1: f = x &- a
            case 2: f = x &- b
            case 3: f = x &- UInt8((UInt16(a) + UInt16(b)) / 2)
            default: f = x &- paeth(a, b, c)
            }
            candidate[i] = f
            score += f < 128 ? Int(f) : 256 - Int(f)
            if score >= bestScore { break }
          }
          if score < bestScore {
            bestScore = score
            bestType = type
            swap(&best, &candidate)
          }
        }
        let dst = y * (stride + 1)
        out[dst] = bestType
        for i in 0..<stride { out[dst + 1 + i] = best[i] }
      }
    }
    return out
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
    out.appendBigEndian(UInt32(data.count))
    let typeAndData = Array(type.utf8) + data
    out += typeAndData
    let crc = typeAndData.withUnsafeBytes { libdeflate_crc32(0, $0.baseAddress, $0.count) }
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
