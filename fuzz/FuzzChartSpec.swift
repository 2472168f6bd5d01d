// libFuzzer target: ChartSpecLoader.load(yaml:file:), then, for specs that load and need no
// dataset (inline `bars:`), the chart compiled to a Scene with fixed text metrics.
// Built by fuzz/build.sh.
import BriefCharts
import BriefScene

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChartSpec(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let specs = try? ChartSpecLoader.load(yaml: text, file: "fuzz.yaml") else { return 0 }
  let compiler = ChartCompiler(context: nil)
  for spec in specs.prefix(4) {
    _ = try? compiler.scene(spec, style: .standard, measurer: FixedMeasurer())
  }
  return 0
}
