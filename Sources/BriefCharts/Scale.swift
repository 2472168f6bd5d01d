/// Maps a continuous domain of data values linearly onto a range of positions.
///
/// ```swift
/// let x = LinearScale(domain: 0...4000, range: 100...500).nice(count: 5)
/// x.map(2000)        // 300
/// x.ticks(count: 5)  // [0, 1000, 2000, 3000, 4000]
/// ```
public struct LinearScale: Equatable, Sendable {
  public var domain: (low: Double, high: Double)
  public var range: (low: Double, high: Double)

  public init(domain: ClosedRange<Double>, range: ClosedRange<Double>) {
    self.domain = (domain.lowerBound, domain.upperBound)
    self.range = (range.lowerBound, range.upperBound)
  }

  public init(domain: (Double, Double), range: (Double, Double)) {
    self.domain = domain
    self.range = range
  }

  public static func == (a: LinearScale, b: LinearScale) -> Bool {
    a.domain == b.domain && a.range == b.range
  }

  /// The position of a data value; values outside the domain extrapolate.
  public func map(_ value: Double) -> Double {
    let span = domain.high - domain.low
    guard span != 0, span.isFinite else { return range.low }
    return range.low + (value - domain.low) / span * (range.high - range.low)
  }

  /// The position of a value, clamped to the range.
  public func mapClamped(_ value: Double) -> Double {
    let p = map(value)
    return Swift.min(Swift.max(p, Swift.min(range.low, range.high)), Swift.max(range.low, range.high))
  }

  /// A tick spacing of 1, 2 or 5 times a power of ten giving about `count` ticks.
  public func tickStep(count: Int) -> Double {
    Self.niceStep(span: domain.high - domain.low, count: count)
  }

  /// Round tick values inside the domain, about `count` of them.
  public func ticks(count: Int) -> [Double] {
    let step = tickStep(count: count)
    guard step > 0, step.isFinite else { return [domain.low] }
    let first = (domain.low / step).rounded(.up)
    let last = (domain.high / step).rounded(.down)
    guard first.isFinite, last.isFinite, last - first < 1000 else { return [domain.low, domain.high] }
    var ticks: [Double] = []
    var i = first
    while i <= last {
      let v = i * step
      ticks.append(v == 0 ? 0 : v)  // no -0
      i += 1
    }
    return ticks
  }

  /// The scale with its domain widened to whole multiples of the tick step.
  public func nice(count: Int) -> LinearScale {
    var low = domain.low, high = domain.high
    if low == high {
      // A single value: show it against zero, or a unit span around zero.
      if low == 0 { high = 1 } else if low > 0 { low = 0 } else { high = 0 }
    }
    let step = Self.niceStep(span: high - low, count: count)
    guard step > 0, step.isFinite else { return LinearScale(domain: (low, high), range: range) }
    return LinearScale(domain: ((low / step).rounded(.down) * step, (high / step).rounded(.up) * step), range: range)
  }

  /// The 1-2-5 step nearest to `span / count`.
  static func niceStep(span: Double, count: Int) -> Double {
    let n = Double(Swift.max(1, count))
    guard span.isFinite, span > 0 else { return 1 }
    let raw = span / n
    var magnitude = 1.0
    // Powers of ten by repeated multiplication: exact for the decimal steps that matter.
    if raw >= 1 {
      while magnitude * 10 <= raw { magnitude *= 10 }
    } else {
      while magnitude > raw { magnitude /= 10 }
    }
    let residual = raw / magnitude
    let factor: Double = residual > 5 ? 10 : residual > 2 ? 5 : residual > 1 ? 2 : 1
    return factor * magnitude
  }
}

/// Maps categories onto equal bands of a range, with padding between them.
public struct BandScale: Equatable, Sendable {
  public var count: Int
  public var start: Double
  public var end: Double
  /// The share of each band left empty between bars, 0...1.
  public var padding: Double

  public init(count: Int, range: (Double, Double), padding: Double = 0.3) {
    self.count = Swift.max(0, count)
    self.start = range.0
    self.end = range.1
    self.padding = Swift.min(Swift.max(padding, 0), 0.95)
  }

  /// The height (or width) of one band.
  public var step: Double { count > 0 ? (end - start) / Double(count) : 0 }

  /// The thickness of the mark within a band.
  public var bandwidth: Double { step * (1 - padding) }

  /// The start of the band of category `index`, where its mark begins.
  public func position(_ index: Int) -> Double {
    start + Double(index) * step + (step - bandwidth) / 2
  }

  /// The centre of the band of category `index`.
  public func center(_ index: Int) -> Double {
    start + (Double(index) + 0.5) * step
  }
}
