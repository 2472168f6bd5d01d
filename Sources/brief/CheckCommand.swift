import ArgumentParser
import BriefModel
import Foundation

/// `brief check [--data DIR]`: validates the dataset and lists every problem.
///
/// Prints nothing on success. Problems go to standard error, one per line, as
/// `FILE:LINE:COL: error: FIELD: expected X, found Y`; the exit code is then 1.
struct Check: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Validate the dataset (sources, observations, events, rates) and report every problem.",
    discussion: "Exit codes: 0 the data is valid, 1 problems were found, 2 bad usage."
  )

  @Option(name: .long, help: "The data directory holding sources.yaml, observations.yaml, events.yaml and rates.yaml.")
  var data: String = "seeds"

  func validate() throws {
    try DataDirectory.validate(data)
  }

  func run() throws {
    let output = ToolOutput.check(directory: data)
    ToolOutputPrinter.emit(output)
    if output.status != 0 { throw ExitCode(output.status) }
    // The drafts of inbox/, once the dataset they refer to is valid.
    guard case .success(let dataset) = DatasetLoader.load(directory: data) else { return }
    let inbox = InboxCheck.check(directory: data, dataset: dataset)
    guard !inbox.errors.isEmpty else { return }
    Failure.printError(inbox.errors.map(\.description).joined(separator: "\n"))
    throw ExitCode(Failure.badInput)
  }
}

/// Checks `--data`: a directory that does not exist is a usage error (exit 2).
enum DataDirectory {
  static func validate(_ path: String) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw ValidationError("--data must name a directory holding the dataset's YAML files; found \(path)")
    }
  }
}

/// Writes a ``ToolOutput`` to standard output and standard error.
enum ToolOutputPrinter {
  static func emit(_ output: ToolOutput) {
    if !output.standardOutput.isEmpty {
      FileHandle.standardOutput.write(Data(output.standardOutput.utf8))
    }
    if !output.standardError.isEmpty {
      FileHandle.standardError.write(Data(output.standardError.utf8))
    }
  }
}
