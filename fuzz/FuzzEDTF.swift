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
  // Widening for comparisons only ever adds days, and keeps them ordered.
  if let earliest = date.earliest, let widened = date.widenedEarliest {
    precondition(widened <= earliest, "\(text): widened start \(widened) after \(earliest)")
  }
  if let latest = date.latest, let widened = date.widenedLatest {
    precondition(latest <= widened, "\(text): widened end \(widened) before \(latest)")
  }
  if let a = date.widenedEarliest, let b = date.widenedLatest {
    precondition(a <= b, "\(text): widened \(a) after \(b)")
  }
  precondition((date.earliest == nil) == (date.widenedEarliest == nil), "\(text): an end appears or vanishes when widened")
  precondition((date.latest == nil) == (date.widenedLatest == nil), "\(text): an end appears or vanishes when widened")
  for point in date.points {
    precondition(point.earliest <= point.latest, "\(text): a point's days out of order")
    precondition((0...9999).contains(point.year), "\(text): year \(point.year)")
    _ = point.displayText
  }
  if case .interval(let start, let end) = date.form {
    precondition(start.point != nil || end.point != nil, "\(text): an interval without a date")
  }
  if let year = date.referenceYear { precondition((0...9999).contains(year), "\(text): reference year \(year)") }
  _ = date.displayText
  _ = date.isQualified
  precondition(date.overlaps(date) && date.mayCoincide(with: date), "\(text): does not overlap itself")
  precondition((try? EDTFDate.parse(date.description)) == date, "\(text) -> \(date.description) does not parse back")
  return 0
}
