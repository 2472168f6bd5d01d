import BriefScene
import CCairo

/// A PDF surface being written: its metadata, outline and the hooks every renderer drawing on it needs.
final class PDFTarget {
  /// The surface and the bytes it writes, which outlive it: the stream finishes the surface before releasing them.
  let stream: CairoStream
  var surface: CairoSurface { stream.surface }
  let context: CairoContext
  let options: OutputOptions
  let date: PDFDate

  init(firstPage size: Size, options: OutputOptions) throws {
    guard let date = options.date else {
      throw RenderError.invalidRequest("a PDF needs a date (SOURCE_DATE_EPOCH or the document's own date)")
    }
    self.date = date
    self.options = options
    stream = try CairoStream(operation: "creating a PDF surface") { write, closure in
      cairo_pdf_surface_create_for_stream(write, closure, size.width, size.height)
    }
    let surface = stream.surface
    if let meta = options.metadata { Self.setMetadata(meta, date: date, on: surface) }
    context = try CairoContext(surface: surface)
    var parents: [Int32] = [Int32(CAIRO_PDF_OUTLINE_ROOT)]
    for entry in options.outline {
      let level = max(1, min(entry.level, parents.count))
      parents = Array(parents.prefix(level))
      let id = cairo_pdf_surface_add_outline(
        surface.pointer, parents[level - 1], entry.title, "dest='\(CairoBackend.escape(entry.anchor))'", cairo_pdf_outline_flags_t(0))
      parents.append(id)
    }
  }

  /// The document's metadata; without `options.metadata`, the first page's.
  private static func setMetadata(_ meta: SceneMetadata, date: PDFDate, on surface: CairoSurface) {
    let entries: [(cairo_pdf_metadata_t, String)] = [
      (CAIRO_PDF_METADATA_TITLE, meta.title),
      (CAIRO_PDF_METADATA_AUTHOR, meta.author),
      (CAIRO_PDF_METADATA_SUBJECT, meta.subject.isEmpty ? meta.altText : meta.subject),
      (CAIRO_PDF_METADATA_KEYWORDS, meta.keywords.joined(separator: ", ")),
      (CAIRO_PDF_METADATA_CREATOR, "BriefKit"),
      (CAIRO_PDF_METADATA_CREATE_DATE, date.description),
      (CAIRO_PDF_METADATA_MOD_DATE, date.description),
    ]
    for (key, value) in entries where !value.isEmpty {
      cairo_pdf_surface_set_metadata(surface.pointer, key, value)
    }
  }

  /// A renderer drawing on this PDF with `text`'s layouts.
  func renderer(text: PangoTextEngine) -> CairoRenderer {
    var renderer = CairoRenderer(context: context, text: text, scale: 1)
    let surface = self.surface
    renderer.onBeginPage = { size in
      try CairoBackend.checkSize(size)
      cairo_pdf_surface_set_size(surface.pointer, size.width, size.height)
    }
    renderer.onEndPage = { ctx in cairo_show_page(ctx.pointer) }
    renderer.onLink = { rect, target, cr in
      // Cairo's link tags take the rectangle in the page's user space; targets are "#anchor" or a URI.
      let n = CairoBackend.number
      let area = "rect=[\(n(rect.x)) \(n(rect.y)) \(n(rect.width)) \(n(rect.height))]"
      let attributes = target.hasPrefix("#")
        ? "\(area) dest='\(CairoBackend.escape(String(target.dropFirst())))'" : "\(area) uri='\(CairoBackend.escape(target))'"
      cairo_tag_begin(cr, CAIRO_TAG_LINK, attributes)
      cairo_tag_end(cr, CAIRO_TAG_LINK)
    }
    renderer.onAnchor = { name, point, cr in
      cairo_tag_begin(cr, CAIRO_TAG_DEST, "name='\(CairoBackend.escape(name))' x=\(CairoBackend.number(point.x)) y=\(CairoBackend.number(point.y))")
      cairo_tag_end(cr, CAIRO_TAG_DEST)
    }
    return renderer
  }

  /// Draws page `index` (pages must come in order).
  func draw(_ scene: Scene, page index: Int, with renderer: inout CairoRenderer) throws {
    if index == 0 && options.metadata == nil { Self.setMetadata(scene.metadata, date: date, on: surface) }
    if index < options.pageLabels.count { cairo_pdf_surface_set_page_label(surface.pointer, options.pageLabels[index]) }
    try renderer.draw(scene)
  }

  /// Finishes the file: its bytes, with the cross-reference entries Cairo 1.16 leaves dangling freed.
  func finish() throws -> [UInt8] {
    try context.checkStatus("drawing the PDF")
    return PDFCrossReference.freeUnwrittenObjects(try stream.finish())
  }
}
