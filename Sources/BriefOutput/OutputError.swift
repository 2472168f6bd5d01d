/// A file that could not be written, moved into place or checked before writing.
public struct OutputError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file or folder.
  public var path: String
  /// Why, in words (often the system's `strerror`).
  public var message: String

  public init(path: String, message: String) {
    self.path = path
    self.message = message
  }

  public var description: String { "cannot write \(path): \(message)" }
}
