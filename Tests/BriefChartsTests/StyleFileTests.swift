import BriefCharts
import BriefModel
import BriefScene
import BriefTestSupport
import XCTest

final class StyleFileTests: XCTestCase {
  let stylesDir = Tools.packageRoot + "/styles"

  func read(_ files: [String: String]) -> (String) throws -> String {
    { path in
      guard let text = files[path] else { throw NSError(domain: "test", code: 1, userInfo: [NSLocalizedDescriptionKey: "no \(path)"]) }
      return text
    }
  }

  func testTheThreeShippedStylesLoad() throws {
    let read: (String) throws -> String = { try String(contentsOfFile: $0, encoding: .utf8) }
    let d = try StyleFile.load("default", stylesDirectory: stylesDir, read: read)
    XCTAssertEqual(d.style, ChartStyle.standard, "default.yaml spells out the built-in style")
    let slides = try StyleFile.load("slides", stylesDirectory: stylesDir, read: read)
    XCTAssertEqual(slides.style.size, Size(width: 960, height: 540))
    XCTAssertEqual(slides.style.titleSize, 28)
    XCTAssertEqual(slides.style.palette, d.style.palette, "slides keeps the default palette")
    XCTAssertEqual(slides.files, [stylesDir + "/default.yaml", stylesDir + "/slides.yaml"])
    let print = try StyleFile.load("print", stylesDirectory: stylesDir, read: read)
    // Greyscale-safe: every palette colour is a grey, and they differ in lightness.
    for c in print.style.palette { XCTAssertTrue(c.red == c.green && c.green == c.blue, c.hex) }
    XCTAssertEqual(Set(print.style.palette.map(\.red)).count, print.style.palette.count)
  }

  func testAFileByPathExtendingAName() throws {
    let files = [
      "s/base.yaml": "fonts: {title: 20}\ncolors: {palette: ['#112233']}\n",
      "my.yaml": "extends: base\nfonts: {label: 11}\nnumbers: {thousands: ' ', decimal: ','}\n",
    ]
    let loaded = try StyleFile.load("my.yaml", stylesDirectory: "s", read: read(files))
    XCTAssertEqual(loaded.style.titleSize, 20)
    XCTAssertEqual(loaded.style.labelSize, 11)
    XCTAssertEqual(loaded.style.palette.map(\.hex), ["#112233"])
    XCTAssertEqual(loaded.style.localised("1,300.5"), "1 300,5")
    XCTAssertEqual(loaded.files, ["s/base.yaml", "my.yaml"])
  }

  func testBadStylesNameFileLineColumnFieldExpectedAndFound() {
    func error(_ text: String) -> String {
      Fixtures.message { _ = try StyleFile.load("x", stylesDirectory: "s", read: self.read(["s/x.yaml": text, "s/y.yaml": "extends: x\n"])) }
    }
    XCTAssertEqual(
      error("fonts:\n  titel: 12\n"),
      "s/x.yaml:2:3: error: fonts.titel: expected one of families, title, subtitle, label, tick, note, found unknown field \"titel\"")
    XCTAssertEqual(error("colors:\n  grid: blue\n"), "s/x.yaml:2:9: error: colors.grid: expected a colour as #rrggbb, found \"blue\"")
    XCTAssertEqual(error("fonts: {title: -3}\n"), "s/x.yaml:1:16: error: fonts.title: expected a number from 4 to 200, found \"-3\"")
    XCTAssertEqual(error("chart: {size: 10}\n"), "s/x.yaml:1:15: error: chart.size: expected WIDTHxHEIGHT in points, e.g. 640x400, found \"10\"")
    XCTAssertEqual(error("colour: {}\n"), "s/x.yaml:1:1: error: colour: expected one of extends, chart, fonts, colors, lines, numbers, dates, page, found unknown field \"colour\"")
    XCTAssertEqual(error("extends: y\n"), "s/x.yaml:1:1: error: extends: expected styles that do not extend each other in a circle, found s/x.yaml -> s/y.yaml -> s/x.yaml")
    XCTAssertEqual(error("numbers: {thousands: '.'}\n"), "s/x.yaml:1:10: error: numbers: expected a thousands separator that differs from the decimal mark, found both \".\"")
    XCTAssertTrue(error("fonts: [\n").hasPrefix("s/x.yaml:2:1: error: yaml: expected valid YAML"), error("fonts: [\n"))
  }

  func testNumberSeparatorsComeFromAShortListAndAreNamedWhenNot() {
    func error(_ numbers: String) -> String {
      Fixtures.message { _ = try StyleFile.load("x", stylesDirectory: "s", read: self.read(["s/x.yaml": "numbers: \(numbers)\n"])) }
    }
    let thousands = "expected one of , . ' ’, a space (U+0020, U+00A0 no-break, U+2009 thin, U+202F narrow no-break) or nothing"
    XCTAssertEqual(error("{thousands: \"\\n\"}"), "s/x.yaml:1:22: error: numbers.thousands: \(thousands), found \"\\u{a}\" (U+000A)")
    XCTAssertEqual(error("{thousands: \"\\t\"}"), "s/x.yaml:1:22: error: numbers.thousands: \(thousands), found \"\\u{9}\" (U+0009)")
    XCTAssertEqual(error("{thousands: \"\\u200B\"}"), "s/x.yaml:1:22: error: numbers.thousands: \(thousands), found \"\u{200B}\" (U+200B)")
    XCTAssertEqual(error("{thousands: '5'}"), "s/x.yaml:1:22: error: numbers.thousands: \(thousands), found \"5\"")
    XCTAssertEqual(error("{thousands: ', '}"), "s/x.yaml:1:22: error: numbers.thousands: \(thousands), found \", \" (U+002C U+0020)")
    XCTAssertEqual(error("{decimal: '–'}"), "s/x.yaml:1:20: error: numbers.decimal: expected one of . , ·, found \"–\"")
    XCTAssertEqual(error("{decimal: ''}"), "s/x.yaml:1:20: error: numbers.decimal: expected one of . , ·, found nothing")
    XCTAssertEqual(error("{decimal: ' '}"), "s/x.yaml:1:20: error: numbers.decimal: expected one of . , ·, found \" \" (U+0020)")
    // Every character of the lists loads, and is what labels get.
    for t in NumberSeparators.thousands.characters {
      let loaded = try? StyleFile.load("x", stylesDirectory: "s", read: read(["s/x.yaml": "numbers: {thousands: \"\(t)\", decimal: '·'}\n"]))
      XCTAssertEqual(loaded?.style.localised("1,300.5"), "1\(t)300·5")
    }
    let none = try? StyleFile.load("x", stylesDirectory: "s", read: read(["s/x.yaml": "numbers: {thousands: '', decimal: '·'}\n"]))
    XCTAssertEqual(none?.style.localised("1,300.5"), "1300·5")
  }

  func testAFileThatIsNotAStyleIsDescribedNeverQuoted() {
    let passwd = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n"
    let message = Fixtures.message {
      _ = try StyleFile.load("x", stylesDirectory: "s", read: self.read(["s/x.yaml": "extends: /etc/passwd\n", "/etc/passwd": passwd]))
    }
    XCTAssertEqual(
      message,
      "/etc/passwd:1:1: error: style: expected a mapping of style keys (extends, chart, fonts, colors, lines, numbers, dates, page), found a text")
    XCTAssertFalse(message.contains("root:"), message)
    let list = Fixtures.message { _ = try StyleFile.load("x", stylesDirectory: "s", read: self.read(["s/x.yaml": "- secret\n"])) }
    XCTAssertTrue(list.hasSuffix("found a list"), list)
  }

  func testAPageMustLeaveFourEmsOfTextBetweenItsMargins() throws {
    func load(_ text: String) throws -> StyleFile.Loaded {
      try StyleFile.load("x", stylesDirectory: "s", read: read(["s/x.yaml": text, "s/base.yaml": "page: {margins: 100}\n"]))
    }
    // 144 - 2 × 52 = 40 pt: four ems of 10 pt text, just enough.
    XCTAssertEqual(try load("page: {size: 144x400, margins: 52}\n").page.textWidth, 40)
    XCTAssertEqual(
      Fixtures.message { _ = try load("page: {size: 144x400, margins: 53}\n") },
      "s/x.yaml:1:7: error: page: expected margins that leave text at least 40 pt wide (four ems of the body size), found 38 pt between 53 pt margins on a page 144 pt wide")
    // A larger body needs more room; the page is checked with what it extends.
    XCTAssertEqual(
      Fixtures.message { _ = try load("extends: base\npage:\n  size: 240x400\n  body-size: 12\n") },
      "s/x.yaml:3:3: error: page: expected margins that leave text at least 48 pt wide (four ems of the body size), found 40 pt between 100 pt margins on a page 240 pt wide")
  }

  func testAnExtendedStyleThatCannotBeReadIsAnErrorWhereItIsNamed() {
    let message = Fixtures.message {
      _ = try StyleFile.load("x", stylesDirectory: "s") { path in
        guard path == "s/x.yaml" else { throw InputFileError(path: path, expected: "a regular file", found: "a FIFO (named pipe)") }
        return "fonts: {title: 20}\nextends: /tmp/pipe\n"
      }
    }
    XCTAssertEqual(message, "s/x.yaml:2:10: error: extends: expected a regular file, found /tmp/pipe, a FIFO (named pipe)")
  }
}
