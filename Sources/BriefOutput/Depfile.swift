/// The make rule `--depfile` writes.
public enum Depfile {
  /// A make rule: every output depends on every input, and each input but `primary` gets an
  /// empty rule of its own so that deleting one does not break make (as `gcc -MP` does).
  public static func rule(outputs: [String], inputs: [String], primary: String? = nil) -> String {
    let targets = outputs.map(escape).joined(separator: " ")
    var text = "\(targets):"
    for i in inputs { text += " \\\n  \(escape(i))" }
    text += "\n"
    for i in inputs where i != primary { text += "\n\(escape(i)):\n" }
    return text
  }

  /// Escapes a path for a make rule: spaces, `#`, `:` and `\` before them with a backslash, `$` doubled.
  public static func escape(_ path: String) -> String {
    var out = ""
    for ch in path {
      switch ch {
      case " ", "#", ":", "\\": out += "\\" + String(ch)
      case "$": out += "$$"
      default: out.append(ch)
      }
    }
    return out
  }
}
