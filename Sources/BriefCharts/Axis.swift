import BriefModel
import BriefScene

/// Guides for a horizontal value axis: vertical gridlines across the plot and
/// tick labels under it.
public struct ValueAxis {
  public var scale: LinearScale
  public var ticks: [Double]
  public var labels: [String]

  /// Picks about `count` round ticks and formats them with the step's decimals
  /// and thousands separators.
  public init(scale: LinearScale, count: Int, suffix: String = "", style: ChartStyle = .standard) {
    self.scale = scale
    ticks = scale.ticks(count: count)
    let decimals = NumberFormat.decimals(forStep: scale.tickStep(count: count))
    labels = ticks.map { style.localised(NumberFormat.grouped($0, decimals: decimals)) + suffix }
  }

  /// Horizontal gridlines from `left` to `right` and tick labels left of `left`, for a vertical value axis.
  public func horizontalPrimitives(left: Double, right: Double, style: ChartStyle) -> [Primitive] {
    var grid: [Primitive] = []
    var texts: [Primitive] = []
    let tickStyle = style.text(size: style.tickSize, color: style.mutedTextColor, alignment: .right, tabular: true)
    for (value, label) in zip(ticks, labels) {
      let y = scale.map(value)
      let isZero = value == 0
      grid.append(
        .line(
          from: Point(left, y), to: Point(right, y),
          StrokeStyle(color: isZero ? style.axisColor : style.gridColor, width: isZero ? 1 : style.gridWidth)))
      texts.append(.text(TextItem(label, at: Point(left - 6, y), style: tickStyle, horizontal: .end, vertical: .middle)))
    }
    return [.group(role: "grid", grid), .group(role: "ticks", texts)]
  }

  /// Gridlines from `top` to `bottom` and tick labels below `bottom`, plus a
  /// darker line at zero when zero is on the axis.
  public func primitives(top: Double, bottom: Double, style: ChartStyle) -> [Primitive] {
    var grid: [Primitive] = []
    var texts: [Primitive] = []
    let tickStyle = style.text(size: style.tickSize, color: style.mutedTextColor, tabular: true)
    for (value, label) in zip(ticks, labels) {
      let x = scale.map(value)
      let isZero = value == 0
      grid.append(
        .line(
          from: Point(x, top), to: Point(x, bottom),
          StrokeStyle(color: isZero ? style.axisColor : style.gridColor, width: isZero ? 1 : style.gridWidth)))
      texts.append(.text(TextItem(label, at: Point(x, bottom + 4), style: tickStyle, horizontal: .middle, vertical: .top)))
    }
    return [.group(role: "grid", grid), .group(role: "ticks", texts)]
  }
}
