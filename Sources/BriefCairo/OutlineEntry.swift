/// A PDF bookmark: a title at a nesting level (1 for top), opening a named anchor.
public struct OutlineEntry: Equatable, Sendable {
  public var level: Int
  public var title: String
  public var anchor: String

  public init(level: Int, title: String, anchor: String) {
    self.level = level
    self.title = title
    self.anchor = anchor
  }
}
