import CZlib

/// A minimal PNG reader for tests: 8-bit RGB and RGBA, no interlacing.
public struct DecodedPNG {
  public var width: Int
  public var height: Int
  public var channels: Int
  public var pixels: [UInt8]
  /// Chunk types in file order.
  public var chunkTypes: [String]
  /// The pHYs chunk: pixels per unit on x and y, and the unit (1 = metre).
  public var physical: (x: UInt32, y: UInt32, unit: UInt8)?
  /// iTXt and tEXt entries, keyword to text.
  public var text: [String: String]

  /// The colour at a pixel as (r, g, b).
  public func rgb(_ x: Int, _ y: Int) -> (UInt8, UInt8, UInt8) {
    let i = (y * width + x) * channels
    return (pixels[i], pixels[i + 1], pixels[i + 2])
  }

  public enum Failure: Error { case malformed(String) }

  public init(_ data: [UInt8]) throws {
    guard data.count > 8, Array(data[0..<8]) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else {
      throw Failure.malformed("no PNG signature")
    }
    func be32(_ i: Int) -> UInt32 {
      UInt32(data[i]) << 24 | UInt32(data[i + 1]) << 16 | UInt32(data[i + 2]) << 8 | UInt32(data[i + 3])
    }
    var pos = 8
    var idat: [UInt8] = []
    var w = 0, h = 0, colorType: UInt8 = 0
    var types: [String] = []
    var phys: (UInt32, UInt32, UInt8)?
    var text: [String: String] = [:]
    while pos + 12 <= data.count {
      let len = Int(be32(pos))
      let type = String(decoding: data[pos + 4..<pos + 8], as: UTF8.self)
      guard pos + 12 + len <= data.count else { throw Failure.malformed("truncated \(type)") }
      let body = Array(data[pos + 8..<pos + 8 + len])
      let crc = be32(pos + 8 + len)
      let computed = data[pos + 4..<pos + 8 + len].withUnsafeBytes {
        UInt32(crc32(0, $0.bindMemory(to: Bytef.self).baseAddress, uInt($0.count)))
      }
      guard crc == computed else { throw Failure.malformed("bad CRC in \(type)") }
      types.append(type)
      switch type {
      case "IHDR":
        w = Int(be32(pos + 8)); h = Int(be32(pos + 12)); colorType = body[9]
      case "pHYs":
        phys = (be32(pos + 8), be32(pos + 12), body[8])
      case "IDAT":
        idat += body
      case "iTXt", "tEXt":
        if let nul = body.firstIndex(of: 0) {
          let key = String(decoding: body[..<nul], as: UTF8.self)
          var rest = body[(nul + 1)...]
          if type == "iTXt" {
            rest = rest.dropFirst(2)  // compression flag and method
            for _ in 0..<2 { if let n = rest.firstIndex(of: 0) { rest = rest[(n + 1)...] } }
          }
          text[key] = String(decoding: rest, as: UTF8.self)
        }
      default: break
      }
      pos += 12 + len
    }
    let channels = colorType == 2 ? 3 : colorType == 6 ? 4 : 0
    guard channels > 0, w > 0, h > 0 else { throw Failure.malformed("unsupported colour type \(colorType)") }
    let stride = w * channels
    var raw = [UInt8](repeating: 0, count: (stride + 1) * h)
    // zlib, not the encoder's libdeflate: what BriefKit writes is read by another library.
    var actual = uLongf(raw.count)
    let r = idat.withUnsafeBytes { src in
      raw.withUnsafeMutableBytes { dst in
        uncompress(dst.bindMemory(to: Bytef.self).baseAddress, &actual, src.bindMemory(to: Bytef.self).baseAddress, uLong(src.count))
      }
    }
    guard r == Z_OK, actual == raw.count else { throw Failure.malformed("bad image data") }
    var px = [UInt8](repeating: 0, count: stride * h)
    for y in 0..<h {
      let filter = raw[y * (stride + 1)]
      for i in 0..<stride {
        let x = raw[y * (stride + 1) + 1 + i]
        let a = i >= channels ? px[y * stride + i - channels] : 0
        let b = y > 0 ? px[(y - 1) * stride + i] : 0
        let c = (y > 0 && i >= channels) ? px[(y - 1) * stride + i - channels] : 0
        let v: UInt8
        switch filter {
        case 0: v = x
        case 1: v = x &+ a
        case 2: v = x &+ b
        case 3: v = x &+ UInt8((UInt16(a) + UInt16(b)) / 2)
        case 4:
          let p = Int(a) + Int(b) - Int(c)
          let pa = abs(p - Int(a)), pb = abs(p - Int(b)), pc = abs(p - Int(c))
          v = x &+ (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)
        default: throw Failure.malformed("bad filter \(filter)")
        }
        px[y * stride + i] = v
      }
    }
    self.width = w
    self.height = h
    self.channels = channels
    self.pixels = px
    self.chunkTypes = types
    self.physical = phys
    self.text = text
  }
}
