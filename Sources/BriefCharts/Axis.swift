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
  public func horizontalPrimitives(left: Double, right: Double, style: ChartStyle, tickRole: String = "ticks") -> [Primitive] {
    guides(style: style, alignment: .right, tickRole: tickRole) { v, ts in
      let y = scale.map(v)
      return (Point(left, y), Point(right, y), TextItem("", at: Point(left - 6, y), style: ts, horizontal: .end, vertical: .middle))
    }
  }

  /// Gridlines from `top` to `bottom` and tick labels below `bottom`, plus a
  /// darker line at zero when zero is on the axis.
  public func primitives(top: Double, bottom: Double, style: ChartStyle) -> [Primitive] {
    guides(style: style, alignment: .left, tickRole: "ticks") { v, ts in
      let x = scale.map(v)
      return (Point(x, top), Point(x, bottom), TextItem("", at: Point(x, bottom + 4), style: ts, horizontal: .middle, vertical: .top))
    }
  }

  /// One gridline and one tick label per tick, zero's line darker; `place` gives each line's ends and its label's position.
  private func guides(
    style: ChartStyle, alignment: TextAlignment, tickRole: String,
    place: (Double, TextStyle) -> (Point, Point, TextItem)
  ) -> [Primitive] {
    var grid: [Primitive] = []
    var texts: [Primitive] = []
    let tickStyle = style.text(size: style.tickSize, color: style.mutedTextColor, alignment: alignment, tabular: true)
    for (value, label) in zip(ticks, labels) {
      let (a, b, template) = place(value, tickStyle)
      let isZero = value == 0
      grid.append(.line(from: a, to: b, StrokeStyle(color: isZero ? style.axisColor : style.gridColor, width: isZero ? 1 : style.gridWidth)))
      var item = template
      item.text = label
      texts.append(.text(item))
    }
    return [.group(role: "grid", grid), .group(role: tickRole, texts)]
  }
}
