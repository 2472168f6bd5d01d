/// The JSON list `--manifest` writes: every output with its size, SHA-256 and inputs.
///
/// ```swift
/// let text = Manifest.json([(path: "out/a.png", bytes: png, inputs: ["seeds/charts.yaml"])])
/// ```
public enum Manifest {
  /// `[{"path", "size", "sha256", "inputs"}]`, sorted by path, one output per line.
  public static func json(_ outputs: [(path: String, bytes: [UInt8], inputs: [String])]) -> String {
    let rows = outputs.sorted { $0.path < $1.path }.map { o in
      "  {\"path\": \(string(o.path)), \"size\": \(o.bytes.count), \"sha256\": \"\(SHA256.hex(o.bytes))\", \"inputs\": ["
        + o.inputs.map(string).joined(separator: ", ") + "]}"
    }
    return "[\n" + rows.joined(separator: ",\n") + "\n]\n"
  }

  /// A JSON string literal.
  public static func string(_ s: String) -> String {
    var out = "\""
    for scalar in s.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
