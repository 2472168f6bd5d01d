#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Creates the folders outputs go into.
public enum OutputFolder {
  /// Creates `path` and its parents; a failure names the folder and the system's reason.
  ///
  /// The corresponding C function is `mkdir`.
  public static func create(_ path: String) throws {
    guard !isDirectory(path) else { return }
    // Parents first, each with mkdir(2), so a failure names the folder and the system's reason.
    if let slash = path.dropLast().lastIndex(of: "/"), slash != path.startIndex {
      try create(String(path[..<slash]))
    }
    if mkdir(path, 0o755) != 0 && errno != EEXIST {
      throw OutputError(path: path, message: "cannot create the folder: \(String(cString: strerror(errno)))")
    }
    guard isDirectory(path) else {
      throw OutputError(path: path, message: "cannot create the folder: a file of that name is in the way")
    }
  }

  /// Whether `path` names a folder (following links, as `stat(2)` does).
  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
  }
}
