// libFuzzer target: the article extractor (`brief extract`) on arbitrary text. Built by fuzz/build.sh.
import BriefExtract
import BriefModel

let fuzzVocabulary = Vocabulary(
  measures: [MeasureDefinition(id: "workers", label: "Workers in {place}", dimensions: [.count], units: ["workers", "people"], nature: .stock)],
  units: [CountUnit(id: "workers", singular: "worker"), CountUnit(id: "people", singular: "person")],
  places: [Place(id: "Russia", kind: "country", code: "ru"), Place(id: "North Korea", kind: "country", code: "kp")])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExtract(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
  let published = (try? EDTFDate.parse("2021-02-14")) ?? EDTFDate(.interval(start: .open, end: .open))
  let count = text.unicodeScalars.count
  for markdown in [false, true] {
    let drafts = Extractor.extract(text, file: "a.txt", source: "s", published: published, vocabulary: fuzzVocabulary, markdown: markdown)
    var ids = Set<String>()
    for d in drafts {
      // Every value and period is valid dataset notation, every quote lies inside the text and its sentence.
      precondition((try? ReportedValue.parse(d.value.description)) != nil, "value \(d.value)")
      precondition((try? EDTFDate.parse(d.period)) != nil, "period \(d.period)")
      precondition(d.quote.sentence.lowerBound >= 0 && d.quote.sentence.upperBound <= count, "sentence out of the text")
      precondition(d.quote.figure.lowerBound >= d.quote.sentence.lowerBound, "figure before its sentence")
      precondition(ids.insert(d.id).inserted, "id \(d.id) twice")
    }
    _ = DraftWriter.yaml(drafts, file: "a.txt", source: "s", published: "2021-02-14")
  }
  return 0
}
