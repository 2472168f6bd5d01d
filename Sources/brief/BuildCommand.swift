import ArgumentParser
import BriefCairo
import BriefCharts
import BriefDocument
import BriefModel
import BriefRuntime
import BriefScene

/// `brief build [BRIEF]`: lays out a brief into a PDF and writes its charts beside it.
struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Build a brief (Markdown with front matter) into a PDF, with each chart as PNG and SVG.",
    discussion: """
      With no BRIEF, builds the default monthly brief, seeds/briefs/monthly.md. Writes \
      OUTPUT/NAME.pdf (NAME from the brief's file name) and OUTPUT/CHART.png and .svg for every \
      chart the brief places. The PDF's date comes from SOURCE_DATE_EPOCH, else the brief's period.
      """
  )

  @Argument(help: "The brief's Markdown file.")
  var brief = "seeds/briefs/monthly.md"

  @Option(name: .shortAndLong, help: "The output folder.")
  var output = "output"

  @Option(help: "The chart specs file.")
  var specs = "seeds/charts.yaml"

  @OptionGroup var common: CommonOptions

  /// pdf writes the brief; png and svg its charts.
  @OptionGroup var render: RenderOptions

  func run() throws {
    let epoch = try Environment.sourceDateEpoch()
    try Failure.report {
      var record = BuildRecord()
      record.primary = brief
      record.read([brief, specs])
      let spec = try BriefParser.parse(text: try InputFile.text(brief), file: brief)
      var options = common
      if let named = spec.frontMatter.style, common.style == "default" {
        options.style = named
        // A style the brief names that does not exist is bad input at its line in the front matter.
        if !FileSystem.exists(StyleFile.path(for: named, in: common.stylesDir)), let at = spec.frontMatter.styleLocation {
          throw DatasetError(
            at: at, field: "style", expected: "a style in \(common.stylesDir) (\(StyleFile.builtIn.joined(separator: ", "))) or a style file",
            found: "\"\(named)\"")
        }
      }
      let style = try options.loadStyle()
      record.read(style.files)
      let charts = try ChartSpecLoader.load(yaml: try InputFile.text(specs), file: specs)
      let context = try common.loadContext()
      record.read(BuildRecord.datasetFiles(common.data))
      let wanted = Set(try render.formatList())
      let name = Self.stem(brief)
      // The brief and each chart it places are independent jobs, run on --jobs threads, each
      // thread with a backend (and so a text engine) of its own: the brief is laid out and drawn
      // as a PDF, each chart compiled in the brief's style at its own size and drawn as PNG and
      // SVG. Everything is rendered before anything is written; the first error, the brief's
      // before any chart's, is reported.
      let placed = spec.chartIDs.compactMap { id in charts.first { $0.id == id } }
      let chartFormats = [OutputFormat.png, .svg].filter(wanted.contains)
      let jobs = [BuildJob.brief] + (chartFormats.isEmpty ? [] : placed.map(BuildJob.chart))
      let (output, stylesheet, page, scale, maxPixels) = (output, style.style, style.page, render.scale, render.maxPixels)
      let compiler = ChartCompiler(context: context)
      let results = try Parallel.map(jobs, jobs: render.jobs, worker: { try CairoBackend() }) { job, backend in
        var files: [(path: String, bytes: [UInt8])] = []
        switch job {
        case .brief:
          let layout = BriefLayout(spec: spec, charts: charts, context: context, style: stylesheet, page: page, measurer: backend.text)
          let built = try layout.build()
          let date = epoch ?? built.date.map { PDFDate(year: $0.year, month: $0.month, day: $0.day) } ?? .unknown
          if wanted.contains(.pdf) {
            let pdf = try backend.pdf(
              built.pages,
              options: OutputOptions(
                metadata: built.metadata, date: date,
                outline: built.outline.map { OutlineEntry(level: $0.level, title: $0.title, anchor: $0.anchor) },
                pageLabels: built.pageLabels))
            files.append(("\(output)/\(name).pdf", pdf))
          }
        case .chart(let chart):
          // A chart file's PNG carries no date.
          let scene = try compiler.scene(chart, style: stylesheet, measurer: backend.text)
          let options = OutputOptions(date: .unknown, scale: scale, maxPixels: maxPixels)
          for format in chartFormats {
            files.append(("\(output)/\(chart.id).\(format.rawValue)", try backend.render([scene], format: format, options: options)))
          }
        }
        return (files: files, fonts: backend.text.fontFiles)
      }
      record.read(results.reduce(into: Set<String>()) { $0.formUnion($1.fonts) }.sorted())
      let files = results.flatMap(\.files)
      for (path, bytes) in files { record.output(path, bytes, inputs: record.inputs) }
      try render.write(record, creatingFolder: output)
    }
  }

  /// The file name without folder and extension: the name of the brief's PDF.
  static func stem(_ path: String) -> String {
    let base = path.split(separator: "/").last.map(String.init) ?? path
    guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return base }
    return String(base[..<dot])
  }
}

/// What `brief build` renders: the brief's PDF, and the files of each chart it places.
enum BuildJob: Sendable {
  case brief
  case chart(ChartSpec)
}
