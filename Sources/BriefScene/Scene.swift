/// Document-level information that renderers write into their files.
public struct SceneMetadata: Equatable, Hashable, Sendable {
  public var title: String
  public var author: String
  public var subject: String
  public var keywords: [String]
  /// A description of the picture for readers who cannot see it.
  public var altText: String
  /// The sources of the figures shown, one line.
  public var sourceLine: String

  public init(
    title: String = "", author: String = "", subject: String = "", keywords: [String] = [],
    altText: String = "", sourceLine: String = ""
  ) {
    self.title = title
    self.author = author
    self.subject = subject
    self.keywords = keywords
    self.altText = altText
    self.sourceLine = sourceLine
  }
}

/// A page of drawing: plain data, independent of any backend.
///
/// A scene is Equatable and prints as text, so chart and document layout are
/// tested without pixels:
///
/// ```swift
/// var scene = Scene(size: Size(width: 400, height: 300), background: .white)
/// scene.append(.rect(Rect(x: 10, y: 10, width: 50, height: 20), .black))
/// print(scene)   // scene 400x300 background #ffffff
///                //   fill M10,10 L60,10 L60,30 L10,30 Z #000000
/// ```
public struct Scene: Equatable, Hashable, Sendable {
  /// The page size in points.
  public var size: Size
  public var background: Color?
  public var primitives: [Primitive]
  public var metadata: SceneMetadata

  public init(size: Size, background: Color? = nil, primitives: [Primitive] = [], metadata: SceneMetadata = SceneMetadata()) {
    self.size = size
    self.background = background
    self.primitives = primitives
    self.metadata = metadata
  }

  public mutating func append(_ p: Primitive) { primitives.append(p) }
  public mutating func append(contentsOf ps: [Primitive]) { primitives.append(contentsOf: ps) }

  /// Every primitive, nested ones included, depth first.
  public var allPrimitives: [Primitive] { primitives.flatMap(\.flattened) }

  /// Every text item in drawing order.
  public var texts: [TextItem] {
    allPrimitives.compactMap { if case .text(let t) = $0 { return t } else { return nil } }
  }

  /// The children of every group with the given role, in drawing order.
  public func groups(role: String) -> [[Primitive]] {
    allPrimitives.compactMap {
      if case .group(let r, let children) = $0, r == role { return children } else { return nil }
    }
  }
}
