#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads the files BriefKit takes as input — dataset files, chart specs, briefs,
/// styles and the styles they extend — the one way every module reads them.
///
/// A path must name a regular file of at most ``maxBytes`` bytes. Anything else is
/// refused before a byte is read: a FIFO would block the build forever, `/dev/zero`
/// or `/dev/urandom` would fill memory, a directory cannot be read at all.
///
/// ```swift
/// let text = try InputFile.text("seeds/briefs/monthly.md")   // throws InputFileError
/// ```
public enum InputFile {
  /// The largest input file, 8 MiB.
  ///
  /// The seeds' largest file is 12 KB and the monthly brief 4 KB: 8 MiB is some 700 times
  /// that. Parsing costs memory in proportion to the file: YAML of tiny entries, the worst
  /// case, takes about 90 bytes per byte (8 MB of one-line entries, each reported as wrong:
  /// 740 MB and 25 s in a debug build), so the bound keeps any single input under a gigabyte.
  public static let maxBytes = 8 << 20

  /// The largest dataset file, 64 MiB: a dataset grows month by month, and 100,000 observations
  /// (about 32 MB of YAML) load in about 530 MiB (`bench/`), so a dataset file may be larger than
  /// a style, a chart spec file or a brief.
  public static let maxDatasetBytes = 64 << 20

  /// The bytes of the regular file at `path`.
  ///
  /// The file is opened with `O_NONBLOCK`, so opening a FIFO returns at once instead of
  /// waiting for a writer; `fstat` then tells what it is. At most `limit` + 1 bytes are
  /// read, so a file that grows while being read (or a `/proc` file, whose size reads
  /// as 0) is refused too. The corresponding C functions are `open`, `fstat` and `read`.
  ///
  /// - Throws: ``InputFileError`` naming the path, what was expected and what was found.
  public static func read(_ path: String, limit: Int = maxBytes) throws -> [UInt8] {
    let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard fd >= 0 else { throw InputFileError(path: path, expected: "a readable file", found: errnoText()) }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else {
      throw InputFileError(path: path, expected: "a readable file", found: errnoText())
    }
    if let kind = kindOfNonRegularFile(status.st_mode) {
      throw InputFileError(path: path, expected: "a regular file", found: kind)
    }
    let size = Int(status.st_size)
    guard size <= limit else { throw tooLarge(path, limit: limit, found: "\(NumberFormat.grouped(Double(size))) bytes") }
    // Room for one byte more than the file holds: the read that finds the end, or that finds it grew.
    var bytes = [UInt8](repeating: 0, count: size + 1)
    var count = 0
    while count <= limit {
      if count == bytes.count { bytes += [UInt8](repeating: 0, count: Swift.min(Swift.max(count, 1 << 16), limit + 1 - count)) }
      let n = bytes.withUnsafeMutableBytes { buffer in
        Glibc.read(fd, buffer.baseAddress.map { $0 + count }, buffer.count - count)
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw InputFileError(path: path, expected: "a readable file", found: errnoText())
      }
      if n == 0 { break }
      count += n
    }
    guard count <= limit else { throw tooLarge(path, limit: limit, found: "more than \(NumberFormat.grouped(Double(limit))) bytes") }
    bytes.removeLast(bytes.count - count)
    return bytes
  }

  /// The UTF-8 text of the regular file at `path` (see ``read(_:limit:)``).
  ///
  /// - Throws: ``InputFileError``, also for bytes that are not UTF-8.
  public static func text(_ path: String) throws -> String {
    try decode(try read(path), path: path)
  }

  /// `bytes` read from `path` as UTF-8 text.
  ///
  /// - Throws: ``InputFileError`` when they are not UTF-8.
  public static func decode(_ bytes: [UInt8], path: String) throws -> String {
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw InputFileError(path: path, expected: "UTF-8 text", found: "bytes that are not UTF-8")
    }
    return text
  }

  /// What a file of mode `mode` is when it is not a regular file; nil for a regular file.
  static func kindOfNonRegularFile(_ mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG: return nil
    case S_IFDIR: return "a directory"
    case S_IFIFO: return "a FIFO (named pipe)"
    case S_IFCHR: return "a character device"
    case S_IFBLK: return "a block device"
    case S_IFSOCK: return "a socket"
    default: return "a file of an unknown kind"
    }
  }

  static func tooLarge(_ path: String, limit: Int, found: String) -> InputFileError {
    let mebibytes = limit >= 1 << 20 && limit % (1 << 20) == 0 ? " (\(limit >> 20) MiB)" : ""
    return InputFileError(path: path, expected: "a file of at most \(NumberFormat.grouped(Double(limit))) bytes\(mebibytes)", found: found)
  }

  /// The system's reason for the last failure, lowercased as it reads inside a sentence.
  static func errnoText() -> String {
    let text = String(cString: strerror(errno))
    return text.prefix(1).lowercased() + text.dropFirst()
  }
}

/// An input file that cannot be read: missing, unreadable, not a regular file, too large
/// or not UTF-8.
///
/// Printed as `PATH: error: cannot read the file: expected X, found Y`; the dataset loader
/// reports the same problem as a ``DatasetError`` at the file's first line, with the others
/// it finds.
public struct InputFileError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The path as given.
  public var path: String
  /// What the file had to be.
  public var expected: String
  /// What it was.
  public var found: String

  public init(path: String, expected: String, found: String) {
    self.path = path
    self.expected = expected
    self.found = found
  }

  /// An input given from memory that is not there, as a missing file on disk is reported.
  public static func missing(_ path: String) -> InputFileError {
    InputFileError(path: path, expected: "a readable file", found: "no such file or directory")
  }

  /// Whether the file is simply not there (an optional file may be missing).
  public var isMissing: Bool { found == Self.missing(path).found }

  /// The same problem located at the file's first line, for messages that list every problem.
  public var datasetError: DatasetError {
    DatasetError(file: path, line: 1, column: 1, field: "file", expected: expected, found: found)
  }

  /// `PATH: error: cannot read the file: expected X, found Y`.
  public var description: String { "\(path): error: cannot read the file: expected \(expected), found \(found)" }
}
