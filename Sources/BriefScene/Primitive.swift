/// One drawing instruction of a scene.
public indirect enum Primitive: Equatable, Hashable, Sendable {
  /// Fills the path's interior (non-zero winding).
  case fill(Path, Color)
  /// Strokes the path's outline.
  case stroke(Path, StrokeStyle)
  /// Draws a text block.
  case text(TextItem)
  /// Draws the children clipped to the path.
  case clip(Path, [Primitive])
  /// Draws the children in order; `role` names what they are ("bar", "axis", ...)
  /// so tests and accessibility tags can find them.
  case group(role: String, [Primitive])
  /// Draws the children moved by `offset` and scaled by `scale` (a chart placed on a page).
  case transform(offset: Point, scale: Double, [Primitive])
  /// Marks a rectangle as a link to a named destination in the same document (`#note-3`)
  /// or to a URI. Draws nothing itself.
  case link(Rect, target: String)
  /// Names a point of the page as a destination for links and outline entries.
  case anchor(name: String, at: Point)
}

extension Primitive {
  /// A filled rectangle.
  public static func rect(_ r: Rect, _ color: Color) -> Primitive {
    .fill(.rect(r), color)
  }

  /// A stroked straight segment.
  public static func line(from a: Point, to b: Point, _ style: StrokeStyle) -> Primitive {
    .stroke(.line(from: a, to: b), style)
  }

  /// The primitive and every primitive nested in it, depth first.
  public var flattened: [Primitive] {
    switch self {
    case .clip(_, let children), .group(_, let children), .transform(_, _, let children):
      return [self] + children.flatMap(\.flattened)
    default:
      return [self]
    }
  }
}
