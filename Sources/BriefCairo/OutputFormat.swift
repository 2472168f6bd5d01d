/// The file formats the Cairo backend writes.
public enum OutputFormat: String, CaseIterable, Sendable {
  case pdf, png, svg

  /// The format named by a path's extension, if any.
  public init?(path: String) {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    self.init(rawValue: path[path.index(after: dot)...].lowercased())
  }
}
