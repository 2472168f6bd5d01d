/// A drawing backend: draws the few primitives every scene is made of.
///
/// Rectangles, lines and markers are paths; composite marks are built from
/// them by the chart layer, so a backend implements only these calls.
public protocol Renderer {
  /// Starts a page of the given size in points.
  mutating func beginPage(size: Size, background: Color?) throws
  mutating func fill(_ path: Path, color: Color) throws
  mutating func stroke(_ path: Path, style: StrokeStyle) throws
  mutating func drawText(_ item: TextItem) throws
  /// Restricts drawing to the path until the matching `popClip`.
  mutating func pushClip(_ path: Path) throws
  mutating func popClip() throws
  /// Marks the start and end of a group of primitives with a role.
  mutating func beginGroup(role: String) throws
  mutating func endGroup(role: String) throws
  /// Moves and scales what follows until the matching `popTransform`.
  mutating func pushTransform(offset: Point, scale: Double) throws
  mutating func popTransform() throws
  /// A link area and a named destination; backends without links ignore them.
  mutating func link(_ rect: Rect, target: String) throws
  mutating func anchor(_ name: String, at point: Point) throws
  mutating func endPage() throws
}

extension Renderer {
  public mutating func beginGroup(role: String) throws {}
  public mutating func endGroup(role: String) throws {}
  public mutating func link(_ rect: Rect, target: String) throws {}
  public mutating func anchor(_ name: String, at point: Point) throws {}

  /// Draws a whole scene as one page.
  public mutating func draw(_ scene: Scene) throws {
    try beginPage(size: scene.size, background: scene.background)
    for p in scene.primitives { try draw(p) }
    try endPage()
  }

  /// Draws one primitive and its children.
  public mutating func draw(_ primitive: Primitive) throws {
    switch primitive {
    case .fill(let path, let color):
      try fill(path, color: color)
    case .stroke(let path, let style):
      try stroke(path, style: style)
    case .text(let item):
      try drawText(item)
    case .clip(let path, let children):
      try pushClip(path)
      for c in children { try draw(c) }
      try popClip()
    case .group(let role, let children):
      try beginGroup(role: role)
      for c in children { try draw(c) }
      try endGroup(role: role)
    case .transform(let offset, let scale, let children):
      try pushTransform(offset: offset, scale: scale)
      for c in children { try draw(c) }
      try popTransform()
    case .link(let rect, let target):
      try link(rect, target: target)
    case .anchor(let name, let point):
      try anchor(name, at: point)
    }
  }
}
