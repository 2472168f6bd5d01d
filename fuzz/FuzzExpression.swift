// libFuzzer target: the expression engine. An input whose first byte is even is a formula: it is
// parsed, then run as the formula of three derivations over a small dataset (one per
// observation, one per consecutive pair by destination, one plain), so the checker, the
// dependency order, the templates, the evaluator and the method and caveat texts all see it. An
// odd first byte makes the rest a whole derived.yaml, read into the same dataset (loaded once).
// Built by fuzz/build.sh.
import BriefModel
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpression(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeBufferPointer(start: data, count: size)
  var derived = Data(bytes.dropFirst())
  if (bytes.first ?? 0) % 2 == 0 {
    let text = String(decoding: derived, as: UTF8.self)
    guard (try? Parser.parse(text)) != nil else { return 0 }
    // A YAML double-quoted scalar holding the formula as it is.
    var quoted = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": quoted += "\\\\"
      case "\"": quoted += "\\\""
      case "\n": quoted += "\\n"
      default: quoted += scalar.value < 0x20 || scalar.value == 0x7F ? String(format: "\\x%02X", scalar.value) : String(scalar)
      }
    }
    quoted += "\""
    derived = Data(
      """
      - id: "each-{id}"
        family: each
        for-each: {}
        formula: \(quoted)
        unit: "{unit}"
      - id: "pair-{id}"
        family: pair
        for-each: {family: each}
        group-by: destination
        pairs: consecutive
        formula: \(quoted)
        unit: "%"
      - id: plain
        formula: \(quoted)
        unit: USD/month

      """.utf8)
  }
  if (bytes.first ?? 0) % 2 == 0 {
    // The formula as a brief writes it, {{= …}}: run after the dataset's derivations.
    let text = String(decoding: bytes.dropFirst(), as: UTF8.self)
    if let e = try? Engine.evaluate(text, at: SourceLocation(file: "fuzz.md", line: 1, column: 4), in: fuzzBase) { _ = e.formatted() }
  }
  let (dataset, errors) = DatasetLoader.withDerivations(fuzzBase, yaml: derived, file: "fuzz/derived.yaml")
  for e in errors { _ = e.description }
  let result = Analysis.run(dataset)
  for e in result.estimates {
    _ = e.formatted()
    if let low = e.interval.low, let high = e.interval.high { precondition(low <= high, "\(e.id): \(e.interval)") }
  }
  return 0
}

/// A small valid dataset with observations of every kind the seeds' derivations select.
let fuzzFiles: [String: Data] = {
  let files = [
    "sources.yaml": """
      - id: src-a
        outlet: Daily NK
        published: 2021-02
        language: en
      - id: src-b
        outlet: RFA
        published: 2024-12
        language: en
      """,
    "observations.yaml": """
      - {id: visas, measure: work-visas, value: 93300, unit: visas, period: 2013, destination: China, source: src-a}
      - {id: growth, measure: work-visa-growth, value: "~17%", unit: "%", period: 2013, destination: China, source: src-a}
      - {id: wage-a, measure: wage, value: "~800", unit: USD/month, period: 2024-10, destination: Russia, source: src-b}
      - {id: wage-b, measure: wage, value: 50000, unit: CNY/year, period: ../2024-12, destination: China, source: src-b}
      - {id: wage-p, measure: wage-promised, value: 3000, unit: CNY/month, period: 2024, destination: China, source: src-a}
      - {id: bribe-a, measure: bribe, value: 3500..4000, unit: USD, period: 2021-01, origin: Sinuiju, destination: Russia, source: src-a}
      - {id: bribe-b, measure: bribe, value: "<=2000", unit: USD, period: 2021-01, job: misc, destination: Russia, source: src-a}
      - {id: ratio, measure: bribe-ratio, value: 2, unit: times, period: 2021-01, origin: Sinuiju, relative-to: Pyongyang, destination: Russia, source: src-a}
      - {id: offer, measure: bribe-offered, value: "<12", unit: months, period: 2014-04, destination: Russia, source: src-a}
      - {id: quota, measure: remittance-quota, value: "~700", unit: USD/month, period: 2022-01/2022-02, destination: Russia, source: src-a}
      - {id: share, measure: wage-share-kept, value: "<10%", unit: "%", period: 2010, destination: Russia, source: src-a}
      - {id: workers-a, measure: workers, value: ">=10000", unit: workers, period: 2010, destination: Russia, source: src-a}
      - {id: workers-b, measure: workers, value: "~4000", unit: workers, period: ../2017, destination: Russia, source: src-b}
      - {id: stay, measure: dispatch-duration, value: "1..2", unit: years, period: 2024, destination: Russia, source: src-b}
      - {id: zero, measure: wage, value: "0..200", unit: USD/month, period: 2024, destination: Iran, source: src-b}
      """,
    "vocabulary.yaml": """
      measures:
        - {id: work-visas, label: "Work visas issued by {place}", dimension: count, units: [visas], nature: flow}
        - {id: work-visa-growth, label: "Growth of work visas issued by {place}", dimension: percent, nature: flow}
        - {id: wage, label: "Wage in {place}", dimension: money-per-period, nature: stock}
        - {id: wage-promised, label: "Wage promised in {place}", dimension: money-per-period, nature: stock, caveat: a promised wage}
        - {id: bribe, label: "Bribe in {place}", dimension: money, nature: stock}
        - {id: bribe-ratio, label: "Ratio of bribes in {place}", dimension: ratio, nature: stock}
        - {id: bribe-offered, label: "Bribe offered in {place}", dimension: [money, duration], nature: stock, caveat: an offer}
        - {id: remittance-quota, label: "Quota in {place}", dimension: money-per-period, nature: stock}
        - {id: wage-share-kept, label: "Share kept in {place}", dimension: percent, nature: stock}
        - {id: workers, label: "Workers in {place}", dimension: count, units: [workers], nature: stock}
        - {id: dispatch-duration, label: "Time abroad in {place}", dimension: duration, nature: stock}
      units:
        - {id: visas, singular: visa}
        - {id: workers, singular: worker}
      places:
        - {id: China, kind: country, code: cn}
        - {id: Russia, kind: country, code: ru}
        - {id: Iran, kind: country, code: ir}
        - {id: North Korea, kind: country, code: kp}
        - {id: Sinuiju, kind: city, parent: North Korea}
        - {id: Pyongyang, kind: city, parent: North Korea}
      """,
    "events.yaml": "[]\n",
    "rates.yaml": """
      - {id: usd-cny, base: USD, quote: CNY, rate: 7.1358, date: 2024-07-24, source: src-a}
      - {id: usd-cny-old, base: USD, quote: CNY, rate: "~6.5", date: 2014, source: src-a}
      """,
  ]
  return Dictionary(uniqueKeysWithValues: files.map { ("fuzz/" + $0.key, Data($0.value.utf8)) })
}()


/// The dataset without derivations, loaded once.
let fuzzBase: Dataset = {
  let (dataset, errors) = DatasetLoader.loadCollectingErrors(directory: "fuzz") { fuzzFiles[$0] }
  precondition(errors.isEmpty, "the fuzz target's dataset must load: \(errors)")
  return dataset
}()
