@testable import BriefCairo
import BriefRuntime
import BriefScene
import BriefTestSupport
import Foundation
import XCTest

final class CairoBackendTests: XCTestCase {
  let blue = Color(red: 0, green: 0x72 / 255.0, blue: 0xB2 / 255.0)
  let style = TextStyle(font: Font(families: ["Inter", "NanumGothic"], size: 14), color: .black)

  /// A 200×100 pt scene: a blue bar at (20, 30, 100×40) and a title.
  func barScene(title: String = "Workers abroad") -> Scene {
    Scene(
      size: Size(width: 200, height: 100), background: .white,
      primitives: [
        .group(role: "bar", [.rect(Rect(x: 20, y: 30, width: 100, height: 40), blue)]),
        .text(TextItem(title, at: Point(10, 5), style: style, vertical: .top)),
      ],
      metadata: SceneMetadata(title: "Test chart", author: "BriefKit tests", keywords: ["a", "b"], altText: "A bar.", sourceLine: "Source: test"))
  }

  func write(_ bytes: [UInt8], _ name: String) throws -> String {
    let dir = try scratchFolder()
    let path = dir + "/" + name
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    return path
  }

  func testPNGHasTheScaledSizeThePHYsChunkAndTheBarsColour() throws {
    let backend = try CairoBackend()
    let bytes = try backend.png(barScene(), options: OutputOptions(scale: 2))
    let png = try DecodedPNG(bytes)
    XCTAssertEqual(png.width, 400)
    XCTAssertEqual(png.height, 200)
    XCTAssertEqual(png.channels, 3, "an opaque background gives an RGB PNG")
    XCTAssertEqual(png.chunkTypes.first, "IHDR")
    XCTAssertTrue(png.chunkTypes.contains("pHYs"))
    let dpm = try XCTUnwrap(png.physical)
    XCTAssertEqual(dpm.unit, 1)
    XCTAssertEqual(Double(dpm.x) * 0.0254, 144, accuracy: 0.05, "72 × scale 2 = 144 DPI")
    // Inside the bar (pixels 40..240 × 60..140): its colour; outside: white.
    XCTAssertTrue(png.rgb(140, 100) == (0x00, 0x72, 0xB2))
    XCTAssertTrue(png.rgb(42, 62) == (0x00, 0x72, 0xB2))
    XCTAssertTrue(png.rgb(300, 100) == (255, 255, 255))
    XCTAssertTrue(png.rgb(140, 180) == (255, 255, 255))
    XCTAssertEqual(png.text["Title"], "Test chart")
    XCTAssertEqual(png.text["Description"], "A bar.")
    XCTAssertEqual(png.text["Source"], "Source: test")
  }

  func testTransparentBackgroundGivesStraightAlpha() throws {
    var scene = barScene()
    scene.background = nil
    scene.primitives = [.rect(Rect(x: 0, y: 0, width: 100, height: 100), Color(red: 1, green: 0, blue: 0, alpha: 0.5))]
    let png = try DecodedPNG(try CairoBackend().png(scene, options: OutputOptions(scale: 1)))
    XCTAssertEqual(png.channels, 4)
    let i = (50 * png.width + 50) * 4
    XCTAssertEqual(Array(png.pixels[i..<i + 4]), [255, 0, 0, 128])
    let j = (50 * png.width + 150) * 4
    XCTAssertEqual(png.pixels[j + 3], 0)
  }

  func testPDFHasRealTextEmbeddedFontsMetadataAndPassesQpdf() throws {
    let backend = try CairoBackend()
    let bytes = try backend.pdf([barScene(), barScene(title: "Second page")], options: OutputOptions(date: PDFDate(year: 2021, month: 2, day: 1)))
    let path = try write(bytes, "chart.pdf")
    let text = try Tools.run("pdftotext", [path, "-"])
    XCTAssertEqual(text.status, 0)
    XCTAssertTrue(text.stdout.contains("Workers abroad"))
    XCTAssertTrue(text.stdout.contains("Second page"))
    let qpdf = try Tools.run("qpdf", ["--check", path])
    XCTAssertEqual(qpdf.status, 0, qpdf.stdout + qpdf.stderr)
    let fonts = try Tools.run("pdffonts", [path])
    let rows = fonts.stdout.split(separator: "\n").dropFirst(2)
    XCTAssertFalse(rows.isEmpty)
    for row in rows {
      let cols = row.split(separator: " ", omittingEmptySubsequences: true)
      // Columns: name, type, encoding, emb, sub, uni, object, generation; counted from the end.
      XCTAssertEqual(cols[cols.count - 5], "yes", "font not embedded: \(row)")
      XCTAssertEqual(cols[cols.count - 4], "yes", "font not subset: \(row)")
    }
    let info = try Tools.run("pdfinfo", ["-isodates", path])
    XCTAssertTrue(info.stdout.contains("Title:           Test chart"), info.stdout)
    XCTAssertTrue(info.stdout.contains("Author:          BriefKit tests"))
    XCTAssertTrue(info.stdout.contains("Keywords:        a, b"))
    XCTAssertTrue(info.stdout.contains("CreationDate:    2021-02-01T00:00:00Z"), info.stdout)
    XCTAssertTrue(info.stdout.contains("Pages:           2"))
  }

  func testPDFWithoutADateIsRefused() throws {
    XCTAssertThrowsError(try CairoBackend().pdf([barScene()], options: OutputOptions()))
  }

  func testSameSceneGivesIdenticalBytesInEveryFormat() throws {
    let a = try CairoBackend(), b = try CairoBackend()
    let date = PDFDate(year: 2024, month: 7, day: 24)
    for format in OutputFormat.allCases {
      let first = try a.render([barScene()], format: format, options: OutputOptions(date: date, scale: 2))
      let second = try b.render([barScene()], format: format, options: OutputOptions(date: date, scale: 2))
      XCTAssertEqual(first, second, "\(format) differs between two renders")
    }
  }

  func testSVGDoesNotDependOnWhatWasRenderedBefore() throws {
    let backend = try CairoBackend()
    let alone = try backend.svg(barScene())
    _ = try backend.svg(barScene(title: "Something else entirely, 신의주"))
    _ = try CairoBackend().svg(barScene(title: "Another process-wide counter bump"))
    let after = try backend.svg(barScene())
    XCTAssertEqual(String(decoding: alone, as: UTF8.self), String(decoding: after, as: UTF8.self))
    XCTAssertTrue(String(decoding: alone, as: UTF8.self).contains("id=\"glyph0-"))
  }

  func testHangulRendersWithAFallbackFont() throws {
    let backend = try CairoBackend()
    let m = try backend.text.measure("신의주", style: style, maxWidth: nil)
    XCTAssertGreaterThan(m.width, 20)
    let png = try DecodedPNG(try backend.png(barScene(title: "신의주 Sinuiju"), options: OutputOptions(scale: 2)))
    // Some dark text pixels in the title row.
    var dark = 0
    for x in 20..<120 { for y in 12..<40 where png.rgb(x, y).0 < 100 { dark += 1 } }
    XCTAssertGreaterThan(dark, 50)
  }

  func testCombiningAndRightToLeftTextLayOut() throws {
    let engine = try PangoTextEngine()
    // A combining accent shapes onto its letter: the same width as the precomposed letter.
    let composed = try engine.measure("caf\u{E9}", style: style, maxWidth: nil)
    let combining = try engine.measure("cafe\u{301}", style: style, maxWidth: nil)
    XCTAssertEqual(combining.width, composed.width, accuracy: 0.5)
    // Hebrew and Arabic come from a fallback font; mixed with Latin they stay on one line and draw.
    let mixed = try engine.measure("Sinuiju שלום مرحبا", style: style, maxWidth: nil)
    XCTAssertEqual(mixed.lineCount, 1)
    XCTAssertGreaterThan(mixed.width, try engine.measure("Sinuiju", style: style, maxWidth: nil).width * 1.5)
    let png = try DecodedPNG(try CairoBackend().png(barScene(title: "שלום مرحبا"), options: OutputOptions(scale: 2)))
    var dark = 0
    for x in 20..<200 { for y in 12..<40 where png.rgb(x, y).0 < 100 { dark += 1 } }
    XCTAssertGreaterThan(dark, 50)
  }

  func testACharacterNoFontHasIsAnErrorNamingTheText() throws {
    let backend = try CairoBackend()
    XCTAssertThrowsError(try backend.png(barScene(title: "Label 𓀀"), options: OutputOptions())) { error in
      XCTAssertEqual("\(error)", "no installed font can draw 1 character of the text \"Label 𓀀\" (U+13000)")
    }
  }

  func testEveryFontFamilyOfAListMustBeInstalledAsFontconfigSpellsIt() throws {
    let engine = try PangoTextEngine()
    func families(_ names: [String], spans: [TextSpan] = []) -> String {
      var style = self.style
      style.font.families = names
      do {
        _ = try engine.measure("Workers 2024", style: style, spans: spans, maxWidth: nil)
        return "ok"
      } catch RenderError.unknownFontFamily(let family, let substitute, let installed) {
        XCTAssertTrue(installed.contains("Inter") && installed.contains("NanumGothic") && installed.contains("DejaVu Sans"), "\(installed)")
        XCTAssertFalse(installed.contains { ["Sans", "Serif", "Monospace", "System-ui"].contains($0) }, "generic names are not families: \(installed)")
        XCTAssertEqual(installed, installed.sorted { $0.lowercased() < $1.lowercased() })
        return "\(family) drawn in \(substitute ?? "nothing")"
      } catch {
        return "\(error)"
      }
    }
    XCTAssertEqual(families(["Inter", "NanumGothic"]), "ok")
    XCTAssertEqual(families(["inter", "Nanum Gothic", "DejaVuSans"]), "ok", "case and spaces do not count, as for fontconfig")
    XCTAssertEqual(families(["나눔고딕"]), "ok", "a font's other family names count")
    XCTAssertEqual(families(["NoSuchFont"]), "NoSuchFont drawn in DejaVu Sans")
    XCTAssertEqual(families(["Inter", "NoSuchFallback"]), "NoSuchFallback drawn in DejaVu Sans", "fallbacks must be installed too")
    XCTAssertEqual(families(["sans-serif"]), "sans-serif drawn in DejaVu Sans", "a generic name is no family")
    XCTAssertEqual(families(["NoSuchFont"]), "NoSuchFont drawn in DejaVu Sans", "asked again, still an error")
    XCTAssertEqual(families(["Inter"], spans: [TextSpan(start: 0, end: 7, monospace: true)]), "ok")
  }

  func testMeasurementMatchesAcrossCallsAndWrapsToWidth() throws {
    let engine = try PangoTextEngine()
    let one = try engine.measure("Dispatched workers to Russia", style: style, maxWidth: nil)
    XCTAssertEqual(one.lineCount, 1)
    let wrapped = try engine.measure("Dispatched workers to Russia", style: style, maxWidth: one.width / 2)
    XCTAssertGreaterThan(wrapped.lineCount, 1)
    XCTAssertLessThanOrEqual(wrapped.width, one.width / 2 + 0.01)
    XCTAssertEqual(try PangoTextEngine().measure("Dispatched workers to Russia", style: style, maxWidth: nil), one)
    // Text is never markup: "<b>&" measures as five literal characters.
    let literal = try engine.measure("<b>&", style: style, maxWidth: nil)
    XCTAssertGreaterThan(literal.width, try engine.measure("b", style: style, maxWidth: nil).width * 3)
  }

  func testOversizedAndInvalidCanvasesAreRefused() throws {
    let backend = try CairoBackend()
    var scene = barScene()
    XCTAssertThrowsError(try backend.png(scene, options: OutputOptions(scale: .nan)))
    XCTAssertThrowsError(try backend.png(scene, options: OutputOptions(scale: 2, maxPixels: 1000)))
    scene.size = Size(width: .infinity, height: 10)
    XCTAssertThrowsError(try backend.svg(scene))
    scene.size = Size(width: 0, height: 10)
    XCTAssertThrowsError(try backend.pdf([scene], options: OutputOptions(date: .unknown)))
  }

  func testPNGEncoderKeepsEveryByteOfRGBAndRGBAPixels() throws {
    var seed: UInt32 = 12345
    func next() -> UInt8 {
      seed = seed &* 1_103_515_245 &+ 12345
      return UInt8(truncatingIfNeeded: seed >> 16)
    }
    for channels in [PNGEncoder.Channels.rgb, .rgba] {
      let (w, h) = (37, 23)
      // Noise, flat runs and repeated rows, so deflate's literals and matches are all exercised.
      var pixels: [UInt8] = []
      for y in 0..<h {
        for x in 0..<w * channels.rawValue { pixels.append(y % 3 == 2 ? pixels[pixels.count - w * channels.rawValue] : x < 40 ? 200 : next()) }
      }
      let png = try DecodedPNG(try PNGEncoder().encode(pixels: pixels, width: w, height: h, channels: channels, dpi: 144))
      XCTAssertEqual(png.channels, channels.rawValue)
      XCTAssertEqual(png.pixels, pixels, "\(channels)")
    }
    // Pure noise over several of deflate's 64 KiB blocks: incompressible data must still fit the
    // encoder's output buffer and come back whole.
    let (w, h) = (301, 257)
    let noise = (0..<w * h * 4).map { _ in next() }
    let decoded = try DecodedPNG(try PNGEncoder().encode(pixels: noise, width: w, height: h, channels: .rgba, dpi: 72))
    XCTAssertEqual(decoded.pixels, noise)
    XCTAssertThrowsError(try PNGEncoder().encode(pixels: [1, 2], width: 1, height: 1, channels: .rgb, dpi: 72))
  }

  /// Drawing that throws half-way leaves the surface unfinished; it is finished while the bytes it
  /// writes to are still alive (the stream owns both), and the backend goes on working.
  func testAnSVGOrPDFWhoseDrawingThrowsReleasesItsSurfaceSafely() throws {
    let backend = try CairoBackend()
    var broken = barScene()
    broken.append(.text(TextItem("\u{13000}\u{13001}", at: Point(10, 60), style: style)))
    for _ in 0..<20 {
      XCTAssertThrowsError(try backend.svg(broken)) { XCTAssertTrue("\($0)".contains("no installed font"), "\($0)") }
      XCTAssertThrowsError(try backend.pdf([barScene(), broken], options: OutputOptions(date: PDFDate(year: 2025, month: 1, day: 1))))
    }
    XCTAssertTrue(String(decoding: try backend.svg(barScene()), as: UTF8.self).contains("<svg"))
  }

  func testImagesDrawnOnSeveralThreadsEachWithItsOwnBackendAreTheBytesOfOneBackend() throws {
    let backend = try CairoBackend()
    let scenes = (0..<5).map { barScene(title: "Chart \($0)") }
    for jobs in [1, 2, 3] {
      let pngs = try Parallel.map(scenes, jobs: jobs, worker: { try CairoBackend() }) { scene, backend in
        try backend.png(scene, options: OutputOptions(scale: 2))
      }
      XCTAssertEqual(pngs.count, scenes.count)
      for (scene, bytes) in zip(scenes, pngs) {
        XCTAssertEqual(bytes, try backend.png(scene, options: OutputOptions(scale: 2)), "jobs \(jobs)")
      }
      XCTAssertTrue(try DecodedPNG(pngs[0]).rgb(140, 100) == (0x00, 0x72, 0xB2))
    }
  }

  func testOpaqueImagesConvertInPlaceWithEveryPixelKept() throws {
    // Stripes of 1 pt in 61 colours across the whole width and down the whole height: a conversion
    // that overwrote pixels before reading them would change some stripe.
    let (w, h) = (61.0, 37.0)
    func colour(_ i: Int) -> Color { Color(red: Double(i * 4) / 255, green: Double(255 - i * 3) / 255, blue: Double((i * 37) % 256) / 255) }
    let stripes = (0..<Int(w)).map { Primitive.rect(Rect(x: Double($0), y: 0, width: 1, height: h), colour($0)) }
    let scene = Scene(size: Size(width: w, height: h), background: .white, primitives: stripes)
    let backend = try CairoBackend()
    let image = try backend.raster(scene, options: OutputOptions(scale: 1))
    let png = try DecodedPNG(try image.encodePNG())
    XCTAssertEqual(png.channels, 3)
    for y in [0, 1, 18, 36] {
      for x in 0..<Int(w) {
        let c = colour(x)
        XCTAssertTrue(png.rgb(x, y) == (UInt8(c.red * 255), UInt8(c.green * 255), UInt8(c.blue * 255)), "pixel \(x), \(y): \(png.rgb(x, y))")
      }
    }
    XCTAssertEqual(try image.encodePNG(), try image.encodePNG(), "the scanlines are made once, when drawing; encoding only reads them")
  }

  /// A tall scene, drawn in strips when threads allow: hairline bars at fractional rows, labels
  /// (some across strip edges, one in Hangul), a mitred zigzag, thin stroked curves and lines down
  /// the whole height, short random strokes, a scaled group and a clip.
  func tallScene(background: Color?, size: Size = Size(width: 1_000, height: 4_200)) -> Scene {
    var prims: [Primitive] = []
    for i in 0..<Int((size.height - 60) / 2.07) {
      let y = 30 + Double(i) * 2.07
      prims.append(.rect(Rect(x: 120, y: y, width: 200 + Double((i * 37) % 600), height: 1.3), i % 7 == 0 ? Color(red: 0.8, green: 0.3, blue: 0.1, alpha: 0.5) : blue))
      if i % 40 == 0 {
        prims.append(.text(TextItem(i == 400 ? "신의주 \(i)" : "Row \(i)", at: Point(110, y), style: style, horizontal: .end, vertical: .middle)))
      }
    }
    var zigzag = Path()
    zigzag.move(to: Point(900, 10))
    for k in 1..<Int(size.height / 100) { zigzag.line(to: Point(k % 2 == 0 ? 900 : 960, 10 + Double(k) * 100)) }
    prims.append(.stroke(zigzag, StrokeStyle(color: .black, width: 3, join: .miter)))
    var wave = Path(), thin = Path()
    wave.move(to: Point(850, 0))
    thin.move(to: Point(700, 0))
    for k in 1..<Int(size.height / 37) {
      let y = Double(k) * 37
      wave.curve(to: Point(850, y), control1: Point(830 + Double(k % 5) * 9.3, y - 25.1), control2: Point(870 - Double(k % 3) * 7.7, y - 11.9))
      thin.line(to: Point(700 + Double(k % 4) * 13.37, y))
    }
    prims.append(.stroke(wave, StrokeStyle(color: .black, width: 0.6, join: .round)))
    // Short random strokes all over: Cairo tessellates strokes against the surface's edges, which
    // a strip must not show (with strips drawn edge to edge, a few of these came out a level apart).
    var seed: UInt32 = 7
    func next(_ n: UInt32) -> Double {
      seed = seed &* 1_103_515_245 &+ 12_345
      return Double((seed >> 8) % n)
    }
    for _ in 0..<1_500 {
      let x = 400 + next(60_000) / 113, y = next(UInt32(size.height) * 137) / 137
      var p = Path()
      p.move(to: Point(x, y))
      p.line(to: Point(x + next(1_000) / 17, y + next(1_000) / 19))
      p.curve(to: Point(x + next(100) / 3, y + next(100) / 7), control1: Point(x + 3.3, y + 40.1), control2: Point(x - 20.7, y + 13.9))
      prims.append(.stroke(p, StrokeStyle(color: Color(red: next(256) / 255, green: next(256) / 255, blue: next(256) / 255, alpha: 0.7), width: next(100) / 31)))
    }
    prims.append(.stroke(thin, StrokeStyle(color: blue, width: 0.35, join: .miter)))
    prims.append(
      .transform(offset: Point(500, size.height / 2), scale: 2, [
        .fill(.circle(center: Point(50, 50), radius: 40), blue),
        .text(TextItem("Scaled label", at: Point(10, 100), style: style, vertical: .top)),
      ]))
    prims.append(.clip(.rect(Rect(x: 0, y: 1_500, width: 1_000, height: 101)), [.rect(Rect(x: 0, y: 1_450, width: 1_000, height: 300), .black)]))
    return Scene(size: size, background: background, primitives: prims)
  }

  func testALargeImageIsDrawnWholeAndDecodes() throws {
    let png = try DecodedPNG(try CairoBackend().png(tallScene(background: .white), options: OutputOptions(scale: 1)))
    XCTAssertEqual(png.width, 1_000)
    XCTAssertEqual(png.height, 4_200)
    XCTAssertTrue(png.rgb(980, 1_550) == (0, 0, 0), "the clipped rectangle, right of the bars")
    XCTAssertTrue(png.rgb(980, 1_700) == (255, 255, 255), "nothing outside the clip")
  }

  /// The compressed bytes depend on the pixels alone, not on where they sit in memory: the same
  /// scanlines at 64 different addresses (and alignments) compress to one stream.
  func testThePNGStreamDoesNotDependOnWhereThePixelsSit() throws {
    let scene = tallScene(background: .white, size: Size(width: 600, height: 900))
    let image = try CairoBackend().raster(scene, options: OutputOptions(scale: 1))
    let reference = try image.encodePNG()
    let pixels = try DecodedPNG(reference).pixels
    let line = 600 * 3 + 1
    var scanlines: [UInt8] = []
    for y in 0..<900 { scanlines += [0] + pixels[y * 600 * 3..<(y + 1) * 600 * 3] }
    XCTAssertEqual(scanlines.count, line * 900)
    var seen = Set<[UInt8]>()
    for shift in 0..<64 {
      let placed = [UInt8](repeating: 0xA5, count: shift) + scanlines
      let stream = try placed.withUnsafeBytes { try PNGEncoder.zlib(UnsafeRawBufferPointer(rebasing: $0[shift...])) }
      seen.insert(stream)
    }
    XCTAssertEqual(seen.count, 1, "one stream for one input")
  }


  func testPagesBuiltOnSeveralThreadsMakeTheSamePDFForAnyJobs() throws {
    let options = OutputOptions(date: PDFDate(year: 2025, month: 1, day: 2), pageLabels: ["a", "b", "c", "d", "e"])
    var files: [[UInt8]] = []
    let style = self.style
    let pages = (1...5).map { barScene(title: "Page \($0)") }
    for jobs in [1, 2, 4] {
      // Each page built with the text engine of its thread, as a chart book's pages are compiled.
      let scenes = try Parallel.map(Array(1...5), jobs: jobs, worker: { try PangoTextEngine() }) { k, engine in
        _ = try engine.measure("Page \(k)", style: style, maxWidth: nil)
        return pages[k - 1]
      }
      files.append(try CairoBackend().pdf(scenes, options: options))
    }
    XCTAssertEqual(files[1], files[0])
    XCTAssertEqual(files[2], files[0])
    let path = try write(files[0], "pages.pdf")
    XCTAssertEqual(try Tools.run("qpdf", ["--check", path]).status, 0)
    let text = try Tools.run("pdftotext", [path, "-"]).stdout
    XCTAssertEqual(text.components(separatedBy: "Page ").count - 1, 5)
    let first = try XCTUnwrap(text.range(of: "Page 1")), last = try XCTUnwrap(text.range(of: "Page 5"))
    XCTAssertTrue(first.lowerBound < last.lowerBound, "pages keep their order")
  }

  func testAPDFAsksForEachPageInOrderJustBeforeDrawingItAndStopsAtTheFirstError() throws {
    let backend = try CairoBackend()
    let options = OutputOptions(date: PDFDate(year: 2025, month: 1, day: 1))
    let scenes = (1...4).map { barScene(title: "Page \($0)") }
    var asked: [Int] = []
    let streamed = try backend.pdf(pageCount: 4, options: options) { k in
      asked.append(k)
      return scenes[k]
    }
    XCTAssertEqual(asked, [0, 1, 2, 3])
    XCTAssertEqual(streamed, try CairoBackend().pdf(scenes, options: options))
    struct Failed: Error, Equatable { var page: Int }
    asked = []
    XCTAssertThrowsError(
      try backend.pdf(pageCount: 4, options: options) { k in
        asked.append(k)
        if k == 2 { throw Failed(page: 2) }
        return scenes[k]
      }
    ) { XCTAssertEqual($0 as? Failed, Failed(page: 2)) }
    XCTAssertEqual(asked, [0, 1, 2])
    XCTAssertThrowsError(try backend.pdf(pageCount: 0, options: options) { scenes[$0] })
  }

  func testAPageThatIsTooLargeStopsThePDF() throws {
    var scenes = (1...3).map { barScene(title: "Page \($0)") }
    scenes[1].size = Size(width: 20_000, height: 100)
    XCTAssertThrowsError(try CairoBackend().pdf(scenes, options: OutputOptions(date: PDFDate(year: 2025, month: 1, day: 1)))) {
      XCTAssertTrue("\($0)".contains("out of range"), "\($0)")
    }
  }
}
