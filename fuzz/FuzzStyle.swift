// libFuzzer target: StyleFile.load with a read closure. The input is styles/fuzz.yaml;
// `extends: default` (or print, slides) reads the repository's style. Built by fuzz/build.sh.
import BriefCharts
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzStyle(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let styles = ProcessInfo.processInfo.environment["FUZZ_STYLES"] ?? "styles"
  _ = try? StyleFile.load("fuzz", stylesDirectory: styles) { path in
    if path == styles + "/fuzz.yaml" { return text }
    guard let data = FileManager.default.contents(atPath: path) else { throw CocoaError(.fileNoSuchFile) }
    return String(decoding: data, as: UTF8.self)
  }
  return 0
}
