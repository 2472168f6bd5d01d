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

  /// Writes several files as one step: every changed file is written in full
  /// first, and only when all are written are they moved into place. A failure
  /// on any file changes nothing.
  ///
  /// On Linux the files are written as unnamed temporary files (`O_TMPFILE`)
  /// that are given a name only for the instant before they are renamed over
  /// their target, so a run killed while writing leaves no temporary file
  /// behind. Elsewhere, and where the file system lacks `O_TMPFILE`, they are
  /// written to `.NAME.tmp-XXXXXX` beside the target.
  @discardableResult
  public static func writeAll(_ files: [(path: String, bytes: [UInt8])]) throws -> [Outcome] {
    var staged: [Staged] = []
    var outcomes: [Outcome] = []
    func discard(_ list: ArraySlice<Staged>) {
      for s in list {
        if let tmp = s.tmp { unlink(tmp) }
        if s.fd >= 0 { close(s.fd) }
      }
    }
    do {
      for (path, bytes) in files {
        if let existing = try? read(path), existing == bytes {
          outcomes.append(.unchanged)
          continue
        }
        staged.append(try stage(bytes, for: path))
        outcomes.append(.written)
      }
    } catch {
      discard(staged[...])
      throw error
    }
    for (i, s) in staged.enumerated() {
      var tmp = s.tmp
      if tmp == nil {
        // Name the unnamed file beside its target, then rename it over the target at once.
        let (dir, name) = split(s.path)
        let linked = "\(dir)/.\(name).tmp-\(getpid())-\(i)"
        guard linkat(AT_FDCWD, "/proc/self/fd/\(s.fd)", AT_FDCWD, linked, AT_SYMLINK_FOLLOW) == 0 else {
          let message = errnoMessage()
          discard(staged[i...])
          throw RenderError.output(path: s.path, message: message)
        }
        tmp = linked
      }
      guard let from = tmp, rename(from, s.path) == 0 else {
        let message = errnoMessage()
        if let from = tmp, s.tmp == nil { unlink(from) }
        discard(staged[i...])
        throw RenderError.output(path: s.path, message: message)
      }
      if s.fd >= 0 { close(s.fd) }
    }
    return outcomes
  }

  /// A file written and waiting to be moved into place: an open unnamed file, or a named temporary file.
  struct Staged {
    var fd: Int32
    var tmp: String?
    var path: String
  }

  #if os(Linux)
    /// `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), which Swift does not import from the C macro.
    static let tmpfileFlag: Int32 = 0o20_000_000 | O_DIRECTORY
  #endif

  /// Writes `bytes` beside `path`: to an unnamed file where the system allows, else to a named temporary file.
  static func stage(_ bytes: [UInt8], for path: String) throws -> Staged {
    let (dir, name) = split(path)
    #if os(Linux)
      let anonymous = open(dir, tmpfileFlag | O_WRONLY | O_CLOEXEC, 0o644)
      if anonymous >= 0 {
        do {
          try writeFully(anonymous, bytes, path: path)
          guard fchmod(anonymous, 0o644) == 0 else { throw RenderError.output(path: path, message: errnoMessage()) }
        } catch {
          close(anonymous)
          throw error
        }
        return Staged(fd: anonymous, tmp: nil, path: path)
      }
      // EISDIR or EOPNOTSUPP: the kernel or file system has no O_TMPFILE; ENOENT and EACCES are real failures.
      if errno != EISDIR && errno != EOPNOTSUPP && errno != EINVAL {
        throw RenderError.output(path: path, message: errnoMessage())
      }
    #endif
    var template = Array("\(dir)/.\(name).tmp-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { buf -> Int32 in
      guard let base = buf.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard fd >= 0 else { throw RenderError.output(path: path, message: errnoMessage()) }
    let tmp = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
    do {
      defer { close(fd) }
      try writeFully(fd, bytes, path: path)
      guard fchmod(fd, 0o644) == 0 else { throw RenderError.output(path: path, message: errnoMessage()) }
    } catch {
      unlink(tmp)
      throw error
    }
    return Staged(fd: -1, tmp: tmp, path: path)
  }

  /// Writes every byte to `fd`, retrying short writes and interruptions.
  static func writeFully(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
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
