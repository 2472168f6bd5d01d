import ArgumentParser
import BriefModel

/// `brief stats [--data DIR] [--json]`: prints the brief's statistics with their inputs.
///
/// The table shows each estimate's id, value and unit, with its label, method,
/// inputs and caveats below. `--json` prints
/// `{"estimates": [{"id", "label", "low", "high", "estimate", "unit", "inputs", "method", "caveats", …}], "conflicts": [...]}`
/// with `null` for open ends.
struct Stats: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats",
    abstract: "Print the statistics computed from the dataset, with inputs, methods and caveats.",
    discussion: "Exit codes: 0 success, 1 bad input data, 2 bad usage."
  )

  @Option(name: .long, help: "The data directory holding sources.yaml, observations.yaml, events.yaml and rates.yaml.")
  var data: String = "seeds"

  @Flag(name: .long, help: "Print JSON instead of a table.")
  var json = false

  func validate() throws {
    try DataDirectory.validate(data)
  }

  func run() throws {
    let output = ToolOutput.stats(directory: data, json: json)
    ToolOutputPrinter.emit(output)
    if output.status != 0 { throw ExitCode(output.status) }
  }
}
