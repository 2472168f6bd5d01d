import Foundation
import Yams

extension EntryReader {
  static let derivationFields = [
    "id", "family", "for-each", "group-by", "pairs", "let", "formula", "unit", "label", "series", "facets", "note",
    "caveats",
  ]

  /// Where a scalar's text starts: after the quote of a quoted scalar, on the next line for a block scalar.
  func formulaText(_ node: Node, _ entry: Entry) -> FormulaText {
    let base = location(of: node, file: entry.file, fallback: entry.location)
    guard case .scalar(let scalar) = node else { return FormulaText(file: base.file, line: base.line, column: base.column) }
    switch scalar.style {
    case .singleQuoted, .doubleQuoted: return FormulaText(file: base.file, line: base.line, column: base.column + 1)
    case .literal, .folded: return FormulaText(file: base.file, line: base.line + 1, column: entry.location.column + 2)
    default: return FormulaText(file: base.file, line: base.line, column: base.column)
    }
  }

  /// A formula field: parsed, or an error located at the offending token.
  mutating func formula(_ entry: Entry, _ key: String, node: Node) -> (Expr, FormulaText)? {
    guard case .scalar(let scalar) = node, !node.isNull else {
      report(node, or: entry.location, key, "a formula (text)", Self.describe(node))
      return nil
    }
    var text = formulaText(node, entry)
    text.source = scalar.string
    do {
      return (try Parser.parse(scalar.string), text)
    } catch let e as ExpressionError {
      errors.append(text.error(e, field: key))
    } catch {
      errors.append(DatasetError(at: text.location(TextPosition(line: 1, column: 1)), field: key, expected: "a formula", found: "\(error)"))
    }
    return nil
  }

  mutating func pattern(_ text: String, _ location: SourceLocation, _ field: String) -> Pattern? {
    do {
      return try Pattern.parse(text)
    } catch let e as ExpressionError {
      errors.append(DatasetError(at: location, field: field, expected: e.message.expected, found: e.message.found))
    } catch {}
    return nil
  }

  /// `for-each`: a mapping of selection fields to a value or a list of values.
  mutating func selection(_ entry: Entry, _ node: Node) -> (SelectionSyntax, FormulaText)? {
    let base = formulaText(node, entry)
    guard case .mapping(let mapping) = node else {
      report(node, or: entry.location, "for-each", "a selection such as {measure: wage}", Self.describe(node))
      return nil
    }
    var conditions: [SelectionSyntax.Condition] = []
    for (key, value) in mapping {
      let mark = key.location(in: entry.file)
      let position = TextPosition(
        line: mark.line - base.line + 1, column: mark.line == base.line ? mark.column - base.column + 1 : mark.column)
      guard case .scalar(let k) = key else { continue }
      var values: [SelectionValue] = []
      switch value {
      case .scalar(let s): values = [.literal(s.string)]
      case .sequence(let items):
        for case .scalar(let s) in items { values.append(.literal(s.string)) }
      default:
        report(value, or: entry.location, k.string, "a value or a list of values", Self.describe(value))
      }
      if !SelectionFields.all.contains(k.string) {
        errors.append(DatasetError(at: mark, field: "for-each", expected: Messages.unknownSelectionField(k.string).expected, found: "\"\(k.string)\""))
      }
      conditions.append(SelectionSyntax.Condition(field: k.string, position: position, values: values))
    }
    return (SelectionSyntax(conditions: conditions), base)
  }

  /// Every derivation of the file at `path`.
  mutating func derivations(path: String, reading read: (String) throws -> [UInt8]) -> [Derivation] {
    entries(path: path, collection: "derivations", reading: read).compactMap { derivation($0) }
  }

  /// One entry of `derived.yaml`.
  mutating func derivation(_ entry: Entry) -> Derivation? {
    checkKnownFields(entry, Self.derivationFields)
    guard let (idText, idLocation) = string(entry, "id") else { return nil }
    let id = pattern(idText, idLocation, "id")
    var family = string(entry, "family", required: false)?.0
    if family == nil {
      if id?.isPlain == true {
        family = idText
      } else {
        errors.append(
          DatasetError(at: idLocation, field: "family", expected: "a family name for a template (its id has {…})", found: "the field missing"))
      }
    }
    var forEach: (SelectionSyntax, FormulaText)?
    if let (node, _) = entry.value("for-each"), !node.isNull { forEach = selection(entry, node) }
    let groupBy = string(entry, "group-by", required: false)
    if let (field, location) = groupBy, !SelectionFields.all.contains(field) {
      errors.append(DatasetError(at: location, field: "group-by", expected: Messages.unknownSelectionField(field).expected, found: "\"\(field)\""))
    }
    var pairs = false
    if let (text, location) = string(entry, "pairs", required: false) {
      if text == "consecutive" {
        pairs = true
      } else {
        errors.append(DatasetError(at: location, field: "pairs", expected: "consecutive", found: "\"\(text)\""))
      }
    }
    if (groupBy != nil || pairs), forEach == nil, entry.value("for-each") == nil {
      errors.append(DatasetError(at: entry.location, field: "for-each", expected: "a for-each selection for group-by and pairs", found: "the field missing"))
    }
    if id?.isPlain == true, forEach != nil {
      errors.append(DatasetError(at: idLocation, field: "id", expected: "an id pattern with {…} for a template (for-each)", found: "\"\(idText)\""))
    }
    var lets: [Derivation.Binding] = []
    if let (node, _) = entry.value("let"), !node.isNull {
      if case .mapping(let mapping) = node {
        for (key, value) in mapping {
          guard case .scalar(let name) = key else { continue }
          if let (expr, text) = formula(entry, "let." + name.string, node: value) {
            lets.append(Derivation.Binding(name: name.string, expr: expr, text: text))
          }
        }
      } else {
        report(node, or: entry.location, "let", "names with formulas (a mapping)", Self.describe(node))
      }
    }
    var parsed: (Expr, FormulaText)?
    if let (node, _) = entry.value("formula"), !node.isNull {
      parsed = formula(entry, "formula", node: node)
    } else {
      errors.append(DatasetError(at: entry.location, field: "formula", expected: "a value for 'formula'", found: "the field missing"))
    }
    var unit: Unit?
    var unitGiven = false
    if let (text, location) = string(entry, "unit") {
      unitGiven = true
      unit = Unit(text, countNouns: vocabulary.units) ?? (vocabularyRead ? nil : Unit(spelled: text))
      if text == "{unit}" {
        if forEach == nil {
          errors.append(DatasetError(at: location, field: "unit", expected: "a unit such as USD/month (\"{unit}\" needs for-each)", found: "\"\(text)\""))
        }
      } else if unit == nil {
        errors.append(DatasetError(at: location, field: "unit", expected: Unit.knownUnitsDescription(countNouns: vocabulary.units) + ", or \"{unit}\" (the unit of each input)", found: "\"\(text)\""))
        unitGiven = false
      }
    }
    let label = string(entry, "label", required: false).flatMap { pattern($0.0, $0.1, "label") }
    let series = string(entry, "series", required: false).flatMap { pattern($0.0, $0.1, "series") }
    var facets: [String: Pattern] = [:]
    if let (node, _) = entry.value("facets"), !node.isNull {
      if case .mapping(let mapping) = node {
        for (key, value) in mapping {
          guard case .scalar(let k) = key, case .scalar(let v) = value else {
            report(value, or: entry.location, "facets", "a text pattern per facet", Self.describe(value))
            continue
          }
          if let p = pattern(v.string, value.location(in: entry.file), "facets." + k.string) { facets[k.string] = p }
        }
      } else {
        report(node, or: entry.location, "facets", "facets with text patterns (a mapping)", Self.describe(node))
      }
    }
    let note = string(entry, "note", required: false)?.0
    let caveats = strings(entry, "caveats", expected: "a list of caveats").compactMap { pattern($0, entry.location, "caveats") }
    guard let id, let family, let (formula, formulaText) = parsed, unitGiven else { return nil }
    return Derivation(
      id: id, idLocation: idLocation, family: family, forEach: forEach?.0, forEachText: forEach?.1, groupBy: groupBy?.0,
      pairs: pairs, lets: lets, formula: formula, formulaText: formulaText, unit: unit, label: label, series: series,
      facets: facets, note: note, caveats: caveats, location: entry.location)
  }
}
