import BriefModel
import Foundation
import XCTest

@testable import BriefDocument

final class BriefParserTests: XCTestCase {
  let file = "brief.md"

  /// Parses a brief of `frontMatter` lines (front matter lines 2…) and `body`.
  func parse(_ body: String, frontMatter: String = "title: T") throws -> BriefSpec {
    try BriefParser.parse(text: "---\n\(frontMatter)\n---\n\(body)", file: file)
  }

  /// The error parsing `text` throws, failing the test when there is none.
  func error(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> DatasetError? {
    do {
      let spec = try BriefParser.parse(text: text, file: self.file)
      XCTFail("expected an error, parsed \(spec.blocks)", file: file, line: line)
    } catch let error as DatasetError {
      return error
    } catch {
      XCTFail("expected a DatasetError, got \(error)", file: file, line: line)
    }
    return nil
  }

  /// The error of a body after a one-line front matter (the body starts on line 4).
  func bodyError(_ body: String, file: StaticString = #filePath, line: UInt = #line) -> DatasetError? {
    error("---\ntitle: T\n---\n\(body)", file: file, line: line)
  }

  func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }

  func placeholder(_ id: String, _ part: Placeholder.Part = .whole, _ line: Int, _ column: Int) -> Inline {
    .placeholder(Placeholder(id: id, part: part, location: at(line, column)))
  }

  /// The inlines of the first block, a paragraph or heading.
  func firstInlines(_ spec: BriefSpec, file: StaticString = #filePath, line: UInt = #line) -> [Inline] {
    switch spec.blocks.first {
    case .paragraph(let inlines, _)?, .heading(_, let inlines, _)?: return inlines
    default:
      XCTFail("expected a paragraph, got \(String(describing: spec.blocks.first))", file: file, line: line)
      return []
    }
  }

  // MARK: - A whole brief

  func testFullExampleBriefParsesIntoExactBlocks() throws {
    let text = """
      ---
      title: North Korean workers abroad
      subtitle: Monthly brief
      period: 2026-11
      authors: [A. Analyst, B. Analyst]
      organisation: Example Institute
      style: default
      classification: For internal distribution
      language: en-GB
      ---
      # Summary

      About {{ru-workers}} workers *remained* in **Russia**, between {{ru-workers.low}}
      and {{ru-workers.high}} ([source](https://example.org/a)).

      ![Bribes paid for selection](chart:bribes-for-selection)

      {{key-figures: ru-workers, bribe_sinuiju}}

      ## Wages

      1. First `code`
      2. Second
         - nested

      > Quoted {{wage.estimate}}

      | Place | Bribe |
      |:------|------:|
      | Sinuiju | {{bribe_sinuiju}} |

      {{table:bribes}}

      ---

      ```
      raw {{not-a-placeholder}}
      ```

      """
    let spec = try BriefParser.parse(text: text, file: file)
    var expectedFront = FrontMatter(
      title: "North Korean workers abroad", subtitle: "Monthly brief", period: try EDTFDate.parse("2026-11"),
      authors: ["A. Analyst", "B. Analyst"], organisation: "Example Institute", style: "default",
      classification: "For internal distribution", language: "en-GB")
    expectedFront.styleLocation = SourceLocation(file: file, line: 7, column: 8)
    XCTAssertEqual(spec.frontMatter, expectedFront)
    XCTAssertEqual(spec.file, file)
    let expected: [Block] = [
      .heading(level: 1, [.text("Summary")], at(11, 1)),
      .paragraph(
        [
          .text("About "), placeholder("ru-workers", .whole, 13, 7), .text(" workers "),
          .emphasis([.text("remained")]), .text(" in "), .strong([.text("Russia")]), .text(", between "),
          placeholder("ru-workers", .low, 13, 64), .softBreak, .text("and "),
          placeholder("ru-workers", .high, 14, 5), .text(" ("),
          .link(url: "https://example.org/a", [.text("source")]), .text(")."),
        ], at(13, 1)),
      .chart(id: "bribes-for-selection", alt: "Bribes paid for selection", at(16, 1)),
      .keyFigures(ids: ["ru-workers", "bribe_sinuiju"], at(18, 1)),
      .heading(level: 2, [.text("Wages")], at(20, 1)),
      .list(
        ordered: true, start: 1,
        items: [
          [.paragraph([.text("First "), .code("code")], at(22, 4))],
          [
            .paragraph([.text("Second")], at(23, 4)),
            .list(ordered: false, start: 1, items: [[.paragraph([.text("nested")], at(24, 6))]], at(24, 4)),
          ],
        ], at(22, 1)),
      .quote([.paragraph([.text("Quoted "), placeholder("wage", .estimate, 26, 10)], at(26, 3))], at(26, 1)),
      .table(
        header: [[.text("Place")], [.text("Bribe")]], alignments: [.left, .right],
        rows: [[[.text("Sinuiju")], [placeholder("bribe_sinuiju", .whole, 30, 13)]]], at(28, 1)),
      .generatedTable(name: "bribes", at(32, 1)),
      .rule(at(34, 1)),
      .code("raw {{not-a-placeholder}}", at(36, 1)),
    ]
    XCTAssertEqual(spec.blocks.count, expected.count)
    for (got, want) in zip(spec.blocks, expected) {
      XCTAssertEqual(got, want)
    }
  }

  // MARK: - Front matter

  func testFrontMatterDefaultsAndOneAuthor() throws {
    let spec = try parse("", frontMatter: "title: T\nauthors: A. Analyst\nsubtitle:\nstyle: ~")
    XCTAssertEqual(spec.frontMatter, FrontMatter(title: "T", authors: ["A. Analyst"]))
    XCTAssertEqual(spec.frontMatter.language, "en")
    XCTAssertNil(spec.frontMatter.period)
    XCTAssertNil(spec.frontMatter.style)
  }

  func testFrontMatterPeriodForms() throws {
    XCTAssertEqual(
      try parse("", frontMatter: "title: T\nperiod: 2026-11~").frontMatter.period, try EDTFDate.parse("2026-11~"))
    XCTAssertEqual(
      try parse("", frontMatter: "title: T\nperiod: 2026/..").frontMatter.period, try EDTFDate.parse("2026/.."))
  }

  func testMissingOpeningDelimiterIsAnErrorAtTheFirstLine() {
    let e = error("# Title\n\ntext\n")
    XCTAssertEqual(
      e?.description,
      "brief.md:1:1: error: front matter: expected a '---' line opening the YAML front matter on the first line, found \"# Title\""
    )
    XCTAssertEqual(error("")?.found, "an empty file")
  }

  func testMissingClosingDelimiterIsAnError() {
    let e = error("---\ntitle: T\n# Body\n")
    XCTAssertEqual(e?.line, 1)
    XCTAssertEqual(e?.field, "front matter")
    XCTAssertEqual(e?.found, "the end of the file")
  }

  func testInvalidYAMLIsLocatedInTheWholeFile() throws {
    let e = try XCTUnwrap(error("---\ntitle: T\nsubtitle: [unclosed\n---\n"))
    XCTAssertEqual(e.field, "yaml")
    XCTAssertGreaterThanOrEqual(e.line, 3)
    XCTAssertLessThanOrEqual(e.line, 4)
    let tab = try XCTUnwrap(error("---\ntitle: T\n  bad: indent\n---\n"))
    XCTAssertEqual(tab.field, "yaml")
    XCTAssertEqual(tab.line, 3)
  }

  func testUnknownKeyIsNamedAtItsLocation() {
    let e = error("---\ntitle: T\n\norganization: X\n---\n")
    XCTAssertEqual(e?.line, 4)
    XCTAssertEqual(e?.column, 1)
    XCTAssertEqual(e?.field, "organization")
    XCTAssertEqual(e?.found, "unknown key \"organization\"")
    XCTAssertTrue(e?.expected.contains("organisation") ?? false)
  }

  func testWrongTypesAreLocated() {
    let title = error("---\ntitle: [a, b]\n---\n")
    XCTAssertEqual(title?.description, "brief.md:2:8: error: title: expected a text, found a list")
    let authors = error("---\ntitle: T\nauthors:\n  - A\n  - {name: B}\n---\n")
    XCTAssertEqual(authors?.description, "brief.md:5:5: error: authors[1]: expected a name, found a mapping")
    let authorsMap = error("---\ntitle: T\nauthors: {a: b}\n---\n")
    XCTAssertEqual(authorsMap?.field, "authors")
    XCTAssertEqual(authorsMap?.line, 3)
  }

  func testBadPeriodAndLanguageAreLocated() {
    let period = error("---\ntitle: T\nperiod: November\n---\n")
    XCTAssertEqual(period?.line, 3)
    XCTAssertEqual(period?.column, 9)
    XCTAssertEqual(period?.field, "period")
    XCTAssertEqual(period?.expected, EDTFDate.syntaxDescription)
    let language = error("---\ntitle: T\nlanguage: english please\n---\n")
    XCTAssertEqual(language?.line, 3)
    XCTAssertEqual(language?.column, 11)
    XCTAssertEqual(language?.field, "language")
  }

  func testMissingOrEmptyTitleIsAnError() {
    XCTAssertEqual(
      error("---\nsubtitle: S\n---\n")?.description,
      "brief.md:1:1: error: title: expected a title in the front matter, found no title")
    XCTAssertEqual(error("---\n---\nbody\n")?.field, "title")
    XCTAssertEqual(error("---\ntitle: ''\n---\n")?.line, 2)
    XCTAssertEqual(error("---\ntitle:\n---\n")?.found, "an empty title")
  }

  func testFrontMatterThatIsNotAMappingIsAnError() {
    let e = error("---\n- a\n- b\n---\n")
    XCTAssertEqual(
      e?.description, "brief.md:2:1: error: front matter: expected a mapping of keys to values, found a list")
  }

  func testAliasBombInFrontMatterIsRejected() throws {
    var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x]\n"
    for level in 1...9 {
      let items = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
      yaml += "a\(level): &a\(level) [\(items)]\n"
    }
    // Rejected by the alias budget before Yams expands anything (speed is measured in bench/, not here).
    let e = try XCTUnwrap(error("---\ntitle: T\n\(yaml)---\n"))
    XCTAssertEqual(e.field, "yaml")
    XCTAssertGreaterThan(e.line, 2)
  }

  // MARK: - Placeholders

  func testEveryPlaceholderForm() throws {
    let spec = try parse("{{a}} {{a.low}} {{a.high}} {{a.estimate}} {{ b-c }} {{bribe_pyongyang}} {{X_1-y}}")
    XCTAssertEqual(
      firstInlines(spec),
      [
        placeholder("a", .whole, 4, 1), .text(" "), placeholder("a", .low, 4, 7), .text(" "),
        placeholder("a", .high, 4, 17), .text(" "), placeholder("a", .estimate, 4, 28), .text(" "),
        placeholder("b-c", .whole, 4, 43), .text(" "), placeholder("bribe_pyongyang", .whole, 4, 53), .text(" "),
        placeholder("X_1-y", .whole, 4, 73),
      ])
  }

  func testPlaceholdersInsideEmphasisLinksHeadingsAndAfterUnderscores() throws {
    let spec = try parse("## Bribes: {{bribe_a}}\n\n_about_ {{a_b_c}} *{{x}}* [{{y.low}}](https://e.org) {{p}}{{q}}")
    XCTAssertEqual(
      spec.blocks[0], .heading(level: 2, [.text("Bribes: "), placeholder("bribe_a", .whole, 4, 12)], at(4, 1)))
    XCTAssertEqual(
      firstInlines(try parse("_about_ {{a_b_c}} *{{x}}* [{{y.low}}](https://e.org) {{p}}{{q}}")),
      [
        .emphasis([.text("about")]), .text(" "), placeholder("a_b_c", .whole, 4, 9), .text(" "),
        .emphasis([placeholder("x", .whole, 4, 20)]), .text(" "),
        .link(url: "https://e.org", [placeholder("y", .low, 4, 28)]), .text(" "),
        placeholder("p", .whole, 4, 54), placeholder("q", .whole, 4, 59),
      ])
  }

  func testPlaceholderColumnsCountCharactersNotBytes() throws {
    // 한국 is six bytes and two characters; cmark reports byte columns.
    let spec = try parse("한국 노동자 {{ru-workers}} 명, {{b}}")
    XCTAssertEqual(
      firstInlines(spec),
      [.text("한국 노동자 "), placeholder("ru-workers", .whole, 4, 8), .text(" 명, "), placeholder("b", .whole, 4, 26)])
    let table = try parse("| 곳 | 뇌물 |\n|---|---|\n| 신의주 | {{bribe}} |")
    guard case .table(_, _, let rows, _) = table.blocks[0] else { return XCTFail("expected a table") }
    XCTAssertEqual(rows, [[[.text("신의주")], [placeholder("bribe", .whole, 6, 9)]]])
  }

  func testPlaceholderColumnsOnIndentedLazyAndEscapedLines() throws {
    // Continuation lines lose their indentation in cmark's columns; entities and escapes shorten literals.
    let spec = try parse("First line\n    indented {{a}}\n&amp; \\* {{b}} `{{c}}` {{c}}")
    XCTAssertEqual(
      firstInlines(spec),
      [
        .text("First line"), .softBreak, .text("indented "), placeholder("a", .whole, 5, 14), .softBreak,
        .text("& * "), placeholder("b", .whole, 6, 10), .text(" "), .code("{{c}}"), .text(" "),
        placeholder("c", .whole, 6, 24),
      ])
    let quote = try parse("> quoted\nlazy {{a}}")
    XCTAssertEqual(
      quote.blocks,
      [
        .quote(
          [.paragraph([.text("quoted"), .softBreak, .text("lazy "), placeholder("a", .whole, 5, 6)], at(4, 3))],
          at(4, 1))
      ])
    let list = try parse("- item\n\n  second {{a}}\n  - nested {{b}}")
    XCTAssertEqual(
      list.blocks,
      [
        .list(
          ordered: false, start: 1,
          items: [
            [
              .paragraph([.text("item")], at(4, 3)),
              .paragraph([.text("second "), placeholder("a", .whole, 6, 10)], at(6, 3)),
              .list(
                ordered: false, start: 1,
                items: [[.paragraph([.text("nested "), placeholder("b", .whole, 7, 12)], at(7, 5))]], at(7, 3)),
            ]
          ], at(4, 1))
      ])
  }

  func testMalformedPlaceholdersAreErrorsAtTheirLocation() {
    let cases: [(String, Int, String)] = [
      ("Text {{}} here", 6, "placeholder"),
      ("Text {{a.b.c}} here", 6, "placeholder"),
      ("Text {{a.median}} here", 6, "placeholder"),
      ("Text {{a.whole}} here", 6, "placeholder"),
      ("Text {{a b}} here", 6, "placeholder"),
      ("Text {{숫자}} here", 6, "placeholder"),
      ("Text {{unclosed here", 6, "placeholder"),
      ("Text {{a {{b}} here", 6, "placeholder"),
      ("Text {{table:x}} here", 6, "table"),
      ("Text {{key-figures: a}} here", 6, "key-figures"),
      ("한국 {{bad!}}", 4, "placeholder"),
    ]
    for (body, column, field) in cases {
      let e = bodyError("Intro.\n\n\(body)\n")
      XCTAssertEqual(e?.line, 6, body)
      XCTAssertEqual(e?.column, column, body)
      XCTAssertEqual(e?.field, field, body)
    }
    XCTAssertEqual(
      bodyError("x {{a.median}}")?.description,
      "brief.md:4:3: error: placeholder: expected a part low, high or estimate after '.', found \".median\" in \"{{a.median}}\""
    )
    XCTAssertEqual(
      bodyError("x {{a\n}}")?.description,
      "brief.md:4:3: error: placeholder: expected '}}' closing the placeholder on the same line, found \"{{a\"")
    XCTAssertEqual(bodyError("# Heading {{table:x}}")?.field, "table")
    XCTAssertEqual(
      bodyError("| a |\n|---|\n| {{b.c.d}} |")?.description.hasPrefix("brief.md:6:3: error: placeholder:"), true)
  }

  func testEscapedBracesStayText() throws {
    XCTAssertEqual(
      firstInlines(try parse("Write \\{{ID}} for a number: {{a}}, \\\\{{b}} and \\{{ unclosed")),
      [
        .text("Write {{ID}} for a number: "), placeholder("a", .whole, 4, 29), .text(", \\"),
        placeholder("b", .whole, 4, 38), .text(" and {{ unclosed"),
      ])
    XCTAssertEqual(try parse("\\{{table:x}}").blocks, [.paragraph([.text("{{table:x}}")], at(4, 1))])
  }

  func testBracesThatAreNotPlaceholdersStayText() throws {
    XCTAssertEqual(firstInlines(try parse("a { b } c }} d {x}")), [.text("a { b } c }} d {x}")])
  }

  // MARK: - Charts, generated tables, key figures

  func testChartFigure() throws {
    let spec = try parse("Before.\n\n![Bribes *by* place, `2021`](chart:bribes-for-selection)\n\nAfter.")
    XCTAssertEqual(
      spec.blocks,
      [
        .paragraph([.text("Before.")], at(4, 1)),
        .chart(id: "bribes-for-selection", alt: "Bribes by place, 2021", at(6, 1)),
        .paragraph([.text("After.")], at(8, 1)),
      ])
    XCTAssertEqual(try parse("  ![](chart:a_b)  ").blocks, [.chart(id: "a_b", alt: "", at(4, 3))])
  }

  func testChartAndImageErrors() {
    XCTAssertEqual(
      bodyError("Intro.\n\nSee ![Bribes](chart:bribes) here.")?.description,
      "brief.md:6:5: error: chart: expected a chart alone in its own paragraph (charts are full-width figures), found \"chart:bribes\" among other content"
    )
    XCTAssertEqual(
      bodyError("Intro.\n\n한국 ![photo](photo.png)")?.description,
      "brief.md:6:4: error: image: expected only charts, ![alt text](chart:ID), found an image of \"photo.png\"")
    XCTAssertEqual(bodyError("![photo](photo.png)")?.field, "image")
    XCTAssertEqual(bodyError("# Title ![c](chart:c)")?.field, "chart")
    let badID = bodyError("text\n\n![c](chart:)")
    XCTAssertEqual(badID?.field, "chart")
    XCTAssertEqual(badID?.line, 6)
    XCTAssertEqual(bodyError("![c](chart:a/b)")?.found, "\"chart:a/b\"")
    let second = bodyError("![a](chart:a)\n![b](chart:b)")
    XCTAssertEqual(second?.line, 4)
    XCTAssertEqual(second?.column, 1)
  }

  func testGeneratedTable() throws {
    XCTAssertEqual(try parse("{{table:bribes_by-place}}").blocks, [.generatedTable(name: "bribes_by-place", at(4, 1))])
    XCTAssertEqual(try parse("  {{ table: wages }}").blocks, [.generatedTable(name: "wages", at(4, 3))])
    XCTAssertEqual(
      bodyError("x\n\n{{table:}}")?.description,
      "brief.md:6:1: error: table: expected {{table:NAME}} with a name of letters, digits, '-' and '_', found \"{{table:}}\""
    )
    XCTAssertEqual(bodyError("{{table:a}} and more")?.field, "table")
    XCTAssertEqual(bodyError("{{table:a}}\n{{table:b}}")?.field, "table")
  }

  func testKeyFigures() throws {
    XCTAssertEqual(try parse("{{key-figures: a}}").blocks, [.keyFigures(ids: ["a"], at(4, 1))])
    XCTAssertEqual(
      try parse("{{key-figures:a,b_c , d-e,f}}").blocks, [.keyFigures(ids: ["a", "b_c", "d-e", "f"], at(4, 1))])
    for bad in [
      "{{key-figures:}}", "{{key-figures: a, b, c, d, e}}", "{{key-figures: a,,b}}", "{{key-figures: a, a}}",
      "{{key-figures: a.low}}",
    ] {
      let e = bodyError("x\n\n\(bad)")
      XCTAssertEqual(e?.field, "key-figures", bad)
      XCTAssertEqual(e?.line, 6, bad)
      XCTAssertEqual(e?.column, 1, bad)
    }
    XCTAssertEqual(bodyError("Key: {{key-figures: a}}")?.column, 6)
  }

  // MARK: - CommonMark and GFM

  func testNestedLists() throws {
    let spec = try parse("3. three\n4. four\n   1. inner\n      * deep\n\n     more\n5. five")
    XCTAssertEqual(
      spec.blocks,
      [
        .list(
          ordered: true, start: 3,
          items: [
            [.paragraph([.text("three")], at(4, 4))],
            [
              .paragraph([.text("four")], at(5, 4)),
              .list(
                ordered: true, start: 1,
                items: [
                  [
                    .paragraph([.text("inner")], at(6, 7)),
                    .list(ordered: false, start: 1, items: [[.paragraph([.text("deep")], at(7, 9))]], at(7, 7)),
                  ]
                ], at(6, 4)),
              // Indented less than "inner", so it continues "four".
              .paragraph([.text("more")], at(9, 6)),
            ],
            [.paragraph([.text("five")], at(10, 4))],
          ], at(4, 1))
      ])
  }

  func testTableWithAlignmentsAndShortRows() throws {
    let spec = try parse("| A | B | C | D |\n|---|:--|:-:|--:|\n| 1 | *2* | 3 | 4 |\n| only |\n| a | b | c | d | e |")
    XCTAssertEqual(
      spec.blocks,
      [
        .table(
          header: [[.text("A")], [.text("B")], [.text("C")], [.text("D")]],
          alignments: [.none, .left, .center, .right],
          rows: [
            [[.text("1")], [.emphasis([.text("2")])], [.text("3")], [.text("4")]],
            [[.text("only")], [], [], []],
            [[.text("a")], [.text("b")], [.text("c")], [.text("d")]],
          ], at(4, 1))
      ])
  }

  func testRawHTMLStaysLiteral() throws {
    let spec = try parse("A <b>bold</b> &lt;i&gt; {{x}}\n\n<div class=\"x\">\n<script>alert(1)</script>\n</div>")
    XCTAssertEqual(
      spec.blocks,
      [
        .paragraph([.text("A <b>bold</b> <i> "), placeholder("x", .whole, 4, 25)], at(4, 1)),
        .paragraph(
          [.text("<div class=\"x\">"), .lineBreak, .text("<script>alert(1)</script>"), .lineBreak, .text("</div>")],
          at(6, 1)),
      ])
  }

  func testCodeBreaksAndRules() throws {
    let spec = try parse("line one  \nline two\\\nthree\n\n    indented {{a}}\n\n***\n\n~~~swift\nlet x = 1\n\n~~~")
    XCTAssertEqual(
      spec.blocks,
      [
        .paragraph([.text("line one"), .lineBreak, .text("line two"), .lineBreak, .text("three")], at(4, 1)),
        .code("indented {{a}}", at(8, 5)),
        .rule(at(10, 1)),
        .code("let x = 1\n", at(12, 1)),
      ])
  }

  func testSetextHeadingsAndLevels() throws {
    let spec = try parse("Title {{a}}\n=====\n\n###### Six")
    XCTAssertEqual(
      spec.blocks,
      [
        .heading(level: 1, [.text("Title "), placeholder("a", .whole, 4, 7)], at(4, 1)),
        .heading(level: 6, [.text("Six")], at(7, 1)),
      ])
  }

  // MARK: - Inputs at the edges

  func testEmptyBody() throws {
    XCTAssertEqual(try BriefParser.parse(text: "---\ntitle: T\n---", file: file).blocks, [])
    XCTAssertEqual(try BriefParser.parse(text: "---\ntitle: T\n---\n", file: file).blocks, [])
    XCTAssertEqual(try BriefParser.parse(text: "---\ntitle: T\n---\n\n   \n\n", file: file).blocks, [])
  }

  func testCRLFLineEndings() throws {
    let text =
      "---\r\ntitle: T\r\nperiod: 2026-11\r\n---\r\n# Head\r\n\r\nA {{a}}\r\nb {{b.low}}\r\n\r\n| x |\r\n|--:|\r\n| {{c}} |\r\n"
    let spec = try BriefParser.parse(text: text, file: file)
    XCTAssertEqual(spec.frontMatter.period, try EDTFDate.parse("2026-11"))
    XCTAssertEqual(
      spec.blocks,
      [
        .heading(level: 1, [.text("Head")], at(5, 1)),
        .paragraph(
          [.text("A "), placeholder("a", .whole, 7, 3), .softBreak, .text("b "), placeholder("b", .low, 8, 3)], at(7, 1)
        ),
        .table(header: [[.text("x")]], alignments: [.right], rows: [[[placeholder("c", .whole, 12, 3)]]], at(10, 1)),
      ])
    let bad = error("---\r\ntitle: T\r\nunknown: 1\r\n---\r\nx {{}}\r\n")
    XCTAssertEqual(bad?.line, 3)
    XCTAssertEqual(error("---\r\ntitle: T\r\n---\r\n\r\nx {{}}\r\n")?.description.hasPrefix("brief.md:5:3:"), true)
  }

  func testHangulBrief() throws {
    let text = """
      ---
      title: 해외 북한 노동자
      authors: [김 분석]
      language: ko
      ---
      # 요약

      러시아에 남은 노동자는 약 {{ru-workers}}명이다.

      ![뇌물 분포](chart:bribes)

      | 도시 | 뇌물 |
      |:---:|---|
      | 신의주 | {{bribe.high}} |
      """
    let spec = try BriefParser.parse(text: text, file: file)
    XCTAssertEqual(spec.frontMatter, FrontMatter(title: "해외 북한 노동자", authors: ["김 분석"], language: "ko"))
    XCTAssertEqual(
      spec.blocks,
      [
        .heading(level: 1, [.text("요약")], at(6, 1)),
        .paragraph([.text("러시아에 남은 노동자는 약 "), placeholder("ru-workers", .whole, 8, 16), .text("명이다.")], at(8, 1)),
        .chart(id: "bribes", alt: "뇌물 분포", at(10, 1)),
        .table(
          header: [[.text("도시")], [.text("뇌물")]], alignments: [.center, .none],
          rows: [[[.text("신의주")], [placeholder("bribe", .high, 14, 9)]]], at(12, 1)),
      ])
    // Front matter columns count characters too, as the body's do.
    XCTAssertEqual(error("---\ntitle: 제목\nperiod: 가을\n---\n")?.column, 9)
    XCTAssertEqual(error("---\ntitle: 제목 {a: [}\n---\n")?.line, 2)
  }

  func testByteOrderMarkBeforeTheFrontMatterIsAccepted() throws {
    XCTAssertEqual(try BriefParser.parse(text: "\u{FEFF}---\ntitle: T\n---\nx", file: file).frontMatter.title, "T")
  }

  func testOneMegabyteBriefParses() throws {
    // Sections shaped like the monthly brief's: a heading, two paragraphs of prose with
    // live numbers, a list, a table, a chart; 14 lines and about 900 bytes each.
    let prose =
      "Recruiters in Pyongyang and the border cities ask for payments before a worker is chosen, "
      + "and the amounts reported by *different* sources rarely agree; defectors interviewed in 2023 "
      + "described **informal** fees on top of the official ones, paid in US dollars or in Chinese yuan."
    var body = ""
    var sections = 0
    while body.utf8.count < 1 << 20 {
      let n = sections
      body += "## Section \(n)\n\n"
      body += "About {{est-\(n)}} workers remained, between {{est-\(n).low}} and {{bribe_\(n).high}}. \(prose)\n"
      body += "\(prose) Interviews in 한국어 put it at {{k_\(n)}} ([source](https://example.org/\(n))).\n\n"
      body += "- the first point, `{{literal}}` in code\n- the second point, {{i-\(n)}}\n\n"
      body += "| Place | Bribe |\n|:---|---:|\n| Sinuiju | {{c-\(n)}} |\n\n![Bribes](chart:bribes-\(n))\n\n"
      sections += 1
    }
    let text = "---\ntitle: Long\n---\n" + body
    let spec = try BriefParser.parse(text: text, file: file)
    XCTAssertEqual(spec.blocks.count, sections * 5)
    let last = sections - 1
    guard case .paragraph(let inlines, _) = spec.blocks[5 * last + 1] else { return XCTFail("expected a paragraph") }
    XCTAssertEqual(inlines[1], placeholder("est-\(last)", .whole, 4 + 14 * last + 2, 7))
    XCTAssertEqual(spec.blocks[5 * last + 4], .chart(id: "bribes-\(last)", alt: "Bribes", at(4 + 14 * last + 12, 1)))
  }

  func testSeedBriefParses() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let path = root.appendingPathComponent("seeds/briefs/monthly.md").path
    guard let data = FileManager.default.contents(atPath: path) else {
      throw XCTSkip("no seed brief at \(path)")
    }
    let spec = try BriefParser.parse(text: String(decoding: data, as: UTF8.self), file: path)
    XCTAssertFalse(spec.frontMatter.title.isEmpty)
    XCTAssertTrue(spec.blocks.contains { if case .chart = $0 { return true } else { return false } })
    XCTAssertTrue(spec.blocks.contains { if case .keyFigures = $0 { return true } else { return false } })
  }

  func testDoesNotLeakOrCrashWhenParsedConcurrently() {
    let text = "---\ntitle: T\n---\n# H\n\n| a |\n|---|\n| {{b}} |\n"
    DispatchQueue.concurrentPerform(iterations: 64) { _ in
      XCTAssertEqual((try? BriefParser.parse(text: text, file: "brief.md"))?.blocks.count, 2)
    }
  }
}
