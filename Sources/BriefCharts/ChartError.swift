/// A chart that cannot be built, with the phase that failed and the chart's id.
public enum ChartError: Error, Equatable, CustomStringConvertible {
  /// The spec or its data cannot be drawn as asked (for example nothing to plot).
  case invalid(chart: String, phase: Phase, message: String)
  /// There is not enough room to lay the chart out.
  case layout(String)
  /// A problem traced to a place in a spec file.
  case located(file: String, line: Int, column: Int, chart: String, phase: Phase, message: String)

  /// The compile phases of a chart, in order.
  public enum Phase: String, Sendable {
    case select, normalise, scales, marks, guides, frame
  }

  public var description: String {
    switch self {
    case .invalid(let chart, let phase, let message):
      return "chart \(chart): \(phase.rawValue): \(message)"
    case .layout(let message):
      return message
    case .located(let file, let line, let column, let chart, let phase, let message):
      return "\(file):\(line):\(column): error: chart \(chart): \(phase.rawValue): \(message)"
    }
  }
}

extension ChartError {
  /// Runs `body`, turning a layout problem into chart `id`'s error in `phase`.
  static func inPhase<T>(_ phase: Phase, chart id: String, _ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch ChartError.layout(let message) {
      throw ChartError.invalid(chart: id, phase: phase, message: message)
    }
  }
}
