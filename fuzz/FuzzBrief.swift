// libFuzzer target: BriefParser.parse(text:file:) on arbitrary text. Built by fuzz/build.sh.
import BriefDocument

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzBrief(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  if let spec = try? BriefParser.parse(text: text, file: "fuzz.md") {
    _ = spec.blocks.count
  }
  return 0
}
