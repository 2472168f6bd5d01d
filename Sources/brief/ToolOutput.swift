import BriefModel

/// What `brief check` and `brief stats` print and return: the command line's words for what the
/// model loads and computes.
struct ToolOutput: Equatable, Sendable {
  /// The exit status: 0 success, 1 bad input data.
  var status: Int32
  /// Text for standard output.
  var standardOutput: String
  /// Text for standard error, one problem per line.
  var standardError: String

  /// `brief check`: loads and validates `directory`; lists every problem.
  static func check(directory: String) -> ToolOutput {
    let (_, errors) = DatasetLoader.loadCollectingErrors(directory: directory)
    guard errors.isEmpty else {
      return ToolOutput(
        status: 1, standardOutput: "", standardError: errors.map { $0.description + "\n" }.joined())
    }
    return ToolOutput(status: 0, standardOutput: "", standardError: "")
  }

  /// `brief stats [--json]`: the estimates, or every problem if the data is bad.
  static func stats(directory: String, json: Bool) -> ToolOutput {
    switch DatasetLoader.load(directory: directory) {
    case .failure(let problems):
      return ToolOutput(
        status: 1, standardOutput: "", standardError: problems.errors.map { $0.description + "\n" }.joined())
    case .success(let dataset):
      let result = Analysis.run(dataset)
      if json {
        do {
          return ToolOutput(status: 0, standardOutput: try StatsReport.json(result) + "\n", standardError: "")
        } catch {
          return ToolOutput(status: 1, standardOutput: "", standardError: "brief: error: \(error)\n")
        }
      }
      return ToolOutput(status: 0, standardOutput: StatsReport.table(result), standardError: "")
    }
  }
}
