import ArgumentParser
import BriefCairo
import BriefCharts
import BriefScene

/// `brief chart SPEC.yaml -o FILE`: renders one chart to PDF, PNG or SVG.
struct ChartCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "chart",
    abstract: "Render one chart spec to a PDF, PNG or SVG file.",
    discussion: """
      The format follows the output file's extension. PNG files are SIZE × SCALE pixels \
      with the DPI (72 × SCALE) recorded. PDF dates come from SOURCE_DATE_EPOCH, or the \
      spec's `date:`, never the clock.
      """
  )

  @Argument(help: "The chart spec (YAML).")
  var spec: String

  @Option(name: .shortAndLong, help: "The output file: .pdf, .png or .svg.")
  var output: String

  @Option(help: "The chart size in points, WIDTHxHEIGHT (default: the spec's, or 640x400).")
  var size: String?

  @Option(help: "PNG pixels per point.")
  var scale: Double = 2

  func validate() throws {
    guard OutputFormat(path: output) != nil else {
      throw ValidationError("the output file must end in .pdf, .png or .svg: \(output)")
    }
    if let size, BarChartSpec.parseSize(size) == nil {
      throw ValidationError("--size must be WIDTHxHEIGHT in points, e.g. 640x400; found \(size)")
    }
    guard scale.isFinite, scale > 0, scale <= 64 else {
      throw ValidationError("--scale must be above 0 and at most 64; found \(scale)")
    }
  }

  func run() throws {
    let format = OutputFormat(path: output) ?? .pdf
    let epoch = try Environment.sourceDateEpoch()
    try Failure.report {
      let text = try SpecInput.read(spec)
      let loaded = try BarChartSpec.load(yaml: text, file: spec)
      let chart = loaded.chart
      let date = epoch ?? loaded.date.map { PDFDate(year: $0.year, month: $0.month, day: $0.day) } ?? .unknown
      let backend = try CairoBackend()
      let chosen = size.flatMap(BarChartSpec.parseSize) ?? loaded.size
      let scene = try chart.scene(size: chosen, measurer: backend.text)
      let bytes = try backend.render([scene], format: format, options: OutputOptions(date: date, scale: scale))
      try OutputFile.write(bytes, to: output)
    }
  }
}
