import BriefModel

/// The words of news English the extractor reads: hedges, number words, units and time words.
///
/// Every list is lowercase; phrases are single-spaced. The dataset's own words (count units and
/// places) come from its vocabulary, not from here.
enum Lexicon {
  /// Hedges written before a figure, longest first within a kind, and the kind they give.
  static let hedges: [(phrase: String, kind: ReportedValue.Kind)] = [
    ("no fewer than", .atLeast), ("not fewer than", .atLeast), ("no less than", .atLeast), ("not less than", .atLeast),
    ("a minimum of", .atLeast), ("upwards of", .atLeast), ("at least", .atLeast),
    ("no more than", .atMost), ("not more than", .atMost), ("a maximum of", .atMost), ("as many as", .atMost),
    ("as much as", .atMost), ("at most", .atMost), ("up to", .atMost),
    ("in excess of", .moreThan), ("greater than", .moreThan), ("more than", .moreThan), ("just over", .moreThan),
    ("well over", .moreThan), ("exceeding", .moreThan), ("over", .moreThan), ("above", .moreThan),
    ("fewer than", .lessThan), ("less than", .lessThan), ("just under", .lessThan), ("under", .lessThan),
    ("below", .lessThan),
    ("an estimated", .approximate), ("approximately", .approximate), ("an approximate", .approximate),
    ("estimated", .approximate), ("close to", .approximate), ("roughly", .approximate), ("around", .approximate),
    ("about", .approximate), ("nearly", .approximate), ("almost", .approximate), ("some", .approximate),
    ("circa", .approximate), ("approx.", .approximate), ("ca.", .approximate), ("~", .approximate),
  ]

  /// Words after a figure that make it a bound: "10 or more".
  static let trailingBounds: [(phrase: String, kind: ReportedValue.Kind)] = [
    ("or more", .atLeast), ("or above", .atLeast), ("or over", .atLeast), ("plus", .atLeast), ("+", .atLeast),
    ("or less", .atMost), ("or fewer", .atMost), ("or under", .atMost),
  ]

  static let ones: [String: Double] = [
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
  ]
  static let tens: [String: Double] = [
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
  ]
  static let scales: [String: Double] = [
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "mln": 1_000_000, "billion": 1_000_000_000,
    "bn": 1_000_000_000, "trillion": 1_000_000_000_000,
  ]
  /// Vague amounts: "tens of thousands" is kept as 20,000–90,000 and flagged.
  static let vagueMultiples: [String: (Double, Double)] = [
    "dozens": (24, 96), "hundreds": (200, 900), "thousands": (2_000, 9_000), "millions": (2_000_000, 9_000_000),
    "billions": (2_000_000_000, 9_000_000_000),
  ]

  /// Currencies by code and name (lowercase) after a number.
  static let currencyWords: [String: Currency] = [
    "dollars": .usd, "dollar": .usd, "usd": .usd, "yuan": .cny, "rmb": .cny, "cny": .cny, "renminbi": .cny,
    "won": .krw, "krw": .krw, "kpw": .kpw, "rubles": .rub, "ruble": .rub, "roubles": .rub, "rouble": .rub,
    "rub": .rub, "euros": .eur, "euro": .eur, "eur": .eur, "yen": .jpy, "jpy": .jpy,
  ]
  /// Currency codes and symbols before a number.
  static let currencyPrefixes: [String: Currency] = [
    "usd": .usd, "rmb": .cny, "cny": .cny, "krw": .krw, "kpw": .kpw, "rub": .rub, "eur": .eur, "jpy": .jpy,
  ]
  static let currencySymbols: [Unicode.Scalar: Currency] = ["$": .usd, "¥": .cny, "€": .eur, "₩": .krw, "₽": .rub]

  static let durations: [String: String] = [
    "year": "years", "years": "years", "yrs": "years", "month": "months", "months": "months", "week": "weeks",
    "weeks": "weeks", "day": "days", "days": "days", "hour": "hours", "hours": "hours",
  ]
  static let ratePeriods: [String: TimePeriod] = [
    "month": .month, "year": .year, "week": .week, "day": .day, "annum": .year,
  ]
  static let rateAdverbs: [String: TimePeriod] = [
    "monthly": .month, "annually": .year, "yearly": .year, "weekly": .week, "daily": .day,
  ]

  /// Nouns that count people without being one of the vocabulary's units, and the unit they mean.
  static let countSynonyms: [String: String] = [
    "laborers": "workers", "labourers": "workers", "laborer": "workers", "labourer": "workers",
    "koreans": "people", "persons": "people", "person": "people", "individuals": "people", "residents": "people",
    "citizens": "people", "men": "people", "women": "people", "nationals": "people", "loggers": "workers",
  ]

  /// Words that end the search for a count noun after a number.
  static let stopWords: Set<String> = [
    "the", "a", "an", "to", "in", "at", "for", "from", "with", "by", "and", "or", "but", "were", "was", "are", "is",
    "be", "been", "have", "has", "had", "will", "would", "could", "should", "can", "may", "that", "who", "which",
    "this", "these", "those", "on", "as", "per", "each", "than", "until", "since", "after", "before", "into",
    "their", "his", "her", "its", "our", "it", "they", "them", "he", "she", "we", "not", "also", "reportedly",
    "alone", "more", "less", "of",
  ]

  static let months: [String: Int] = [
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mar": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
  ]
  /// EDTF season codes (northern meteorological seasons).
  static let seasons: [String: Int] = ["spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24]

  /// Words and phrases that mean "at the time of publication".
  static let presentPhrases: [String] = [
    "from now on", "as of now", "at present", "these days", "currently", "today", "now", "this week",
  ]
  /// Phrases naming the years before the COVID-19 pandemic.
  static let beforePandemic: [String] = [
    "before covid-19", "before covid", "before the covid-19 pandemic", "before the pandemic", "before the coronavirus",
    "pre-pandemic", "pre-covid",
  ]
}
