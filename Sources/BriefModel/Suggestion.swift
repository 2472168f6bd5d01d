/// Helps a reader who mistyped an id: the known ids that share the longest beginning with it.
public enum Suggestion {
  /// `; did you mean "a", "b"?` with up to three known ids sharing at least three leading characters
  /// with `id`, longest shared beginning first; empty when none comes close.
  public static func didYouMean(_ id: String, among known: [String]) -> String {
    func common(_ a: String, _ b: String) -> Int { zip(a, b).prefix { $0 == $1 }.count }
    let best = known.map { ($0, common($0, id)) }.filter { $0.1 >= 3 }.sorted { ($0.1, $1.0) > ($1.1, $0.0) }.prefix(3)
    return best.isEmpty ? "" : "; did you mean " + best.map { "\"\($0.0)\"" }.joined(separator: ", ") + "?"
  }
}
