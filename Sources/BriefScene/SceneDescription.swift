/// Text form of scenes: one line per primitive, indented by nesting, numbers
/// with at most two decimals. Stable, so it serves as a snapshot format.
extension Scene: CustomStringConvertible {
  public var description: String {
    var lines = ["scene \(fmt(size.width))x\(fmt(size.height))" + (background.map { " background \($0.hex)" } ?? "")]
    for p in primitives { p.describe(into: &lines, depth: 1) }
    return lines.joined(separator: "\n")
  }
}

extension Primitive: CustomStringConvertible {
  public var description: String {
    var lines: [String] = []
    describe(into: &lines, depth: 0)
    return lines.joined(separator: "\n")
  }

  func describe(into lines: inout [String], depth: Int) {
    let pad = String(repeating: "  ", count: depth)
    switch self {
    case .fill(let path, let color):
      lines.append("\(pad)fill \(path) \(color.hex)")
    case .stroke(let path, let s):
      let dash = s.dash.isEmpty ? "" : " dash " + s.dash.map(fmt).joined(separator: ",")
      lines.append("\(pad)stroke \(path) \(s.color.hex) w\(fmt(s.width))\(dash)")
    case .text(let t):
      let f = t.style.font
      let wrap = (t.maxWidth.map { " wrap \(fmt($0))" } ?? "") + (t.spans.isEmpty ? "" : " spans \(t.spans.count)")
      lines.append(
        "\(pad)text \(quoted(t.text)) at \(fmt(t.position.x)),\(fmt(t.position.y)) "
          + "\(t.horizontalAnchor.rawValue)/\(t.verticalAnchor.rawValue) "
          + "\(f.families.first ?? "") \(fmt(f.size)) w\(f.weight.rawValue) \(t.style.color.hex)\(wrap)")
    case .clip(let path, let children):
      lines.append("\(pad)clip \(path)")
      for c in children { c.describe(into: &lines, depth: depth + 1) }
    case .group(let role, let children):
      lines.append("\(pad)group \(role)")
      for c in children { c.describe(into: &lines, depth: depth + 1) }
    case .transform(let offset, let scale, let children):
      lines.append("\(pad)transform \(fmt(offset.x)),\(fmt(offset.y)) x\(fmt(scale))")
      for c in children { c.describe(into: &lines, depth: depth + 1) }
    case .link(let r, let target):
      lines.append("\(pad)link \(fmt(r.x)),\(fmt(r.y)) \(fmt(r.width))x\(fmt(r.height)) -> \(target)")
    case .anchor(let name, let p):
      lines.append("\(pad)anchor \(name) at \(fmt(p.x)),\(fmt(p.y))")
    }
  }
}

extension Path: CustomStringConvertible {
  public var description: String {
    elements.map { e -> String in
      switch e {
      case .move(let p): return "M\(fmt(p.x)),\(fmt(p.y))"
      case .line(let p): return "L\(fmt(p.x)),\(fmt(p.y))"
      case .curve(let a, let b, let c):
        return "C\(fmt(a.x)),\(fmt(a.y)) \(fmt(b.x)),\(fmt(b.y)) \(fmt(c.x)),\(fmt(c.y))"
      case .close: return "Z"
      }
    }.joined(separator: " ")
  }
}

/// Formats a coordinate with at most two decimals and no trailing zeros, "-0" as "0".
func fmt(_ v: Double) -> String {
  guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
  let hundredths = (v * 100).rounded()
  if hundredths == 0 { return "0" }
  guard abs(hundredths) < 1e15 else { return String(v) }
  let n = Int64(hundredths)
  let sign = n < 0 ? "-" : ""
  let a = n.magnitude
  let whole = a / 100, frac = a % 100
  if frac == 0 { return "\(sign)\(whole)" }
  if frac % 10 == 0 { return "\(sign)\(whole).\(frac / 10)" }
  return "\(sign)\(whole).\(frac < 10 ? "0" : "")\(frac)"
}

private func quoted(_ s: String) -> String {
  var out = "\""
  for ch in s {
    switch ch {
    case "\"": out += "\\\""
    case "\\": out += "\\\\"
    case "\n": out += "\\n"
    default: out.append(ch)
    }
  }
  return out + "\""
}
