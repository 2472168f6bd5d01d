import BriefCairo
import BriefCharts
import BriefDocument
import BriefModel
import BriefScene
import Foundation

/// Writes the default brief's scenes as plain JSON drawing commands, so the
/// matplotlib peer (bench/peers/mpl_brief.py) draws exactly the same marks and
/// text: paths in points, and each text item already broken into lines with the
/// baseline of each, as BriefKit lays them out. Transforms are applied; clips
/// are dropped (the default brief uses none that change what is drawn).
enum SceneExport {
  static func exportBrief(to file: String, brief: String = "seeds/briefs/monthly.md") throws {
    let spec = try BriefParser.parse(text: try String(contentsOfFile: brief, encoding: .utf8), file: brief)
    let styleName = spec.frontMatter.style ?? "default"
    let style = try StyleFile.load(styleName, stylesDirectory: "styles") { try String(contentsOfFile: $0, encoding: .utf8) }
    let charts = try ChartSpecLoader.load(yaml: try String(contentsOfFile: "seeds/charts.yaml", encoding: .utf8), file: "seeds/charts.yaml")
    let dataset: Dataset
    switch DatasetLoader.load(directory: "seeds") {
    case .success(let d): dataset = d
    case .failure(let e): throw e
    }
    let measurer = try PangoTextEngine()
    let context = ChartContext(dataset: dataset)
    let built = try BriefLayout(
      spec: spec, charts: charts, context: context, style: style.style, page: style.page, measurer: measurer
    ).build()
    // Each placed chart compiled in the brief's style at its own size, as `brief build` writes its files.
    let compiler = ChartCompiler(context: context)
    var seen: Set<String> = []
    var chartList: [[String: Any]] = []
    for id in built.chartIDs where seen.insert(id).inserted {
      guard let chart = charts.first(where: { $0.id == id }) else { continue }
      let scene = try compiler.scene(chart, style: style.style, measurer: measurer)
      var scene_ = try export(scene, measurer: measurer)
      scene_["id"] = id
      chartList.append(scene_)
    }
    let pages = try built.pages.map { try export($0, measurer: measurer) }
    let obj: [String: Any] = ["scale": 2, "charts": chartList, "pages": pages]
    let data = try JSONSerialization.data(withJSONObject: obj, options: [.sortedKeys])
    try data.write(to: URL(fileURLWithPath: file))
  }

  static func export(_ scene: Scene, measurer: TextMeasurer) throws -> [String: Any] {
    var ops: [[String: Any]] = []
    for p in scene.primitives { try walk(p, offset: Point(0, 0), scale: 1, measurer: measurer, into: &ops) }
    return [
      "width": scene.size.width, "height": scene.size.height,
      "background": scene.background.map(hex) ?? NSNull(), "ops": ops,
    ]
  }

  static func hex(_ c: Color) -> String {
    func b(_ v: Double) -> String {
      let n = Int((max(0, min(1, v)) * 255).rounded())
      return String(n, radix: 16).count == 1 ? "0" + String(n, radix: 16) : String(n, radix: 16)
    }
    return "#" + b(c.red) + b(c.green) + b(c.blue) + b(c.alpha)
  }

  static func path(_ p: Path, _ o: Point, _ s: Double) -> [[Any]] {
    p.elements.map { e -> [Any] in
      func t(_ q: Point) -> [Double] { [o.x + q.x * s, o.y + q.y * s] }
      switch e {
      case .move(let q): return ["M"] + t(q)
      case .line(let q): return ["L"] + t(q)
      case .curve(let a, let b, let c): return ["C"] + t(a) + t(b) + t(c)
      case .close: return ["Z"]
      }
    }
  }

  static func walk(_ p: Primitive, offset o: Point, scale s: Double, measurer: TextMeasurer, into ops: inout [[String: Any]]) throws {
    switch p {
    case .fill(let path, let color):
      ops.append(["op": "fill", "path": Self.path(path, o, s), "color": hex(color)])
    case .stroke(let path, let style):
      ops.append([
        "op": "stroke", "path": Self.path(path, o, s), "color": hex(style.color), "width": style.width * s,
        "dash": style.dash.map { $0 * s }, "cap": style.cap.rawValue, "join": style.join.rawValue,
      ])
    case .text(let item):
      guard !item.text.isEmpty else { return }
      let m = try measurer.measure(item.text, style: item.style, spans: item.spans, maxWidth: item.maxWidth)
      let frame = TextLayoutBox.frame(for: item, metrics: m)
      let lines = try measurer.lines(item.text, style: item.style, spans: item.spans, maxWidth: item.maxWidth ?? 100_000)
      let scalars = Array(item.text.unicodeScalars)
      let (ha, x): (String, Double)
      switch item.style.alignment {
      case .right: (ha, x) = ("right", frame.maxX)
      case .center: (ha, x) = ("center", frame.midX)
      default: (ha, x) = ("left", frame.minX)
      }
      for line in lines {
        var text = String(String.UnicodeScalarView(scalars[max(0, line.start)..<min(scalars.count, line.end)]))
        while text.last == " " || text.last == "\n" { text.removeLast() }
        guard !text.isEmpty else { continue }
        ops.append([
          "op": "text", "text": text, "x": o.x + x * s, "y": o.y + (frame.minY + line.baseline) * s,
          "size": item.style.font.size * s, "weight": item.style.font.weight.rawValue, "italic": item.style.font.italic,
          "color": hex(item.style.color), "ha": ha,
        ])
      }
    case .clip(_, let children), .group(_, let children):
      for c in children { try walk(c, offset: o, scale: s, measurer: measurer, into: &ops) }
    case .transform(let offset, let scale, let children):
      let k = scale.isFinite && scale > 0 ? scale : 1
      let o2 = Point(o.x + offset.x * s, o.y + offset.y * s)
      for c in children { try walk(c, offset: o2, scale: s * k, measurer: measurer, into: &ops) }
    case .link, .anchor:
      break
    }
  }
}
