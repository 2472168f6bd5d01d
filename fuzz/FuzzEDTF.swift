// libFuzzer target: EDTFDate.parse on arbitrary text. Built by fuzz/build.sh.
import BriefModel

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEDTF(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  guard let date = try? EDTFDate.parse(text) else { return 0 }
  // A date that parses has ordered days, words, and parses back to itself.
  if let earliest = date.earliest, let latest = date.latest {
    precondition(earliest <= latest, "\(text): \(earliest) after \(latest)")
    _ = earliest.days(to: latest)
  }
  _ = date.displayText
  _ = date.isQualified
  _ = date.referenceYear
  _ = date.overlaps(date)
  precondition((try? EDTFDate.parse(date.description)) == date, "\(text) -> \(date.description) does not parse back")
  return 0
}
