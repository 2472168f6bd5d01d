import Yams

/// A YAML node as plain, `Sendable` data: what a loaded spec keeps of YAML it reads again later
/// (a chart's `style:` overrides, applied over whichever style the chart is drawn in).
///
/// Yams' `Node` is not `Sendable` (its tags are classes); this keeps each node's text, tag name,
/// style and place, and gives back an equal `Node`, resolved as the loader resolves (`.basic`).
///
/// ```swift
/// let kept = YAMLTree(node)   // at load time
/// let again = kept.node       // on any thread, when the overrides are applied
/// ```
public indirect enum YAMLTree: Sendable {
  case scalar(String, tag: Tag.Name, style: UInt32, mark: Mark?)
  case mapping([(YAMLTree, YAMLTree)], tag: Tag.Name, style: UInt32, mark: Mark?)
  case sequence([YAMLTree], tag: Tag.Name, style: UInt32, mark: Mark?)
  /// An alias the composer left unexpanded, by its anchor's name.
  case alias(String, tag: Tag.Name, mark: Mark?)

  public init(_ node: Node) {
    switch node {
    case .scalar(let s): self = .scalar(s.string, tag: Tag.Name(rawValue: s.tag.rawValue), style: s.style.rawValue, mark: s.mark)
    case .mapping(let m):
      self = .mapping(m.map { (YAMLTree($0.key), YAMLTree($0.value)) }, tag: Tag.Name(rawValue: m.tag.rawValue), style: m.style.rawValue, mark: m.mark)
    case .sequence(let q): self = .sequence(q.map(YAMLTree.init), tag: Tag.Name(rawValue: q.tag.rawValue), style: q.style.rawValue, mark: q.mark)
    case .alias(let a): self = .alias(a.anchor.rawValue, tag: Tag.Name(rawValue: a.tag.rawValue), mark: a.mark)
    }
  }

  /// The node again.
  public var node: Node {
    switch self {
    case .scalar(let string, let tag, let style, let mark):
      return .scalar(Node.Scalar(string, Tag(tag, .basic), Node.Scalar.Style(rawValue: style) ?? .any, mark))
    case .mapping(let pairs, let tag, let style, let mark):
      return .mapping(Node.Mapping(pairs.map { ($0.node, $1.node) }, Tag(tag, .basic), Node.Mapping.Style(rawValue: style) ?? .any, mark))
    case .sequence(let nodes, let tag, let style, let mark):
      return .sequence(Node.Sequence(nodes.map(\.node), Tag(tag, .basic), Node.Sequence.Style(rawValue: style) ?? .any, mark))
    case .alias(let anchor, let tag, let mark):
      return .alias(Node.Alias(Anchor(rawValue: anchor), Tag(tag, .basic), mark))
    }
  }
}
