import Foundation
import Yams

/// Reads one YAML file into a Yams node tree, keeping line and column marks, with
/// limits that make hostile input cheap to reject.
///
/// Yams expands aliases without a budget (a few hundred bytes of nested aliases
/// grow by 9× per level), so before composing, the text is scanned for alias
/// tokens, aliases used as mapping keys (whose hashing during composition would
/// expand them) and flow nesting; after composing, the expanded size and depth of
/// the tree are measured with memoisation, so the check itself stays linear.
public struct YAMLDocument {
  /// Limits applied while reading.
  public struct Limits: Sendable {
    /// Most alias tokens (`*name`) a file may contain.
    public var maxAliases = 256
    /// Most nodes the tree may have once every alias is expanded.
    public var maxExpandedNodes = 4_000_000
    /// Deepest nesting of mappings and sequences.
    public var maxDepth = 32

    /// The default limits.
    public init() {}
  }

  /// The file name used in error messages.
  public var file: String
  /// The root node; `nil` for an empty document.
  public var root: Node?

  /// Reads and composes `path`; errors are located at the file's line and column.
  ///
  /// `read` gives a file's bytes: by default ``InputFile/read(_:limit:)`` from disk;
  /// tests and fuzzers give them from memory. An ``InputFileError`` it throws becomes
  /// a `DatasetError` at the file's first line.
  public static func read(
    path: String, limits: Limits = Limits(), reading read: (String) throws -> [UInt8] = { try InputFile.read($0) }
  ) -> Result<YAMLDocument, DatasetError> {
    let text: String
    do {
      text = try InputFile.decode(try read(path), path: path)
    } catch let error as InputFileError {
      return .failure(error.datasetError)
    } catch {
      return .failure(
        DatasetError(
          file: path, line: 1, column: 1, field: "file", expected: "a readable file", found: String(describing: error)))
    }
    return parse(text: text, file: path, limits: limits)
  }

  /// Composes `text`, reporting problems as coming from `file`.
  public static func parse(text: String, file: String, limits: Limits = Limits()) -> Result<
    YAMLDocument, DatasetError
  > {
    if let problem = lexicalCheck(text, file: file, limits: limits) {
      return .failure(problem)
    }
    let root: Node?
    do {
      // BriefKit reads every scalar as text and interprets it itself, so Yams's tag resolution (a regular
      // expression per scalar) is skipped; the encoding is given so Yams does not read the environment.
      root = try Yams.compose(yaml: text, .basic, .default, .utf8)
    } catch let error as YamlError {
      return .failure(yamlError(error, file: file))
    } catch {
      return .failure(
        DatasetError(
          file: file, line: 1, column: 1, field: "yaml", expected: "valid YAML",
          found: String(describing: error)))
    }
    if let root {
      // Only aliases share subtrees: a text without '*' has none, and needs no memo.
      var memo: [MemoKey: Int]? = text.utf8.contains(UInt8(ascii: "*")) ? [:] : nil
      var budget = limits.maxExpandedNodes
      if let problem = measure(root, depth: 1, limits: limits, budget: &budget, memo: &memo, file: file) {
        return .failure(problem)
      }
    }
    return .success(YAMLDocument(file: file, root: root))
  }

  // MARK: - Limits

  struct MemoKey: Hashable {
    var line: Int
    var column: Int
    var kind: Int
  }

  /// Checks alias count, aliases as keys and flow nesting without parsing.
  ///
  /// Scans UTF-8 bytes (every character it looks for is ASCII); columns count
  /// Unicode scalars, as the YAML parser's marks do.
  static func lexicalCheck(_ text: String, file: String, limits: Limits) -> DatasetError? {
    let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")
    let hash = UInt8(ascii: "#"), star = UInt8(ascii: "*"), colon = UInt8(ascii: ":"), comma = UInt8(ascii: ",")
    let openBracket = UInt8(ascii: "["), closeBracket = UInt8(ascii: "]"), openBrace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
    let doubleQuote = UInt8(ascii: "\""), singleQuote = UInt8(ascii: "'"), dash = UInt8(ascii: "-"), question = UInt8(ascii: "?")
    var aliases = 0
    var line = 1
    var column = 0
    var flowDepth = 0
    var quote: UInt8?
    var previous = newline
    var lastSignificant = newline
    var inComment = false
    var aliasStart: (line: Int, column: Int)?
    var inAlias = false
    var aliasEndedBySpace = false
    for byte in text.utf8 {
      // A continuation byte continues the scalar before it: no column, and never a character looked for.
      if byte & 0xC0 == 0x80 { continue }
      column += 1
      if byte == newline {
        line += 1
        column = 0
        inComment = false
        quote = nil  // multi-line quoted scalars are rare in the dataset; be conservative
        inAlias = false
        aliasEndedBySpace = false
        previous = byte
        lastSignificant = byte
        continue
      }
      if inComment { continue }
      if let open = quote {
        if byte == open { quote = nil }
        previous = byte
        continue
      }
      if aliasEndedBySpace {
        if byte == space || byte == tab { continue }
        aliasEndedBySpace = false
        if byte == colon, let start = aliasStart {
          return DatasetError(
            file: file, line: start.line, column: start.column, field: "yaml",
            expected: "no alias used as a mapping key", found: "an alias followed by ':'")
        }
      }
      if inAlias {
        if byte == space || byte == tab {
          inAlias = false
          aliasEndedBySpace = true
        } else if byte == comma || byte == closeBracket || byte == closeBrace {
          inAlias = false
        } else if byte == colon {
          // `*name:` — an alias used as a mapping key.
          if let start = aliasStart {
            return DatasetError(
              file: file, line: start.line, column: start.column, field: "yaml",
              expected: "no alias used as a mapping key", found: "an alias followed by ':'")
          }
        }
        previous = byte
        continue
      }
      let afterSpace = previous == space || previous == newline || previous == tab || previous == openBracket
        || previous == openBrace || previous == comma || previous == colon || previous == dash || previous == question
      switch byte {
      case hash where previous == space || previous == newline || previous == tab:
        inComment = true
      case doubleQuote where afterSpace, singleQuote where afterSpace:
        quote = byte
      case star where afterSpace:
        aliases += 1
        aliasStart = (line, column)
        inAlias = true
        if aliases > limits.maxAliases {
          return DatasetError(
            file: file, line: line, column: column, field: "yaml",
            expected: "at most \(limits.maxAliases) aliases", found: "more")
        }
        if lastSignificant == question {
          return DatasetError(
            file: file, line: line, column: column, field: "yaml",
            expected: "no alias used as a mapping key", found: "'? *'")
        }
      case openBracket, openBrace:
        flowDepth += 1
        if flowDepth > limits.maxDepth {
          return DatasetError(
            file: file, line: line, column: column, field: "yaml",
            expected: "nesting at most \(limits.maxDepth) deep", found: "deeper nesting")
        }
      case closeBracket, closeBrace:
        flowDepth = Swift.max(0, flowDepth - 1)
      default:
        break
      }
      previous = byte
      if byte != space && byte != tab { lastSignificant = byte }
    }
    return nil
  }

  /// Counts the expanded tree within `budget`, memoising shared (aliased) subtrees by mark
  /// when `memo` is not nil.
  static func measure(
    _ node: Node, depth: Int, limits: Limits, budget: inout Int, memo: inout [MemoKey: Int]?,
    file: String
  ) -> DatasetError? {
    let mark = node.mark
    if depth > limits.maxDepth {
      return DatasetError(
        file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, field: "yaml",
        expected: "nesting at most \(limits.maxDepth) deep", found: "deeper nesting")
    }
    let kind: Int
    var children: [Node] = []
    switch node {
    case .scalar, .alias: kind = 0
    case .mapping(let mapping):
      kind = 1
      for (key, value) in mapping { children.append(key); children.append(value) }
    case .sequence(let sequence):
      kind = 2
      children = Array(sequence)
    }
    let key = memo == nil ? nil : mark.map { MemoKey(line: $0.line, column: $0.column, kind: kind) }
    if let key, let size = memo?[key] {
      budget -= size
    } else {
      let before = budget
      budget -= 1
      for child in children {
        if let problem = measure(child, depth: depth + 1, limits: limits, budget: &budget, memo: &memo, file: file) {
          return problem
        }
      }
      if let key { memo?[key] = before - budget }
    }
    if budget < 0 {
      return DatasetError(
        file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, field: "yaml",
        expected: "at most \(limits.maxExpandedNodes) nodes once aliases are expanded",
        found: "more (an alias bomb?)")
    }
    return nil
  }

  /// Turns a Yams error into a located error (marks are 1-based in Yams).
  static func yamlError(_ error: YamlError, file: String) -> DatasetError {
    func located(_ mark: Mark, _ problem: String, _ context: YamlError.Context?) -> DatasetError {
      var found = problem
      if let context { found += " " + context.text }
      return DatasetError(
        file: file, line: Swift.max(mark.line, 1), column: Swift.max(mark.column, 1), field: "yaml",
        expected: "valid YAML", found: found)
    }
    switch error {
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      return located(mark, problem, context)
    case .duplicatedKeysInMapping(let duplicates, let context):
      return DatasetError(
        file: file, line: Swift.max(context.mark.line, 1), column: Swift.max(context.mark.column, 1),
        field: duplicates.first ?? "yaml", expected: "each key once per entry",
        found: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))")
    case .reader(let problem, let offset, _, _):
      return DatasetError(
        file: file, line: 1, column: 1, field: "yaml", expected: "readable YAML text",
        found: problem + (offset.map { " at byte \($0)" } ?? ""))
    default:
      return DatasetError(
        file: file, line: 1, column: 1, field: "yaml", expected: "valid YAML",
        found: String(describing: error))
    }
  }
}
