import ArgumentParser

/// The `brief` command: builds briefing documents and charts from a source-cited dataset.
@main
struct Brief: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "brief",
    abstract: "Build briefing documents and charts from a dataset of reported, source-cited figures.",
    subcommands: [ChartCommand.self]
  )
}
