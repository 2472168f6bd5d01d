import BriefScene

/// Options for one output.
public struct OutputOptions: Sendable {
  /// Document metadata; for PDFs the first scene's metadata is used when this is nil.
  public var metadata: SceneMetadata?
  /// The PDF creation and modification date. Required for PDFs: never the clock.
  public var date: PDFDate?
  /// PNG pixels per point: a 400×300 pt scene at scale 2 is 800×600 px at 144 DPI.
  public var scale: Double
  /// The largest PNG the backend will allocate, in pixels.
  public var maxPixels: Int
  /// PDF bookmarks, in reading order; each names an anchor placed in a scene.
  public var outline: [OutlineEntry]
  /// PDF page labels, one per page ("i", "1", "A-1"); none when empty.
  public var pageLabels: [String]

  public init(
    metadata: SceneMetadata? = nil, date: PDFDate? = nil, scale: Double = 1, maxPixels: Int = 100_000_000,
    outline: [OutlineEntry] = [], pageLabels: [String] = []
  ) {
    self.metadata = metadata
    self.date = date
    self.scale = scale
    self.maxPixels = maxPixels
    self.outline = outline
    self.pageLabels = pageLabels
  }
}
