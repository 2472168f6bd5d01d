import ArgumentParser
import BriefCairo
import BriefCharts
import BriefModel
import BriefRuntime
import BriefScene
import Foundation

/// `brief chart`: renders charts from chart specs to PDF, PNG and SVG.
struct ChartCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "chart",
    abstract: "Render charts from chart specs to PDF, PNG and SVG.",
    discussion: """
      CHART is a chart id from the specs file (default seeds/charts.yaml), or the path of a \
      spec file of its own (ending in .yaml). With --all, every chart of the specs file is \
      rendered. OUTPUT is a folder (charts are written as ID.pdf, ID.png, ID.svg) or, for one \
      chart, a file whose extension chooses the format; for several charts, a .pdf file gets \
      one page per chart, labelled with its id. PNG files are SIZE × SCALE pixels with \
      the DPI (72 × SCALE) recorded. PDF dates come from SOURCE_DATE_EPOCH, else the spec's \
      date, else the newest source the chart cites; never the clock.
      """
  )

  @Argument(help: "A chart id, or a spec file ending in .yaml.")
  var chart: String?

  @Flag(help: "Render every chart of the specs file.")
  var all = false

  @Option(name: .shortAndLong, help: "The output folder, or for one chart a .pdf, .png or .svg file.")
  var output = "output"

  @Option(help: "The chart specs file.")
  var specs = "seeds/charts.yaml"

  @OptionGroup var common: CommonOptions

  @OptionGroup var render: RenderOptions

  @Option(help: "The chart size in points, WIDTHxHEIGHT (default: the spec's, else the style's).")
  var size: String?

  func validate() throws {
    guard all != (chart != nil) else {
      throw ValidationError(all ? "give either a chart or --all, not both" : "give a chart id or spec file, or --all")
    }
    if let size, ChartSpecLoader.parseSize(size) == nil {
      throw ValidationError("--size must be WIDTHxHEIGHT in points from 1 to 14400, e.g. 640x400; found \(size)")
    }
    if let format = OutputFormat(path: output), format != .pdf, all {
      throw ValidationError("--all writes several charts: give a folder, or a .pdf file for one page per chart, to --output, not \(output)")
    }
    if output.hasSuffix(".gif") || output.hasSuffix(".jpg") || output.hasSuffix(".jpeg") {
      throw ValidationError("the output file must end in .pdf, .png or .svg: \(output)")
    }
  }

  func run() throws {
    let epoch = try Environment.sourceDateEpoch()
    try Failure.report {
      let standalone = chart.map { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") } ?? false
      let specFile = standalone ? (chart ?? specs) : specs
      var record = BuildRecord()
      record.primary = specFile
      record.read([specFile])
      let loaded = try ChartSpecLoader.load(yaml: try InputFile.text(specFile), file: specFile)
      let chosen: [ChartSpec]
      if all || standalone {
        chosen = loaded
      } else {
        let id = chart ?? ""
        guard let spec = loaded.first(where: { $0.id == id }) else {
          throw DatasetError(
            file: specFile, line: 1, column: 1, field: "chart", expected: "one of the charts \(loaded.map(\.id).joined(separator: ", "))",
            found: "\"\(id)\"")
        }
        chosen = [spec]
      }
      let style = try common.loadStyle()
      record.read(style.files)
      let context = try chosen.contains(where: \.usesDataset) ? common.loadContext() : nil
      if context != nil { record.read(BuildRecord.datasetFiles(common.data)) }
      let compiler = ChartCompiler(context: context)
      let sizeOverride = size.flatMap(ChartSpecLoader.parseSize)
      let single = OutputFormat(path: output)
      if single == .pdf && chosen.count > 1 {
        // A chart book: one PDF, a page per chart, labelled with its id.
        let dates = chosen.compactMap { compiler.date(of: $0) }
        let newest = dates.max { ($0.year, $0.month, $0.day) < ($1.year, $1.month, $1.day) }
        let date = epoch ?? newest.map { PDFDate(year: $0.year, month: $0.month, day: $0.day) } ?? .unknown
        let name = specFile.split(separator: "/").last.map(String.init) ?? specFile
        let metadata = SceneMetadata(
          title: "\(chosen.count) charts of \(name)", keywords: ["BriefKit"] + chosen.map(\.id),
          altText: chosen.map(\.title).joined(separator: "; "))
        // Each page is compiled with the text engine that draws it, just before it is drawn, in
        // order, on this thread: each text is shaped once and one scene is held at a time. (Compiling
        // on --jobs threads with engines of their own, then drawing, shaped every text twice: slower
        // on two cores, 1,000 pages or 12; bench/RESULTS.md.)
        let (chartStyle, backend) = (style.style, try CairoBackend())
        let bytes = try backend.pdf(
          pageCount: chosen.count, options: OutputOptions(metadata: metadata, date: date, pageLabels: chosen.map(\.id))
        ) { k in
          try compiler.scene(chosen[k], style: chartStyle, size: sizeOverride, measurer: backend.text)
        }
        let fonts = backend.text.fontFiles
        record.read(fonts.sorted())
        record.output(output, bytes, inputs: record.inputs)
        try render.write(record, creatingFolder: nil)
        return
      }
      if single != nil && chosen.count != 1 {
        throw Failure.usage("\(specFile) holds \(chosen.count) charts: give a folder to --output, a .pdf file for one page per chart, or a chart id")
      }
      let formats = try single.map { [$0] } ?? render.formatList()
      let (output, scale, chartStyle, maxPixels) = (self.output, render.scale, style.style, render.maxPixels)

      // Everything is rendered before anything is written: a failure leaves the output folder untouched.
      let rendered = try Parallel.map(chosen, jobs: render.jobs, worker: { try CairoBackend() }) { spec, backend in
        let scene = try compiler.scene(spec, style: chartStyle, size: sizeOverride, measurer: backend.text)
        let day = compiler.date(of: spec)
        let date = epoch ?? day.map { PDFDate(year: $0.year, month: $0.month, day: $0.day) } ?? .unknown
        let options = OutputOptions(date: date, scale: scale, maxPixels: maxPixels)
        let files = try formats.map { f in
          (path: single != nil ? output : "\(output)/\(spec.id).\(f.rawValue)", bytes: try backend.render([scene], format: f, options: options))
        }
        return (files: files, fonts: backend.text.fontFiles)
      }
      record.read(rendered.reduce(into: Set<String>()) { $0.formUnion($1.fonts) }.sorted())
      for (path, bytes) in rendered.flatMap(\.files) { record.output(path, bytes, inputs: record.inputs) }
      try render.write(record, creatingFolder: single == nil ? output : nil)
    }
  }

}

extension ChartSpec {
  /// Whether drawing the chart needs the dataset (anything but inline values).
  var usesDataset: Bool {
    switch kind {
    case .line, .timeline: return true
    default:
      return select != nil || data.contains {
        if case .inline = $0.target { return false } else { return true }
      }
    }
  }
}
