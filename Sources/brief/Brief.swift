import ArgumentParser
import BriefRuntime

#if canImport(Glibc)
  import Glibc
#endif

/// The `brief` command: builds briefing documents and charts from a source-cited dataset.
///
/// Exit codes: 0 success, 1 bad input data, 2 bad usage, 3 rendering or output failure.
@main
struct Brief: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "brief",
    abstract: "Build briefing documents and charts from a dataset of reported, source-cited figures.",
    discussion: "Exit codes: 0 success, 1 bad input data, 2 bad usage, 3 rendering or output failure.",
    subcommands: [BuildCommand.self, ChartCommand.self, Check.self, Stats.self, ExtractCommand.self]
  )

  /// Runs the command, mapping argument errors to exit code 2 rather than the parser's 64.
  static func main() {
    ProcessMemory.mapLargeBuffers()
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch {
      let code = exitCode(for: error)
      if code == .validationFailure {
        Failure.printError(fullMessage(for: error))
        Glibc.exit(Failure.badUsage)
      }
      exit(withError: error)
    }
  }
}
