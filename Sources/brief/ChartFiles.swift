import BriefCairo
import BriefCharts
import Dispatch
import Foundation

/// The chart files of a brief: each placed chart compiled in the brief's style at its own size and
/// rendered as PNG and SVG, on a thread of its own with a text engine of its own, while the brief
/// is laid out and drawn. With one job, nothing runs until ``wait()``, which then does it all.
final class ChartFiles: @unchecked Sendable {
  private let specs: [ChartSpec]
  private let compiler: ChartCompiler
  private let style: ChartStyle
  private let formats: [OutputFormat]
  private let output: String
  private let options: OutputOptions
  private let jobs: Int
  private let group = DispatchGroup()
  private var result: Result<(files: [(String, [UInt8])], fonts: Set<String>), Error>?

  init(specs: [ChartSpec], compiler: ChartCompiler, style: ChartStyle, formats: [OutputFormat], output: String, options: OutputOptions, jobs: Int) {
    (self.specs, self.compiler, self.style, self.formats, self.output, self.options, self.jobs) = (specs, compiler, style, formats, output, options, jobs)
    guard jobs > 1, !specs.isEmpty, !formats.isEmpty else { return }
    DispatchQueue.global().async(group: group) { [self] in result = Result { try render() } }
  }

  /// The files, each chart's PNG before its SVG, and the font files used; the first error otherwise.
  func wait() throws -> (files: [(String, [UInt8])], fonts: Set<String>) {
    group.wait()
    if result == nil { result = Result { try render() } }
    return try result?.get() ?? ([], [])
  }

  private func render() throws -> (files: [(String, [UInt8])], fonts: Set<String>) {
    guard !specs.isEmpty, !formats.isEmpty else { return ([], []) }
    let backend = try CairoBackend()
    // This thread draws; PNG encoding, most of a chart's cost, goes to the other jobs when there are more than two.
    let encoding = BackgroundWork<[UInt8]>(jobs: jobs - 1)
    var svgs: [[UInt8]?] = []
    do {
      for spec in specs {
        let scene = try compiler.scene(spec, style: style, measurer: backend.text)
        if formats.contains(.png) {
          let image = try backend.raster(scene, options: options)
          encoding.submit { try image.encodePNG() }
        }
        svgs.append(formats.contains(.svg) ? try backend.svg(scene) : nil)
      }
    } catch {
      _ = try? encoding.wait()  // encodings already started finish before the error is reported
      throw error
    }
    var pngs = try encoding.wait().makeIterator()
    var files: [(String, [UInt8])] = []
    for (spec, svg) in zip(specs, svgs) {
      if formats.contains(.png), let png = pngs.next() { files.append(("\(output)/\(spec.id).png", png)) }
      if let svg { files.append(("\(output)/\(spec.id).svg", svg)) }
    }
    return (files, backend.text.fontFiles)
  }
}
