import BriefModel

/// A guess at a field, with how sure it is (0…1).
public struct Guess: Equatable, Hashable, Sendable {
  /// The guessed value: a measure id, a place id, a sector.
  public var value: String
  /// How sure the guess is.
  public var confidence: Double
  /// Other candidates, best first.
  public var others: [String] = []

  public init(value: String, confidence: Double, others: [String] = []) {
    self.value = value
    self.confidence = confidence
    self.others = others
  }
}

/// Guesses the measure, places and sector of a figure from the words around it and the vocabulary.
///
/// The measure must suit the unit (the vocabulary's dimensions and count units); among those that
/// do, each scores by the words of its id found in the sentence, or words that mean them ("earn"
/// for `wage`, "defected" for `defections`), nearer words counting more.
struct Guesser {
  let r: FigureReader
  let vocabulary: Vocabulary
  /// Every way a place is written (id and aliases), with its id.
  let placeNames: [(name: [Unicode.Scalar], place: Place)]

  init(reader: FigureReader, vocabulary: Vocabulary) {
    r = reader
    self.vocabulary = vocabulary
    var names: [(name: [Unicode.Scalar], place: Place)] = []
    for place in vocabulary.places {
      for name in [place.id] + place.aliases where name.unicodeScalars.count >= 2 {
        names.append((Array(name.unicodeScalars), place))
      }
    }
    // Longest first, so "North Hamgyong Province" wins over "North Korea" where both could start.
    placeNames = names.sorted { $0.name.count > $1.name.count }
  }

  /// Prefixes of words that point to a word of measure ids.
  static let cues: [(prefix: String, words: [String])] = [
    ("earn", ["wage"]), ("salar", ["wage"]), ("wage", ["wage"]), ("income", ["wage"]), ("pay", ["wage"]),
    ("promis", ["promised"]), ("brib", ["bribe"]), ("visa", ["visas", "visa"]), ("gain", ["growth"]),
    ("rise", ["growth"]), ("increas", ["growth"]), ("growth", ["growth"]), ("select", ["selected", "selection"]),
    ("picked", ["selected"]), ("chosen", ["selected"]), ("left", ["departed"]), ("depart", ["departed"]),
    ("leav", ["departed"]), ("plan", ["planned"]), ("group", ["group", "size"]), ("team", ["group", "size"]),
    ("defect", ["defections"]), ("contract", ["contract", "term"]), ("dispatch", ["dispatch", "duration"]),
    ("stay", ["dispatch", "duration"]), ("abroad", ["dispatch"]), ("return", ["dispatch", "duration"]),
    ("limit", ["dispatch", "duration"]), ("period", ["duration"]), ("durat", ["duration"]), ("offer", ["remittance", "quota"]),
    ("quota", ["quota"]), ("remit", ["remittance"]), ("raise", ["remittance", "quota"]), ("kept", ["kept"]),
    ("keep", ["kept"]), ("receiv", ["kept", "share"]), ("share", ["share"]), ("twice", ["ratio"]), ("times", ["ratio"]),
    ("high", ["ratio"]), ("replac", ["replacement"]), ("recruit", ["recruit"]), ("age", ["age"]), ("work", ["workers"]),
    ("labor", ["workers"]), ("logger", ["workers"]), ("accept", ["workers"]), ("take", ["time"]), ("term", ["term"]),
  ]

  /// The id words a word points to.
  func cueWords(_ w: String) -> [String] {
    var result: [String] = []
    for cue in Self.cues where w.hasPrefix(cue.prefix) { result += cue.words }
    return result
  }

  static let sectors: [(prefix: String, sector: String)] = [
    ("construction", "construction"), ("logging", "logging"), ("logger", "logging"), ("woodcut", "logging"),
    ("seamstress", "garment"), ("garment", "garment"), ("clothes", "garment"), ("sewing", "garment"),
    ("factor", "manufacturing"), ("manufactur", "manufacturing"), ("farm", "farming"), ("agricultur", "farming"),
    ("mining", "mining"), ("restaurant", "restaurant"), ("fishing", "fishing"),
  ]

  /// The dimension a unit gives.
  static func dimension(of unit: String, vocabulary: Vocabulary) -> (MeasureDefinition.Dimension, String?)? {
    guard let parsed = Unit(unit, countNouns: vocabulary.units) else { return nil }
    switch parsed {
    case .count(let noun): return (.count, noun)
    case .money(_, let per): return (per == nil ? .money : .moneyPerPeriod, nil)
    case .percent: return (.percent, nil)
    case .ratio: return (.ratio, nil)
    case .duration: return (.duration, nil)
    }
  }

  /// The words of a sentence with their offsets, lowercase.
  func words(in range: Range<Int>) -> [(String, Int)] {
    var result: [(String, Int)] = []
    var i = range.lowerBound
    while i < range.upperBound {
      if let (w, e) = r.word(at: i) {
        result.append((w, i))
        i = e
      } else {
        i += 1
      }
    }
    return result
  }

  func measure(unit: String, core: Range<Int>, sentence: Range<Int>) -> Guess? {
    guard let (dimension, noun) = Self.dimension(of: unit, vocabulary: vocabulary) else { return nil }
    let candidates = vocabulary.measures.filter { m in
      m.dimensions.contains(dimension) && (noun == nil || m.units.isEmpty || m.units.contains(noun ?? ""))
    }
    guard !candidates.isEmpty else { return nil }
    let sentenceWords = words(in: sentence)
    var scores: [(String, Double)] = []
    for m in candidates {
      let idWords = m.id.split(separator: "-").map(String.init)
      var score = 0.0
      for idWord in idWords {
        var best = 0.0
        for (w, offset) in sentenceWords {
          let cued = cueWords(w).contains(idWord) || w.hasPrefix(idWord) || (idWord.count > 4 && w.hasPrefix(String(idWord.prefix(idWord.count - 1))))
          guard cued else { continue }
          let distance = Double(offset < core.lowerBound ? core.lowerBound - offset : Swift.max(0, offset - core.upperBound))
          best = Swift.max(best, 1 / (1 + distance / 60))
        }
        score += best > 0 ? best : -0.35
      }
      scores.append((m.id, score))
    }
    let ranked = scores.enumerated().sorted { a, b in
      a.element.1 != b.element.1 ? a.element.1 > b.element.1 : a.offset < b.offset
    }.map(\.element)
    guard let top = ranked.first else { return nil }
    let second = ranked.dropFirst().first?.1
    var confidence: Double
    if top.1 <= 0 {
      confidence = ranked.count == 1 ? 0.55 : 0.3
    } else if let second {
      confidence = 0.5 + 0.45 * Swift.min(1, (top.1 - Swift.max(second, 0)) / Swift.max(top.1, 0.5))
    } else {
      confidence = 0.9
    }
    confidence = (confidence * 100).rounded() / 100
    return Guess(value: top.0, confidence: confidence, others: ranked.dropFirst().prefix(2).map(\.0))
  }

  /// Places named in a range, with their offsets.
  func places(in range: Range<Int>) -> [(Place, Int)] {
    var result: [(Place, Int)] = []
    let o = r.t.scalars
    var i = range.lowerBound
    while i < range.upperBound {
      guard ArticleText.isLetter(o[i]), i == 0 || !ArticleText.isLetter(o[i - 1]) else { i += 1; continue }
      var matched = false
      for (name, place) in placeNames where i + name.count <= o.count && o[i] == name[0] {
        if o[i..<(i + name.count)].elementsEqual(name), i + name.count == o.count || !ArticleText.isLetter(o[i + name.count]) {
          result.append((place, i))
          i += name.count
          matched = true
          break
        }
      }
      if !matched { i += 1 }
    }
    return result
  }

  /// The country a place lies in (itself for a country).
  func country(of place: Place) -> Place? {
    var current = place
    for _ in 0..<10 {
      if current.kind == "country" { return current }
      guard let parent = current.parent, let next = vocabulary.place(parent) else { return nil }
      current = next
    }
    return nil
  }

  static let home = "North Korea"

  /// How far (in scalars) from a figure its guesses look.
  static let radius = 400

  /// Destination, destination-place and origin of a figure.
  func places(core: Range<Int>, sentence: Range<Int>, previous: Range<Int>?, articleDestination: Guess?) -> (destination: Guess?, destinationPlace: Guess?, origin: Guess?) {
    func nearest(_ found: [(Place, Int)]) -> [(Place, Int)] {
      found.sorted { abs($0.1 - core.lowerBound) < abs($1.1 - core.lowerBound) }
    }
    let here = nearest(places(in: sentence))
    var destination: Guess?
    var destinationPlace: Guess?
    var origin: Guess?
    for (place, _) in here {
      guard let country = country(of: place) else { continue }
      if country.id == Self.home {
        if place.id != Self.home && origin == nil { origin = Guess(value: place.id, confidence: 0.7) }
      } else if destination == nil {
        destination = Guess(value: country.id, confidence: 0.85)
        if place.id != country.id { destinationPlace = Guess(value: place.id, confidence: 0.7) }
      }
    }
    if destination == nil, let previous {
      for (place, _) in places(in: previous).reversed() {
        if let country = country(of: place), country.id != Self.home {
          destination = Guess(value: country.id, confidence: 0.6)
          break
        }
      }
    }
    if destination == nil, let articleDestination { destination = articleDestination }
    return (destination, destinationPlace, origin)
  }

  /// The country other than home the article names most, as a weak guess.
  func articleDestination() -> Guess? {
    var counts: [String: Int] = [:]
    var order: [String] = []
    for (place, _) in places(in: 0..<r.t.count) {
      guard let country = country(of: place), country.id != Self.home else { continue }
      if counts[country.id] == nil { order.append(country.id) }
      counts[country.id, default: 0] += 1
    }
    let total = counts.values.reduce(0, +)
    guard let top = order.max(by: { (counts[$0] ?? 0, -(order.firstIndex(of: $0) ?? 0)) < (counts[$1] ?? 0, -(order.firstIndex(of: $1) ?? 0)) }),
      total > 0
    else { return nil }
    let share = Double(counts[top] ?? 0) / Double(total)
    return Guess(value: top, confidence: (Swift.min(0.55, 0.3 + 0.3 * share) * 100).rounded() / 100)
  }

  func sector(core: Range<Int>, sentence: Range<Int>) -> Guess? {
    for (w, _) in words(in: sentence) {
      if let s = Self.sectors.first(where: { w.hasPrefix($0.prefix) }) { return Guess(value: s.sector, confidence: 0.7) }
    }
    return nil
  }
}
