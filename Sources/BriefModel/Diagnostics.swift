/// A problem in the dataset, located at a file, line and column.
///
/// Printed as `FILE:LINE:COL: error: FIELD: expected X, found Y`, the form editors
/// and `make` understand.
public struct DatasetError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The file, as given to the loader.
  public var file: String
  /// 1-based line.
  public var line: Int
  /// 1-based column.
  public var column: Int
  /// The field concerned (`observations[3].value`, or `yaml` for syntax errors).
  public var field: String
  /// What was expected.
  public var expected: String
  /// What was found.
  public var found: String

  /// Creates an error.
  public init(file: String, line: Int, column: Int, field: String, expected: String, found: String) {
    self.file = file
    self.line = line
    self.column = column
    self.field = field
    self.expected = expected
    self.found = found
  }

  /// Creates an error at a location.
  public init(at location: SourceLocation, field: String, expected: String, found: String) {
    self.init(
      file: location.file, line: location.line, column: location.column, field: field,
      expected: expected, found: found)
  }

  /// `FILE:LINE:COL: error: FIELD: expected X, found Y`.
  public var description: String {
    "\(file):\(line):\(column): error: \(field): expected \(expected), found \(found)"
  }
}

/// Every problem found in a dataset; thrown when there is at least one.
public struct DatasetErrors: Error, Sendable, CustomStringConvertible {
  /// The problems, in file order then line order.
  public var errors: [DatasetError]

  /// Creates the collection.
  public init(_ errors: [DatasetError]) { self.errors = errors }

  /// One problem per line.
  public var description: String { errors.map(\.description).joined(separator: "\n") }
}
