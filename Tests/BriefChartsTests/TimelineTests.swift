import BriefCharts
import BriefModel
import BriefScene
import BriefTestSupport
import Foundation
import XCTest

final class TimelineTests: XCTestCase {
  let measurer = FixedMeasurer()

  func day(_ y: Int, _ m: Int, _ d: Int) throws -> Day {
    try XCTUnwrap(Day(year: y, month: m, day: d))
  }

  func event(_ label: String, _ edtf: String) throws -> TimelineEvent {
    try XCTUnwrap(TimelineEvent(label: label, date: try EDTFDate.parse(edtf)))
  }

  func chart(_ events: [TimelineEvent], notes: [String] = []) -> Timeline {
    Timeline(id: "tl", frame: FrameText(title: "Title", notes: notes, source: "Source: Test"), events: events)
  }

  func texts(_ primitives: [Primitive]) -> [TextItem] {
    primitives.flatMap(\.flattened).compactMap { if case .text(let t) = $0 { return t } else { return nil } }
  }

  /// The x of each date tick, by its label.
  func ticks(_ scene: Scene) -> [String: Double] {
    var out: [String: Double] = [:]
    for t in texts(scene.groups(role: "ticks").flatMap { $0 }) { out[t.text] = t.position.x }
    return out
  }

  /// The box of each label: the union of its texts.
  func labelBoxes(_ scene: Scene) throws -> [Rect] {
    try scene.groups(role: "label").map { group in
      let boxes = try texts(group).map { try measurer.bounds(of: $0) }
      let minX = boxes.map(\.minX).min() ?? 0, maxX = boxes.map(\.maxX).max() ?? 0
      let minY = boxes.map(\.minY).min() ?? 0, maxY = boxes.map(\.maxY).max() ?? 0
      return Rect(x: minX, y: minY, width: maxX - minX, height: maxY - minY)
    }
  }

  /// Asserts that no two label boxes intersect, none meets a tick label and all stay inside the margins.
  func assertLabelsClear(_ scene: Scene, file: StaticString = #filePath, line: UInt = #line) throws {
    let boxes = try labelBoxes(scene)
    let inside = Rect(x: 0, y: 0, width: scene.size.width, height: scene.size.height)
      .inset(top: 19.99, left: 19.99, bottom: 19.99, right: 19.99)
    for b in boxes { XCTAssertTrue(inside.contains(b), "label leaves the chart: \(b)", file: file, line: line) }
    // Sweep by x so the check stays fast for a thousand labels.
    let sorted = boxes.sorted { $0.minX < $1.minX }
    var overlaps = 0
    for i in sorted.indices {
      var j = i + 1
      while j < sorted.count, sorted[j].minX < sorted[i].maxX {
        if sorted[i].intersects(sorted[j]) { overlaps += 1 }
        j += 1
      }
    }
    XCTAssertEqual(overlaps, 0, "label boxes intersect", file: file, line: line)
    let tickBoxes = try texts(scene.groups(role: "ticks").flatMap { $0 }).map { try measurer.bounds(of: $0) }
    for t in tickBoxes where boxes.contains(where: { $0.intersects(t) }) {
      XCTFail("a label covers a tick label at \(t)", file: file, line: line)
    }
  }

  // MARK: - Time scale

  func testTimeScaleMapsDayStartsAndSpansCoverWholeDays() throws {
    let scale = TimeScale(domain: try day(2021, 1, 1)...day(2021, 12, 31), range: 0...365)
    XCTAssertEqual(scale.dayWidth, 1)
    XCTAssertEqual(scale.x(try day(2021, 1, 1)), 0)
    XCTAssertEqual(scale.xEnd(try day(2021, 12, 31)), 365)
    XCTAssertEqual(scale.x(try day(2021, 3, 1)), 59, "a day maps to its start")
    // A month covers exactly its days: February 2021 is 28 days from day 31.
    let feb = try event("Feb", "2021-02")
    let (x0, x1) = scale.span(from: feb.start, to: feb.end)
    XCTAssertEqual(x0, 31)
    XCTAssertEqual(x1, 59)

    // A leap year is 366 days; an interval 2017/2019 covers all three years.
    let leap = TimeScale(domain: try day(2020, 1, 1)...day(2020, 12, 31), range: 0...732)
    XCTAssertEqual(leap.dayWidth, 2)
    let interval = try event("Three years", "2017/2019")
    XCTAssertEqual(interval.start, try day(2017, 1, 1))
    XCTAssertEqual(interval.end, try day(2019, 12, 31))
    let years = TimeScale(domain: interval.start...interval.end, range: 0...1095)
    XCTAssertEqual(years.span(from: interval.start, to: interval.end).start, 0)
    XCTAssertEqual(years.span(from: interval.start, to: interval.end).end, 1095)
    XCTAssertEqual(years.x(try day(2018, 1, 1)), 365)
  }

  func testLongSpansTickYearsShortSpansTickMonths() throws {
    let style = ChartStyle.standard
    let long = try TimeAxis(covering: day(2010, 3, 1), day(2024, 10, 1), left: 0, right: 600, style: style, measurer: measurer)
    XCTAssertEqual(long.interval.unit, .year)
    XCTAssertTrue(long.ticks.allSatisfy { $0.label.count == 4 && Int($0.label).map { $0 % long.interval.step == 0 } == true })
    XCTAssertEqual(long.scale.domain.start, try day(2010, 1, 1), "the domain widens to whole years")
    XCTAssertEqual(long.scale.domain.end, try day(2024, 12, 31))

    let short = try TimeAxis(covering: day(2020, 11, 20), day(2021, 3, 10), left: 0, right: 600, style: style, measurer: measurer)
    XCTAssertEqual(short.interval, TimeTickInterval(.month, step: 1))
    XCTAssertEqual(short.ticks.map(\.label), ["Nov 2020", "Dec", "Jan 2021", "Feb", "Mar", "Apr"])
    // Ticks sit on the first of each month: December has 31 days, so Dec→Jan is 31 day widths.
    let dw = short.scale.dayWidth
    XCTAssertEqual(short.ticks[2].x - short.ticks[1].x, 31 * dw, accuracy: 1e-9)

    // A narrow axis steps up to coarser round intervals rather than crowding.
    let narrow = try TimeAxis(covering: day(2010, 3, 1), day(2024, 10, 1), left: 0, right: 150, style: style, measurer: measurer)
    XCTAssertGreaterThanOrEqual(narrow.interval.step, 5)
    let widths = try narrow.ticks.map { try measurer.measure($0.label, style: TimeAxis.labelStyle(style), maxWidth: nil).width }
    for i in narrow.ticks.indices.dropFirst() {
      XCTAssertGreaterThan(narrow.ticks[i].x - widths[i] / 2, narrow.ticks[i - 1].x + widths[i - 1] / 2, "tick labels overlap")
    }
    XCTAssertThrowsError(try TimeAxis(covering: day(2010, 3, 1), day(2024, 10, 1), left: 0, right: 10, style: style, measurer: measurer))
  }

  // MARK: - Marks

  func testEventsDrawAtTheirDaysWithTheGlyphOfTheirKind() throws {
    let events = [
      try event("A day", "2021-06-15"),
      try event("A month", "2021-03"),
      try event("A year", "2020"),
      try event("An interval", "2017/2019"),
      try event("About a month", "2021-01~"),
      try event("Perhaps a day", "2018-05-02?"),
    ]
    let scene = try chart(events).scene(size: Size(width: 800, height: 500), measurer: measurer)
    let glyphs = try XCTUnwrap(scene.groups(role: "events").first)
    let roles = glyphs.map { p -> String in if case .group(let r, _) = p { return r } else { return "" } }
    XCTAssertEqual(roles, ["point", "span", "span", "span", "span-approximate", "point-approximate"])

    // The scale, read off the year ticks.
    let tick = ticks(scene)
    let x2017 = try XCTUnwrap(tick["2017"]), x2018 = try XCTUnwrap(tick["2018"])
    let dw = (x2018 - x2017) / 365
    func x(_ d: Day) throws -> Double { x2017 + Double(try day(2017, 1, 1).days(to: d)) * dw }
    func bounds(_ p: Primitive) -> Rect? {
      guard case .group(_, let parts) = p, case .fill(let path, _)? = parts.first else { return nil }
      return path.bounds
    }
    // A day: a dot centred on the middle of the day.
    let dot = try XCTUnwrap(bounds(glyphs[0]))
    XCTAssertEqual(dot.midX, try x(day(2021, 6, 15)) + dw / 2, accuracy: 1e-9)
    // A month covers exactly its 31 days; a year its 366 (2020 is a leap year).
    let month = try XCTUnwrap(bounds(glyphs[1]))
    XCTAssertEqual(month.minX, try x(day(2021, 3, 1)), accuracy: 1e-9)
    XCTAssertEqual(month.maxX, try x(day(2021, 4, 1)), accuracy: 1e-9)
    XCTAssertEqual(month.width, 31 * dw, accuracy: 1e-9)
    let year = try XCTUnwrap(bounds(glyphs[2]))
    XCTAssertEqual(year.minX, try x(day(2020, 1, 1)), accuracy: 1e-9)
    XCTAssertEqual(year.width, 366 * dw, accuracy: 1e-9)
    // 2017/2019 runs from the start of 2017 to the end of 2019.
    let interval = try XCTUnwrap(bounds(glyphs[3]))
    XCTAssertEqual(interval.minX, x2017, accuracy: 1e-9)
    XCTAssertEqual(interval.maxX, try x(day(2020, 1, 1)), accuracy: 1e-9)

    // Approximate dates: a pale bar with a dashed outline, a hollow dot.
    guard case .group(_, let approxSpan) = glyphs[4], case .group(_, let approxPoint) = glyphs[5] else { return XCTFail() }
    XCTAssertTrue(approxSpan.contains { if case .fill(_, let c) = $0 { return c.alpha < 0.5 } else { return false } })
    XCTAssertTrue(approxSpan.contains { if case .stroke(_, let s) = $0 { return !s.dash.isEmpty } else { return false } })
    XCTAssertTrue(approxPoint.contains { if case .stroke = $0 { return true } else { return false } }, "a hollow dot is stroked")

    // Glyphs that share days stack on separate rows instead of covering each other.
    let perhaps = try XCTUnwrap(bounds(glyphs[5]))
    XCTAssertNotEqual(perhaps.midY, interval.midY, "a day inside 2017–2019 sits on another row")
    XCTAssertEqual(month.midY, interval.midY, "spans far apart share the axis row")
  }

  func testEveryLabelHasALeaderFromItsMark() throws {
    let events = [try event("First", "2021-01-10"), try event("Second", "2021-01-10"), try event("Third", "2021-02")]
    let scene = try chart(events).scene(size: Size(width: 640, height: 400), measurer: measurer)
    let leaders = try XCTUnwrap(scene.groups(role: "leaders").first)
    let labels = scene.groups(role: "label")
    XCTAssertEqual(leaders.count, 3)
    XCTAssertEqual(labels.count, 3)
    for (leader, label) in zip(leaders, try labelBoxes(scene)) {
      guard case .stroke(let path, _) = leader, let b = path.bounds else { return XCTFail("a leader is a line") }
      XCTAssertEqual(b.width, 0, "leaders are vertical")
      let touches = abs(b.minY - label.minY) < 0.01 || abs(b.maxY - label.maxY) < 0.01
      XCTAssertTrue(touches, "the leader runs to its label's far edge")
      XCTAssertLessThanOrEqual(abs(b.minX - label.minX), 3.01, "the label starts at its leader")
    }
    // Same-day events: one above and one below the axis, not on top of each other.
    let boxes = try labelBoxes(scene)
    XCTAssertFalse(boxes[0].intersects(boxes[1]))
  }

  func testNotesExplainOnlyTheMarksThatAppear() throws {
    func footer(_ events: [TimelineEvent]) throws -> [String] {
      let scene = try chart(events).scene(size: Size(width: 640, height: 400), measurer: measurer)
      return texts(scene.groups(role: "footer").flatMap { $0 }).map(\.text)
    }
    XCTAssertEqual(try footer([event("A", "2021-01-05"), event("B", "2021-03-05")]), ["Source: Test"])
    let spans = try footer([event("A", "2021-01"), event("B", "2021-03-05")])
    XCTAssertEqual(spans.count, 2)
    XCTAssertTrue(spans[0].hasPrefix("Bars cover"))
    let approximate = try footer([event("A", "2021-01~"), event("B", "2021-03-05?"), event("C", "../2021-04")])
    XCTAssertTrue(approximate.contains { $0.contains("approximate (~) or uncertain (?)") })
    XCTAssertTrue(approximate.contains { $0.contains("open at one end") })
  }

  func testUnknownEndsAreDrawnAsOpenEndsAndSaidToBeUnknown() throws {
    let unknownEnd = try event("A", "2019/"), openEnd = try event("B", "2019/..")
    XCTAssertEqual(unknownEnd.start, try day(2019, 1, 1))
    XCTAssertEqual(unknownEnd.end, try day(2019, 12, 31))
    XCTAssertTrue(unknownEnd.openEnd && unknownEnd.endsUnknown)
    XCTAssertEqual(unknownEnd.dateText, "from 2019 (end unknown)")
    XCTAssertTrue(openEnd.openEnd)
    XCTAssertFalse(openEnd.endsUnknown)
    XCTAssertEqual(openEnd.dateText, "since 2019")
    let unknownStart = try event("C", "/2021-04")
    XCTAssertTrue(unknownStart.openStart && unknownStart.endsUnknown)
    XCTAssertEqual(unknownStart.start, try day(2021, 4, 1))
    XCTAssertEqual(unknownStart.dateText, "to Apr 2021 (start unknown)")

    func footer(_ events: [TimelineEvent]) throws -> [String] {
      let scene = try chart(events).scene(size: Size(width: 640, height: 400), measurer: measurer)
      return texts(scene.groups(role: "footer").flatMap { $0 }).map(\.text)
    }
    XCTAssertTrue(try footer([unknownEnd, try event("D", "2021-03-05")]).contains { $0.contains("or unknown at one end") })
    XCTAssertFalse(try footer([openEnd, try event("D", "2021-03-05")]).contains { $0.contains("unknown") })
    // Both draw the same dashed arrow past the known end.
    let drawn = { (e: TimelineEvent) throws -> Int in
      let scene = try self.chart([e, try self.event("D", "2021-03-05")]).scene(size: Size(width: 640, height: 400), measurer: self.measurer)
      return scene.groups(role: "events").flatMap { $0 }.flatMap(\.flattened).count
    }
    XCTAssertEqual(try drawn(unknownEnd), try drawn(openEnd))
    XCTAssertGreaterThan(try drawn(unknownEnd), try drawn(try event("E", "2019")))
  }

  // MARK: - Labels without overlaps

  func testThirtyEventsInFiveYearsWithClustersNeverOverlap() throws {
    var events: [TimelineEvent] = []
    for i in 0..<30 {
      // Every fifth event falls on one of two shared days; the rest spread over 2019–2023.
      let date: Day
      if i % 5 == 0 {
        date = try day(2021, 6, 15)
      } else if i % 7 == 0 {
        date = try day(2022, 2, 1)
      } else {
        date = try day(2019 + i % 5, 1 + (i * 7) % 12, 1 + (i * 11) % 28)
      }
      events.append(
        TimelineEvent(
          label: "Event \(i) reported by a source", start: date, isApproximate: i % 4 == 1, dateText: date.description))
    }
    let scene = try chart(events).scene(size: Size(width: 900, height: 600), measurer: measurer)
    XCTAssertEqual(scene.groups(role: "label").count, 30)
    try assertLabelsClear(scene)
  }

  // Speed is measured in the benchmarks (bench/), not here; this checks the layout stays correct at scale.
  func testAThousandEventsLayOutWithoutOverlapOnALargeCanvas() throws {
    var events: [TimelineEvent] = []
    for i in 0..<1000 {
      let d = try day(2000 + i % 25, 1 + (i * 7) % 12, 1 + (i * 13) % 28)
      events.append(TimelineEvent(label: "E\(i)", start: d, end: i % 3 == 0 ? nil : d, dateText: d.description))
    }
    let scene = try chart(events).scene(size: Size(width: 6000, height: 1400), measurer: measurer)
    XCTAssertEqual(scene.groups(role: "label").count, 1000)
    try assertLabelsClear(scene)
  }

  func testAllEventsOnOneDayStackWithoutOverlap() throws {
    let d = try day(2021, 1, 20)
    let events = (0..<8).map { TimelineEvent(label: "Same day \($0)", start: d, dateText: "20 Jan 2021") }
    let scene = try chart(events).scene(size: Size(width: 640, height: 500), measurer: measurer)
    try assertLabelsClear(scene)
    // All leaders rise from the one dot.
    let xs = Set(try XCTUnwrap(scene.groups(role: "leaders").first).compactMap { p -> Double? in
      if case .stroke(let path, _) = p { return path.bounds?.minX } else { return nil }
    })
    XCTAssertEqual(xs.count, 1)
    // The date axis of a single day is its month.
    XCTAssertEqual(ticks(scene).keys.sorted(), ["Feb", "Jan 2021"])
  }

  func testASingleEvent() throws {
    let scene = try chart([event("Repatriation deadline", "2019-12-22")]).scene(measurer: measurer)
    XCTAssertEqual(scene.groups(role: "point").count, 1)
    XCTAssertEqual(try labelBoxes(scene).count, 1)
    XCTAssertEqual(
      scene.metadata.altText, "Timeline. Title. 1 event, 22 Dec 2019: Repatriation deadline (22 Dec 2019). Source: Test")
    try assertLabelsClear(scene)
  }

  func testLabelsNearTheRightEdgeTurnLeft() throws {
    let events = [try event("Early", "2010-02-01"), try event("A late event with a long label", "2024-12-20")]
    let scene = try chart(events).scene(size: Size(width: 640, height: 400), measurer: measurer)
    let label = try XCTUnwrap(scene.groups(role: "label").last)
    let title = try XCTUnwrap(texts(label).first)
    XCTAssertEqual(title.horizontalAnchor, .end)
    try assertLabelsClear(scene)
  }

  // MARK: - Metadata and errors

  func testMetadataCarriesTitleSourceAndChronologicalAltText() throws {
    let events = [try event("Deployment to Russia", "2024-23"), try event("UN Resolution 2397", "2017-12-22")]
    let scene = try Timeline(
      id: "tl", frame: FrameText(title: "Workers abroad", subtitle: "Events", source: "Source: Daily NK"), events: events
    ).scene(measurer: measurer)
    XCTAssertEqual(scene.metadata.title, "Workers abroad")
    XCTAssertEqual(scene.metadata.sourceLine, "Source: Daily NK")
    XCTAssertEqual(scene.metadata.keywords, ["BriefKit", "tl"])
    XCTAssertEqual(
      scene.metadata.altText,
      "Timeline. Workers abroad. Events. 2 events from 22 Dec 2017 to autumn 2024: UN Resolution 2397 (22 Dec 2017); Deployment to Russia (autumn 2024). Source: Daily NK")
  }

  func testEmptyAndImpossibleChartsFailWithPhaseAndId() throws {
    XCTAssertThrowsError(try chart([]).scene(measurer: measurer)) { error in
      XCTAssertEqual(error as? ChartError, .invalid(chart: "tl", phase: .select, message: "there are no events to draw"))
    }
    XCTAssertThrowsError(try chart([event("A", "2021")]).scene(size: Size(width: 60, height: 60), measurer: measurer)) { error in
      XCTAssertTrue("\(error)".hasPrefix("chart tl: frame: "), "\(error)")
    }
    let crowd = try (0..<40).map { try event("Event number \($0) on the same day", "2021-01-20") }
    XCTAssertThrowsError(try chart(crowd).scene(size: Size(width: 640, height: 300), measurer: measurer)) { error in
      guard case .invalid(let id, let phase, let message)? = error as? ChartError else { return XCTFail("\(error)") }
      XCTAssertEqual(id, "tl")
      XCTAssertEqual(phase, .marks)
      XCTAssertTrue(message.contains("do not fit"), message)
      XCTAssertTrue(message.contains("points of chart height"), message)
    }
    XCTAssertNil(TimelineEvent(label: "Any time", date: EDTFDate(.interval(start: .open, end: .open))))
  }
}
