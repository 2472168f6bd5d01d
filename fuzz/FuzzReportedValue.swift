// libFuzzer target: ReportedValue.parse on arbitrary text. Built by fuzz/build.sh.
import BriefModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReportedValue(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let value = try? ReportedValue.parse(text) else { return 0 }
  // A value that parses is finite, ordered, and survives formatting and a round trip.
  if let low = value.interval.low, let high = value.interval.high {
    precondition(low.isFinite && high.isFinite && low <= high, "bad interval for \(text)")
  }
  if let estimate = value.estimate { precondition(estimate.isFinite, "bad estimate for \(text)") }
  _ = value.formatted(unit: "USD")
  _ = value.formatted(unit: "%", maxDecimals: 0)
  let again = try? ReportedValue.parse(value.description)
  precondition(again?.kind == value.kind, "\(text) -> \(value.description) does not parse back to \(value.kind)")
  return 0
}
