import CCairo

// The one file through which BriefCairo owns Cairo's objects: each pointer below has exactly one
// owner, a final class that destroys it in `deinit`. Pango's objects are owned by
// `PangoTextEngine` (the font map and context) and its `Layout`s; libdeflate's compressor by
// `PNGEncoder`.

/// Turns a Cairo status into a Swift error, or nothing on success.
func check(_ status: cairo_status_t, _ operation: String) throws {
  guard status == CAIRO_STATUS_SUCCESS else {
    throw RenderError.cairo(operation: operation, message: String(cString: cairo_status_to_string(status)))
  }
}

/// Owns a Cairo surface and destroys it when released.
final class CairoSurface {
  let pointer: OpaquePointer

  /// Takes ownership of `pointer` and checks that Cairo created it without error.
  init(_ pointer: OpaquePointer?, operation: String) throws {
    guard let pointer else { throw RenderError.cairo(operation: operation, message: "no surface") }
    self.pointer = pointer
    try check(cairo_surface_status(pointer), operation)
  }

  /// Finishes the surface, flushing everything to its output, and checks the status.
  ///
  /// The corresponding C function is `cairo_surface_finish`.
  func finish() throws {
    cairo_surface_finish(pointer)
    try check(cairo_surface_status(pointer), "finishing the surface")
  }

  deinit { cairo_surface_destroy(pointer) }
}

/// Owns a Cairo drawing context and destroys it when released.
final class CairoContext {
  let pointer: OpaquePointer

  init(surface: CairoSurface) throws {
    guard let cr = cairo_create(surface.pointer) else {
      throw RenderError.cairo(operation: "creating a context", message: "no context")
    }
    pointer = cr
    try check(cairo_status(cr), "creating a context")
  }

  /// Checks the context's sticky error status.
  func checkStatus(_ operation: String) throws {
    try check(cairo_status(pointer), operation)
  }

  deinit { cairo_destroy(pointer) }
}

/// A Cairo surface that writes to memory (PDF, SVG), with the bytes it has written.
///
/// The stream owns both the surface and the ``ByteSink`` Cairo writes to through an unretained
/// pointer; releasing the stream finishes the surface first, so Cairo never writes to a freed sink,
/// whether drawing finished or threw.
final class CairoStream {
  private let sink = ByteSink()
  let surface: CairoSurface

  /// Creates the surface with `create(write, closure)`, for example
  /// `cairo_pdf_surface_create_for_stream(write, closure, width, height)`.
  init(operation: String, _ create: (cairo_write_func_t, UnsafeMutableRawPointer) -> OpaquePointer?) throws {
    surface = try CairoSurface(create(ByteSink.write, sink.opaque), operation: operation)
  }

  /// Finishes the surface and returns every byte it wrote.
  func finish() throws -> [UInt8] {
    try surface.finish()
    return sink.bytes
  }

  deinit {
    // Stored properties are released after this body: the sink is still alive while Cairo
    // flushes a surface left unfinished (a page that failed to draw).
    cairo_surface_finish(surface.pointer)
  }
}

/// Collects the bytes a Cairo stream surface writes; owned by a ``CairoStream``.
final class ByteSink {
  var bytes: [UInt8] = []

  /// The C callback for `cairo_*_surface_create_for_stream`; `closure` is an unretained ByteSink.
  static let write: cairo_write_func_t = { closure, data, length in
    guard let closure else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    if let data, length > 0 {
      sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    }
    return CAIRO_STATUS_SUCCESS
  }

  var opaque: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }
}
