import BriefTestSupport
import Foundation

/// What `brief check` or `brief stats` printed and returned; their text lives in the command
/// line, so the model's tests of it run the built `brief`.
struct CommandOutput: Equatable {
  var status: Int32
  var standardOutput: String
  var standardError: String
}

enum BriefCommand {
  /// `brief check --data DIRECTORY`.
  static func check(directory: String) -> CommandOutput {
    run(["check", "--data", directory])
  }

  /// `brief stats --data DIRECTORY [--json]`.
  static func stats(directory: String, json: Bool) -> CommandOutput {
    run(["stats", "--data", directory] + (json ? ["--json"] : []))
  }

  private static func run(_ args: [String]) -> CommandOutput {
    do {
      let r = try Tools.run(Tools.briefExecutable, args, cwd: Tools.packageRoot)
      return CommandOutput(status: r.status, standardOutput: r.stdout, standardError: r.stderr)
    } catch {
      return CommandOutput(status: -1, standardOutput: "", standardError: "cannot run brief: \(error)")
    }
  }
}
