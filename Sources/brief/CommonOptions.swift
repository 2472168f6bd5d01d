import ArgumentParser
import BriefCharts
import BriefModel

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
    return try StyleFile.load(style, stylesDirectory: stylesDir) { try SpecInput.read($0) }
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
