import ArgumentParser
import BriefCairo
import BriefCharts
import BriefDocument
import BriefModel
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
      // The charts' own files are compiled and drawn on a lane of their own (with --jobs above 1)
      // while this thread lays out and draws the brief; their PNG dates are not used.
      let placed = spec.chartIDs.compactMap { id in charts.first { $0.id == id } }
      let chartFiles = ChartFiles(
        specs: placed, compiler: ChartCompiler(context: context), style: style.style, formats: [OutputFormat.png, .svg].filter(wanted.contains),
        output: output, options: OutputOptions(date: .unknown, scale: render.scale, maxPixels: render.maxPixels), jobs: render.jobs)
      // Everything is rendered before anything is written. Whatever fails here, the lane stops
      // before the error is reported.
      var files: [(String, [UInt8])] = []
      let backend: CairoBackend
      do {
        backend = try CairoBackend()
        var layout = BriefLayout(spec: spec, charts: charts, context: context, style: style.style, page: style.page, measurer: backend.text)
        layout.compilesChartFiles = false
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
      } catch {
        _ = try? chartFiles.wait()
        throw error
      }
      let (chartOutputs, chartFonts) = try chartFiles.wait()
      files += chartOutputs
      record.read(backend.text.fontFiles.union(chartFonts).sorted())
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
