/// One step of a path outline.
public enum PathElement: Equatable, Hashable, Sendable {
  case move(Point)
  case line(Point)
  case curve(Point, Point, Point)
  case close
}

/// A vector outline made of straight and cubic Bézier segments.
///
/// Rectangles, lines, polygons and circles are built on the same few elements,
/// so a renderer only has to draw these four.
public struct Path: Equatable, Hashable, Sendable {
  public private(set) var elements: [PathElement]

  public init(_ elements: [PathElement] = []) {
    self.elements = elements
  }

  public var isEmpty: Bool { elements.isEmpty }

  public mutating func move(to p: Point) { elements.append(.move(p)) }
  public mutating func line(to p: Point) { elements.append(.line(p)) }
  public mutating func curve(to p: Point, control1: Point, control2: Point) {
    elements.append(.curve(control1, control2, p))
  }
  public mutating func close() { elements.append(.close) }

  /// A closed rectangle.
  public static func rect(_ r: Rect) -> Path {
    Path([
      .move(Point(r.minX, r.minY)), .line(Point(r.maxX, r.minY)),
      .line(Point(r.maxX, r.maxY)), .line(Point(r.minX, r.maxY)), .close,
    ])
  }

  /// A straight segment.
  public static func line(from a: Point, to b: Point) -> Path {
    Path([.move(a), .line(b)])
  }

  /// An open or closed polyline through the points.
  public static func polyline(_ points: [Point], closed: Bool = false) -> Path {
    guard let first = points.first else { return Path() }
    var elements: [PathElement] = []
    elements.reserveCapacity(points.count + 1)
    elements.append(.move(first))
    for p in points.dropFirst() { elements.append(.line(p)) }
    if closed { elements.append(.close) }
    return Path(elements)
  }

  /// A circle drawn as four cubic Béziers.
  public static func circle(center c: Point, radius r: Double) -> Path {
    let k = 0.552_284_749_831 * r
    return Path([
      .move(Point(c.x + r, c.y)),
      .curve(Point(c.x + r, c.y + k), Point(c.x + k, c.y + r), Point(c.x, c.y + r)),
      .curve(Point(c.x - k, c.y + r), Point(c.x - r, c.y + k), Point(c.x - r, c.y)),
      .curve(Point(c.x - r, c.y - k), Point(c.x - k, c.y - r), Point(c.x, c.y - r)),
      .curve(Point(c.x + k, c.y - r), Point(c.x + r, c.y - k), Point(c.x + r, c.y)),
      .close,
    ])
  }

  /// The smallest rectangle containing every point of the path (control points included).
  public var bounds: Rect? {
    var minX = Double.infinity, minY = Double.infinity
    var maxX = -Double.infinity, maxY = -Double.infinity
    func add(_ p: Point) {
      minX = Swift.min(minX, p.x); maxX = Swift.max(maxX, p.x)
      minY = Swift.min(minY, p.y); maxY = Swift.max(maxY, p.y)
    }
    for e in elements {
      switch e {
      case .move(let p), .line(let p): add(p)
      case .curve(let a, let b, let c): add(a); add(b); add(c)
      case .close: break
      }
    }
    guard minX <= maxX, minY <= maxY else { return nil }
    return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
  }
}
