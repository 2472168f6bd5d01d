/// Splits a formula into tokens.
///
/// Names are ids as the dataset writes them: letters, digits, `-`, `_` and `.`, starting with a
/// letter or `_`, so `cn-work-visas-2013` is one name and `a - b` is a subtraction (write spaces
/// around a minus that follows a name). A number may end in `%`: `17%` is the number 0.17.
public enum Lexer {
  /// Most tokens a formula may have; longer formulas are refused, not slowly parsed.
  public static let maxTokens = 2_000

  /// The tokens of `text`, ending with `.end`; throws ``ExpressionError`` at the first bad character.
  public static func tokens(_ text: String) throws -> [Token] {
    var result: [Token] = []
    let characters = Array(text)
    var i = 0
    var line = 1
    var column = 1
    func advance(_ n: Int = 1) {
      for _ in 0..<n where i < characters.count {
        if characters[i] == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
        i += 1
      }
    }
    func isNameStart(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c == "_") }
    func isNamePart(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "." || c == "-") }
    while i < characters.count {
      let c = characters[i]
      let position = TextPosition(line: line, column: column)
      if c == " " || c == "\t" || c == "\n" || c == "\r" {
        advance()
        continue
      }
      if result.count >= maxTokens {
        throw ExpressionError(position, Messages.formulaTooLong(maxTokens))
      }
      if c.isASCII && c.isNumber {
        var j = i
        var sawDot = false
        while j < characters.count, characters[j].isASCII,
          characters[j].isNumber || characters[j] == "_" || (characters[j] == "." && !sawDot)
        {
          if characters[j] == "." {
            // A dot must be followed by a digit to belong to the number.
            guard j + 1 < characters.count, characters[j + 1].isASCII, characters[j + 1].isNumber else { break }
            sawDot = true
          }
          j += 1
        }
        let written = String(characters[i..<j])
        let digits = written.filter { $0 != "_" }
        guard let value = Double(digits), value.isFinite, digits.count <= 30 else {
          throw ExpressionError(position, Messages.badNumber(written))
        }
        let percent = j < characters.count && characters[j] == "%"
        let length = j - i + (percent ? 1 : 0)
        result.append(Token(kind: .number(percent ? value / 100 : value, percent: percent), position: position, text: written + (percent ? "%" : "")))
        advance(length)
        if i < characters.count, isNameStart(characters[i]) {
          throw ExpressionError(TextPosition(line: line, column: column), Messages.nameAfterNumber(written))
        }
        continue
      }
      if isNameStart(c) {
        var j = i
        while j < characters.count, isNamePart(characters[j]) { j += 1 }
        // A name does not end in '-' or '.': "a- b" is "a" minus "b".
        while j > i + 1, characters[j - 1] == "-" || characters[j - 1] == "." { j -= 1 }
        let name = String(characters[i..<j])
        result.append(Token(kind: .name(name), position: position, text: name))
        advance(j - i)
        continue
      }
      if c == "\"" {
        var j = i + 1
        while j < characters.count, characters[j] != "\"", characters[j] != "\n" { j += 1 }
        guard j < characters.count, characters[j] == "\"" else {
          throw ExpressionError(position, Messages.unclosedText)
        }
        let value = String(characters[(i + 1)..<j])
        result.append(Token(kind: .text(value), position: position, text: "\"" + value + "\""))
        advance(j - i + 1)
        continue
      }
      if "+-*/(){}[],:".contains(c) {
        result.append(Token(kind: .symbol(c), position: position, text: String(c)))
        advance()
        continue
      }
      throw ExpressionError(position, Messages.badCharacter(c))
    }
    result.append(Token(kind: .end, position: TextPosition(line: line, column: column), text: ""))
    return result
  }
}
