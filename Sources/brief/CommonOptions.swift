import ArgumentParser
import BriefCairo
import BriefOutput
import BriefCharts
import BriefModel
import Foundation

/// Options shared by the commands that draw: the dataset and the style.
struct CommonOptions: ParsableArguments {
  @Option(help: "The dataset folder.")
  var data = "seeds"

  @Option(help: "A style name from the styles folder (default, print, slides) or a style file.")
  var style = "default"

  @Option(help: "The folder of named styles.")
  var stylesDir = "styles"

  /// The style; the built-in default when `default` is asked for and no styles folder exists.
  func loadStyle() throws -> StyleFile.Loaded {
    let path = StyleFile.path(for: style, in: stylesDir)
    if style == "default" && !FileSystem.exists(path) {
      return StyleFile.Loaded(style: .standard, files: [])
    }
    guard FileSystem.exists(path) else {
      throw Failure.usage("no style \"\(style)\": \(path) does not exist (styles: \(StyleFile.builtIn.joined(separator: ", ")))")
    }
    return try StyleFile.load(style, stylesDirectory: stylesDir, read: InputFile.text)
  }

  /// The dataset and its statistics; every problem in the data is reported at once.
  func loadContext() throws -> ChartContext {
    guard FileSystem.isDirectory(data) else {
      throw Failure.usage("the dataset folder \(data) does not exist")
    }
    switch DatasetLoader.load(directory: data) {
    case .success(let dataset): return ChartContext(dataset: dataset)
    case .failure(let errors): throw errors
    }
  }
}

/// Options shared by the commands that write files: which formats, and the PNG scale.
struct RenderOptions: ParsableArguments {
  @Option(help: "The formats to write, comma-separated: pdf, png, svg.")
  var formats = "pdf,png,svg"

  @Option(help: "PNG pixels per point.")
  var scale: Double = 2

  @Option(help: "Write a make rule listing every output and every input read (data, specs, brief, styles, fonts).")
  var depfile: String?

  @Option(help: "The target the depfile's rule names, instead of the outputs (like gcc -MT), e.g. a stamp file.")
  var depfileTarget: String?

  @Option(help: "Write a JSON list of every output with its size, sha256 and inputs.")
  var manifest: String?

  @Option(help: "The largest PNG, in pixels (width × height), that a chart may be rendered to.")
  var maxPixels: Int = 100_000_000

  @Option(help: "Charts rendered at once (default: the number of cores).")
  var jobs: Int = Self.cores

  static var cores: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

  func validate() throws {
    guard scale.isFinite, scale > 0, scale <= 64 else {
      throw ValidationError("--scale must be above 0 and at most 64; found \(scale)")
    }
    guard (1...256).contains(jobs) else { throw ValidationError("--jobs must be from 1 to 256; found \(jobs)") }
    guard maxPixels >= 1 else { throw ValidationError("--max-pixels must be at least 1; found \(maxPixels)") }
    _ = try formatList()
  }

  /// Writes what a run made: checks the paths (usage errors come before anything is created),
  /// creates the output folder when there is one and the depfile's and manifest's folders, then
  /// writes the outputs, depfile and manifest together.
  func write(_ record: BuildRecord, creatingFolder folder: String?) throws {
    try record.checkPaths(depfile: depfile, target: depfileTarget, manifest: manifest)
    if let folder { try OutputFolder.create(folder) }
    try prepareFolders()
    try record.commit(depfile: depfile, target: depfileTarget, manifest: manifest)
  }

  /// Creates the folders the depfile and manifest go into.
  private func prepareFolders() throws {
    for path in [depfile, manifest].compactMap({ $0 }) {
      if let slash = path.lastIndex(of: "/"), slash != path.startIndex { try OutputFolder.create(String(path[..<slash])) }
    }
  }

  /// The formats asked for, in the order given, each once.
  func formatList() throws -> [OutputFormat] {
    var out: [OutputFormat] = []
    for name in formats.split(separator: ",") {
      guard let f = OutputFormat(rawValue: name.trimmingCharacters(in: .whitespaces).lowercased()) else {
        throw ValidationError("unknown format \"\(name)\" in --formats: use pdf, png and svg")
      }
      if !out.contains(f) { out.append(f) }
    }
    guard !out.isEmpty else { throw ValidationError("--formats names no format") }
    return out
  }
}
