import BriefCairo
import BriefCharts
import BriefModel
import BriefOutput
import BriefRuntime
import BriefScene
import Foundation

/// The data every workload draws, generated the same way as bench/peers/common.py
/// so the matplotlib peers draw exactly the same labels and values.
enum BenchData {
  static let title = "Workers sent abroad by region"
  static let subtitle = "Reported headcount, 2024, workers per region"
  static let source = "Source: generated benchmark data (bench/), not a real dataset."

  /// The value of bar `i` of chart `k`: 100 to 9,099.
  static func value(chart k: Int, index i: Int) -> Double {
    Double(100 + (i * 7919 + k * 104_729) % 9000)
  }

  /// Every fifth bar is a reported range (a bar to its low end and a whisker to 1.25 × low).
  static func barItems(chart k: Int, count n: Int, label: (Int) -> String) -> [BarItem] {
    (0..<n).map { i in
      let v = value(chart: k, index: i)
      if i % 5 == 0 {
        let hi = (v * 1.25).rounded()
        return BarItem(
          label: label(i),
          value: ReportedValue(kind: .range, interval: Interval(low: v, high: hi), estimate: (v + hi) / 2, stated: [v, hi]))
      }
      return BarItem(label: label(i), value: .exact(v))
    }
  }

  static func barChart(chart k: Int, count n: Int) -> BarChart {
    BarChart(
      id: "bench-\(k)", frame: FrameText(title: "Chart \(k): \(title)", subtitle: subtitle, source: source),
      items: barItems(chart: k, count: n) { n <= 20 ? "Region \(k)-\($0 + 1)" : "Item \($0 + 1)" },
      categoryLabels: .thinned)
  }

  /// Rows of a dot-and-range chart: low..high around an estimate.
  static func dotRows(count n: Int) -> [ChartDatum] {
    (0..<n).map { i in
      let lo = value(chart: 7, index: i)
      let hi = lo + Double(50 + (i * 31) % 2000)
      let est = ((lo + hi) / 2).rounded()
      let rv = ReportedValue(kind: .range, interval: Interval(low: lo, high: hi), estimate: est, stated: [lo, hi])
      return ChartDatum(
        id: "row-\(i)", label: "Item \(i + 1)", group: nil, value: rv, valueLabel: rv.formatted(), unit: "USD",
        period: nil, sources: [], derived: false)
    }
  }

  static func dotRangeChart(count n: Int) -> DotRangeChart {
    DotRangeChart(
      id: "dots-\(n)", frame: FrameText(title: "Wages by item", subtitle: "USD per month, reported range and estimate", source: source),
      data: dotRows(count: n), categoryLabels: .thinned)
  }

  static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  /// Events from 2000 to 2024: a third single days, a third months, a third years.
  static func events(count n: Int) -> [TimelineEvent] {
    (0..<n).map { i in
      let year = 2000 + (i * 7) % 25, month = 1 + (i * 5) % 12, day = 1 + (i * 11) % 28
      let label = "Event \(i + 1): delegation visit"
      switch i % 3 {
      case 0:
        return TimelineEvent(label: label, start: Day(year: year, month: month, day: day)!, dateText: "\(day) \(months[month - 1]) \(year)")
      case 1:
        let last = Day.daysIn(month: month, year: year)
        return TimelineEvent(
          label: label, start: Day(year: year, month: month, day: 1)!, end: Day(year: year, month: month, day: last)!,
          dateText: "\(months[month - 1]) \(year)")
      default:
        return TimelineEvent(
          label: label, start: Day(year: year, month: 1, day: 1)!, end: Day(year: year, month: 12, day: 31)!,
          isApproximate: true, dateText: "c. \(year)")
      }
    }
  }

  static func timeline(count n: Int) -> Timeline {
    Timeline(id: "timeline-\(n)", frame: FrameText(title: "Events, 2000–2024", subtitle: "Generated events", source: source), events: events(count: n))
  }
}

/// Canvas sizes, in points; the peers use the same.
enum Canvas {
  /// The batch charts: 800 × 450 pt, 1600 × 900 px at scale 2.
  static let batch = Size(width: 800, height: 450)
  /// Bars and dot-and-range rows get 14 pt each, plus room for the frame, up to the 14,400 pt
  /// a PDF page may have; past that (about 1,000 rows) rows get thinner and labels are thinned.
  static func rows(_ n: Int) -> Size { Size(width: 800, height: min(14_400, max(450, 200 + 14 * Double(n)))) }
  static func timeline(_ n: Int) -> Size { Size(width: 1600, height: 450) }
}

func now() -> Double {
  var ts = timespec()
  clock_gettime(CLOCK_MONOTONIC, &ts)
  return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Times a block, adding its seconds to `detail[key]`.
func timed<T>(_ key: String, _ detail: inout [String: Any], _ body: () throws -> T) rethrows -> T {
  let t0 = now()
  let r = try body()
  detail[key] = (detail[key] as? Double ?? 0) + (now() - t0)
  return r
}

enum Workloads {
  static let pdfDate = PDFDate(year: 2025, month: 1, day: 1)

  /// (b) `count` bar charts of `bars` bars, each compiled, rendered and written as a PNG, on `jobs` threads.
  static func batchPNG(count: Int, bars: Int, jobs: Int, out: String) throws -> [String: Any] {
    let times = try Parallel.map(Array(0..<count), jobs: jobs, worker: { try CairoBackend() }) { k, backend in
      let t0 = now()
      let scene = try BenchData.barChart(chart: k, count: bars).scene(size: Canvas.batch, measurer: backend.text)
      let t1 = now()
      let png = try backend.png(scene, options: OutputOptions(scale: 2))
      let t2 = now()
      try OutputFile.write(png, to: "\(out)/bars-\(k).png")
      return (compile: t1 - t0, render: t2 - t1, write: now() - t2)
    }
    var detail: [String: Any] = [
      "compile_s": times.reduce(0) { $0 + $1.compile }, "render_png_s": times.reduce(0) { $0 + $1.render },
      "write_s": times.reduce(0) { $0 + $1.write },
    ]
    detail["charts"] = count
    detail["jobs"] = jobs
    detail["note"] = "phase times are summed over threads"
    return detail
  }

  /// (b) `count` bar charts as the pages of one PDF, as `brief chart --all -o book.pdf` makes a
  /// chart book: each page compiled with the text engine that draws it (so each text is shaped
  /// once), just before it is drawn, in page order, on one thread. `jobs` is not used.
  static func batchPDF(count: Int, bars: Int, jobs: Int, out: String) throws -> [String: Any] {
    var detail: [String: Any] = ["pages": count, "jobs": 1]
    let pdf = try timed("build_and_render_pdf_s", &detail) {
      let backend = try CairoBackend()
      return try backend.pdf(pageCount: count, options: OutputOptions(date: pdfDate)) { k in
        try BenchData.barChart(chart: k, count: bars).scene(size: Canvas.batch, measurer: backend.text)
      }
    }
    _ = try timed("write_s", &detail) { try OutputFile.write(pdf, to: "\(out)/bars.pdf") }
    detail["bytes"] = pdf.count
    return detail
  }

  /// (c) one chart of `n` marks, compiled and rendered as a PNG at scale 1, on one thread as
  /// `brief chart` draws one chart.
  static func scaling(kind: String, n: Int, out: String) throws -> [String: Any] {
    var detail: [String: Any] = ["kind": kind, "n": n]
    let backend = try timed("engine_s", &detail) { try CairoBackend() }
    var size: Size
    let scene: Scene
    switch kind {
    case "bars":
      size = Canvas.rows(n)
      scene = try timed("compile_s", &detail) { try BenchData.barChart(chart: 0, count: n).scene(size: size, measurer: backend.text) }
    case "dotrange":
      size = Canvas.rows(n)
      scene = try timed("compile_s", &detail) { try BenchData.dotRangeChart(count: n).scene(size: size, measurer: backend.text) }
    case "timeline":
      // The timeline says how tall it must be when its labels do not fit: grow to that, as a user would.
      size = Canvas.timeline(n)
      let chart = BenchData.timeline(count: n)
      var attempts = 0
      var built: Scene?
      let t0 = now()
      defer { detail["compile_s"] = now() - t0 }  // every attempt counts
      while built == nil {
        attempts += 1
        do {
          built = try chart.scene(size: size, measurer: backend.text)
        } catch let e as ChartError {
          let text = "\(e)"
          guard attempts < 6, let needed = Self.pointsNeeded(text), needed > size.height else { throw e }
          size.height = (needed * 1.05).rounded(.up)
        }
      }
      detail["attempts"] = attempts
      scene = built!
    default:
      throw BenchError("unknown chart kind \(kind)")
    }
    detail["canvas"] = "\(Int(size.width))x\(Int(size.height))"
    func count(_ ps: [Primitive]) -> Int {
      ps.reduce(0) { n, p in
        switch p {
        case .group(_, let c), .clip(_, let c), .transform(_, _, let c): n + 1 + count(c)
        default: n + 1
        }
      }
    }
    detail["primitives"] = count(scene.primitives)
    do {
      let png = try timed("render_png_s", &detail) { try backend.png(scene, options: OutputOptions(scale: 1)) }
      _ = try timed("write_s", &detail) { try OutputFile.write(png, to: "\(out)/\(kind)-\(n).png") }
      detail["end"] = now()
    } catch let e as RenderError {
      // A canvas past the backend's limits (14,400 pt a side) is refused; the compile time still counts.
      detail["render_refused"] = "\(e)"
    }
    return detail
  }

  /// "about 1234 points" in a timeline's error message.
  static func pointsNeeded(_ message: String) -> Double? {
    guard let r = message.range(of: #"about [0-9]+ points"#, options: .regularExpression) else { return nil }
    return Double(message[r].split(separator: " ")[1])
  }

  /// (d) loads and analyses the dataset in `dir`.
  static func dataset(dir: String, out: String) throws -> [String: Any] {
    var detail: [String: Any] = [:]
    let loaded = timed("load_s", &detail) { DatasetLoader.load(directory: dir) }
    let dataset: Dataset
    switch loaded {
    case .success(let d): dataset = d
    case .failure(let errors): throw BenchError("the generated dataset has \(errors.errors.count) problems, first: \(errors.errors.first.map { "\($0)" } ?? "")")
    }
    let result = timed("analyse_s", &detail) { Analysis.run(dataset) }
    detail["observations"] = dataset.observations.count
    detail["estimates"] = result.estimates.count
    detail["conflicts"] = result.conflicts.count
    // Charts of the whole dataset: every bribe as a bar, every wage as a dot-and-range row.
    let specs = try ChartSpecLoader.load(yaml: datasetCharts, file: "bench-dataset-charts.yaml")
    let backend = try CairoBackend()
    let compiler = ChartCompiler(context: ChartContext(dataset: dataset, analysis: result))
    var rows: [String] = []
    try timed("charts_s", &detail) {
      for spec in specs {
        let scene = try compiler.scene(spec, style: .standard, measurer: backend.text)
        try OutputFile.write(try backend.png(scene, options: OutputOptions(scale: 1)), to: "\(out)/\(spec.id).png")
        rows.append("\(spec.id): \(compiler.data(of: spec).count) rows")
      }
    }
    detail["charts"] = rows.joined(separator: ", ")
    return detail
  }

  /// The charts drawn from a generated dataset: thousands of rows each, so labels are thinned.
  static let datasetCharts = """
    charts:
      - id: dataset-bribes
        kind: bars
        title: Every bribe reported
        subtitle: USD per worker
        select: {measure: bribe}
        labels: thinned
        size: 800x12000
      - id: dataset-wages
        kind: dot-range
        title: Every wage reported
        subtitle: USD per month
        select: {measure: wage}
        labels: thinned
        size: 800x9000
    """
}

struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ d: String) { description = d }
}
