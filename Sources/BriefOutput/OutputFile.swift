import Foundation

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

  /// Moves a file to a new name, as `rename(2)` does; tests put a failing one in its place.
  public typealias Rename = (_ from: String, _ to: String) -> Int32

  /// Writes `bytes` to `path` atomically, leaving an identical existing file untouched.
  @discardableResult
  public static func write(_ bytes: [UInt8], to path: String) throws -> Outcome {
    try writeAll([(path, bytes)])[0]
  }

  /// Writes several files as one step: all or nothing, as far as the file system allows.
  ///
  /// 1. Every target is checked: a target that exists must be a regular file (a folder, FIFO or
  ///    device is refused before anything is written, and never opened), and no path may appear
  ///    twice. An existing file is compared with the new bytes, by size first, so a large file
  ///    of another size is never read; an identical file is left untouched.
  /// 2. Every changed file is written in full beside its target: on Linux as an unnamed file
  ///    (`O_TMPFILE`), elsewhere as `.NAME.tmp-PID-N`. Each is then given its temporary name,
  ///    and each existing target a second name (a hard link, `.NAME.old-PID-N`), which keeps the
  ///    old bytes. A failure up to here changes no target.
  /// 3. The files are renamed over their targets, back to back, in the order given. If a rename
  ///    fails, the targets already replaced get their old files back (or are removed, if they are
  ///    new), so no output changes.
  /// 4. The old files' second names are removed.
  ///
  /// A process killed during step 3 (a window of microseconds: the renames only) leaves some
  /// targets new and the rest old, never a partial file; callers put the file that records a
  /// finished run (a depfile) last, so a build tool runs the step again. What a killed run leaves
  /// named (`.NAME.tmp-PID-N`, `.NAME.old-PID-N`) is removed by the next run that writes NAME.
  @discardableResult
  public static func writeAll(_ files: [(path: String, bytes: [UInt8])], rename: Rename = { Glibc.rename($0, $1) }) throws -> [Outcome] {
    var seen = Set<String>()
    for (path, _) in files where !seen.insert(path).inserted {
      throw OutputError(path: path, message: "it is named twice among one run's outputs")
    }
    var outcomes: [Outcome] = []
    var staged: [Staged] = []
    defer { for s in staged { s.discard() } }
    removeLeftovers(of: files.map(\.path))
    for (path, bytes) in files {
      if try holds(path, bytes) {
        outcomes.append(.unchanged)
        continue
      }
      staged.append(try stage(bytes, for: path, index: staged.count))
      outcomes.append(.written)
    }
    for i in staged.indices { try staged[i].name(index: i) }
    for (k, s) in staged.enumerated() {
      guard let tmp = s.tmp, rename(tmp, s.path) == 0 else {
        let message = errnoMessage()
        for earlier in staged[..<k].reversed() { earlier.restore() }
        throw OutputError(path: s.path, message: message)
      }
    }
    for i in staged.indices { staged[i].committed = true }
    return outcomes
  }

  /// A file written and waiting to be moved into place: an open unnamed file, or a named temporary
  /// file; with its temporary name and, when its target exists, the second name of the old file.
  struct Staged {
    var fd: Int32
    var tmp: String?
    var path: String
    /// A second name of the file the target held, made before any rename: what a failed run restores.
    var old: String?
    /// Set once every rename is done: the temporary names are then gone and the old files are let go.
    var committed = false

    /// Gives an unnamed file its temporary name and the existing target its second name.
    mutating func name(index: Int) throws {
      let (dir, file) = OutputFile.split(path)
      if tmp == nil {
        let linked = "\(dir)/.\(file).tmp-\(getpid())-\(index)"
        guard linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, linked, AT_SYMLINK_FOLLOW) == 0 else {
          throw OutputError(path: path, message: OutputFile.errnoMessage())
        }
        tmp = linked
      }
      let backup = "\(dir)/.\(file).old-\(getpid())-\(index)"
      if link(path, backup) == 0 {
        old = backup
      } else if errno != ENOENT {
        throw OutputError(path: path, message: OutputFile.errnoMessage())
      }
    }

    /// Undoes this file's rename: the old file goes back, or a target that is new is removed.
    func restore() {
      if let old {
        _ = Glibc.rename(old, path)
      } else {
        unlink(path)
      }
    }

    /// Removes what is left of this file: its temporary name when not renamed, the old file's
    /// second name, its descriptor.
    func discard() {
      if let tmp, !committed { unlink(tmp) }
      if let old { unlink(old) }
      if fd >= 0 { close(fd) }
    }
  }

  /// Whether `path` already holds exactly `bytes`: false when it does not exist or has another
  /// size (then it is not read). Throws when it is not a regular file, which is never opened: a
  /// FIFO would block the read, and a folder or device is not an output to replace.
  static func holds(_ path: String, _ bytes: [UInt8]) throws -> Bool {
    var info = stat()
    guard stat(path, &info) == 0 else {
      if errno == ENOENT { return false }
      throw OutputError(path: path, message: errnoMessage())
    }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw OutputError(path: path, message: "it exists and is \(kind(info.st_mode)), not a regular file; BriefKit replaces only files")
    }
    guard Int(info.st_size) == bytes.count else { return false }
    return (try? read(path, limit: bytes.count)) == bytes
  }

  /// What a file that is not a regular file is, for messages.
  static func kind(_ mode: mode_t) -> String {
    switch mode & S_IFMT {
    case S_IFDIR: return "a folder"
    case S_IFIFO: return "a FIFO"
    case S_IFCHR, S_IFBLK: return "a device"
    case S_IFSOCK: return "a socket"
    default: return "a special file"
    }
  }

  /// Removes the temporary and old names a killed run left beside `paths` (`.NAME.tmp-PID-N`,
  /// `.NAME.old-PID-N` of a process that no longer runs), reading each folder once.
  static func removeLeftovers(of paths: [String]) {
    var names: [String: Set<String>] = [:]
    for path in paths {
      let (dir, file) = split(path)
      names[dir, default: []].insert(file)
    }
    for (dir, files) in names.sorted(by: { $0.key < $1.key }) {
      guard let folder = opendir(dir) else { continue }
      var stale: [String] = []
      while let entry = readdir(folder) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        guard name.hasPrefix("."), let (file, pid) = leftover(name), files.contains(file) else { continue }
        if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH { stale.append(name) }
      }
      closedir(folder)
      for name in stale { unlink("\(dir)/\(name)") }
    }
  }

  /// The target's name and the process of a temporary or old name (`.a.png.tmp-123-0` is a.png's, of 123).
  static func leftover(_ name: String) -> (String, Int32)? {
    for marker in [".tmp-", ".old-"] {
      guard let range = name.range(of: marker, options: .backwards) else { continue }
      let rest = name[range.upperBound...].split(separator: "-", omittingEmptySubsequences: false)
      guard rest.count == 2, let pid = Int32(rest[0]), Int(rest[1]) != nil else { continue }
      return (String(name[name.index(after: name.startIndex)..<range.lowerBound]), pid)
    }
    return nil
  }

  #if os(Linux)
    /// `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`), which Swift does not import from the C macro.
    static let tmpfileFlag: Int32 = 0o20_000_000 | O_DIRECTORY
  #endif

  /// Writes `bytes` beside `path`: to an unnamed file where the system allows, else to
  /// `.NAME.tmp-PID-INDEX`.
  static func stage(_ bytes: [UInt8], for path: String, index: Int) throws -> Staged {
    let (dir, name) = split(path)
    #if os(Linux)
      let anonymous = open(dir, tmpfileFlag | O_WRONLY | O_CLOEXEC, 0o644)
      if anonymous >= 0 {
        let staged = Staged(fd: anonymous, tmp: nil, path: path)
        do {
          try writeFully(anonymous, bytes, path: path)
          guard fchmod(anonymous, 0o644) == 0 else { throw OutputError(path: path, message: errnoMessage()) }
        } catch {
          staged.discard()
          throw error
        }
        return staged
      }
      // EISDIR or EOPNOTSUPP: the kernel or file system has no O_TMPFILE; ENOENT and EACCES are real failures.
      if errno != EISDIR && errno != EOPNOTSUPP && errno != EINVAL {
        throw OutputError(path: path, message: errnoMessage())
      }
    #endif
    let tmp = "\(dir)/.\(name).tmp-\(getpid())-\(index)"
    let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw OutputError(path: path, message: errnoMessage()) }
    let staged = Staged(fd: fd, tmp: tmp, path: path)
    do {
      try writeFully(fd, bytes, path: path)
      guard fchmod(fd, 0o644) == 0 else { throw OutputError(path: path, message: errnoMessage()) }
    } catch {
      staged.discard()
      throw error
    }
    return staged
  }

  /// Writes every byte to `fd`, retrying short writes and interruptions.
  static func writeFully(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
    var offset = 0
    try bytes.withUnsafeBytes { buf in
      while offset < buf.count {
        let n = Glibc.write(fd, buf.baseAddress.map { $0 + offset }, buf.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          throw OutputError(path: path, message: errnoMessage())
        }
        offset += n
      }
    }
  }

  /// Reads a whole file, or its first `limit` bytes; throws when it cannot be opened or read.
  /// Opening does not wait on a FIFO.
  public static func read(_ path: String, limit: Int = .max) throws -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    guard fd >= 0 else { throw OutputError(path: path, message: errnoMessage()) }
    defer { close(fd) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while out.count < limit {
      let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        throw OutputError(path: path, message: errnoMessage())
      }
      if n == 0 { break }
      out.append(contentsOf: chunk[0..<min(n, limit - out.count)])
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
