#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes files atomically: to a temporary name in the target folder, then
/// renamed into place, so a reader or a failed run never sees half a file.
public enum OutputFile {
  /// What `write` did.
  public enum Outcome: Equatable, Sendable {
    case written
    /// The file already held exactly these bytes; it was left untouched.
    case unchanged
  }

  /// Writes `bytes` to `path` atomically, leaving an identical existing file untouched.
  @discardableResult
  public static func write(_ bytes: [UInt8], to path: String) throws -> Outcome {
    try writeAll([(path, bytes)])[0]
  }

  /// Writes several files as one step: every changed file goes to a temporary
  /// name first, and only when all are written are they renamed into place.
  /// A failure on any file removes the temporary files and changes nothing.
  @discardableResult
  public static func writeAll(_ files: [(path: String, bytes: [UInt8])]) throws -> [Outcome] {
    var staged: [(tmp: String, path: String)] = []
    var outcomes: [Outcome] = []
    do {
      for (path, bytes) in files {
        if let existing = try? read(path), existing == bytes {
          outcomes.append(.unchanged)
          continue
        }
        staged.append((try stage(bytes, for: path), path))
        outcomes.append(.written)
      }
    } catch {
      for s in staged { unlink(s.tmp) }
      throw error
    }
    for (i, s) in staged.enumerated() where rename(s.tmp, s.path) != 0 {
      let message = errnoMessage()
      for rest in staged[i...] { unlink(rest.tmp) }
      throw RenderError.output(path: s.path, message: message)
    }
    return outcomes
  }

  /// Writes `bytes` to a new temporary file beside `path` and returns its name.
  static func stage(_ bytes: [UInt8], for path: String) throws -> String {
    let (dir, name) = split(path)
    var template = Array("\(dir)/.\(name).tmp-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { buf -> Int32 in
      guard let base = buf.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard fd >= 0 else { throw RenderError.output(path: path, message: errnoMessage()) }
    let tmp = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    do {
      defer { close(fd) }
      var offset = 0
      try bytes.withUnsafeBytes { buf in
        while offset < buf.count {
          let n = Glibc.write(fd, buf.baseAddress.map { $0 + offset }, buf.count - offset)
          if n < 0 {
            if errno == EINTR { continue }
            throw RenderError.output(path: path, message: errnoMessage())
          }
          offset += n
        }
      }
      guard fchmod(fd, 0o644) == 0 else { throw RenderError.output(path: path, message: errnoMessage()) }
    } catch {
      unlink(tmp)
      throw error
    }
    return tmp
  }

  /// Reads a whole file; throws when it cannot be opened or read.
  public static func read(_ path: String) throws -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw RenderError.output(path: path, message: errnoMessage()) }
    defer { close(fd) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw RenderError.output(path: path, message: errnoMessage())
      }
      if n == 0 { break }
      out.append(contentsOf: chunk[0..<n])
    }
    return out
  }

  /// The folder and the file name of a path; the folder is "." for a bare name.
  static func split(_ path: String) -> (String, String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let dir = String(path[..<slash])
    return (dir.isEmpty ? "/" : dir, String(path[path.index(after: slash)...]))
  }

  static func errnoMessage() -> String {
    String(cString: strerror(errno))
  }
}
