import BriefScene
import BriefTestSupport
import XCTest

final class SceneTests: XCTestCase {
  func testRectPathIsClosedThroughFourCorners() {
    let p = Path.rect(Rect(x: 10, y: 20, width: 30, height: 40))
    XCTAssertEqual(
      p.elements, [.move(Point(10, 20)), .line(Point(40, 20)), .line(Point(40, 60)), .line(Point(10, 60)), .close])
    XCTAssertEqual(p.bounds, Rect(x: 10, y: 20, width: 30, height: 40))
  }

  func testCircleBoundsAreItsSquare() {
    XCTAssertEqual(Path.circle(center: Point(5, 5), radius: 2).bounds, Rect(x: 3, y: 3, width: 4, height: 4))
    XCTAssertNil(Path().bounds)
  }

  func testColorHexRoundTripsAndRejectsJunk() {
    XCTAssertEqual(Color(hex: "#0072b2")?.hex, "#0072b2")
    XCTAssertEqual(Color(hex: "#fff")?.hex, "#ffffff")
    XCTAssertEqual(Color(hex: "#00000080")?.alpha ?? 0, 128.0 / 255, accuracy: 1e-9)
    XCTAssertNil(Color(hex: "0072b2"))
    XCTAssertNil(Color(hex: "#00zz00"))
    XCTAssertNil(Color(hex: "#12345"))
    XCTAssertEqual(Color(red: 2, green: -1, blue: .nan).hex, "#ff0000")
  }

  func testRectIntersectionIgnoresTouchingEdges() {
    let a = Rect(x: 0, y: 0, width: 10, height: 10)
    XCTAssertTrue(a.intersects(Rect(x: 9, y: 9, width: 5, height: 5)))
    XCTAssertFalse(a.intersects(Rect(x: 10, y: 0, width: 5, height: 5)))
    XCTAssertTrue(a.contains(Rect(x: 1, y: 1, width: 8, height: 8)))
    XCTAssertFalse(a.contains(Rect(x: 1, y: 1, width: 10, height: 8)))
  }

  func testTextAnchorsPlaceTheBox() throws {
    let style = TextStyle(font: Font(families: ["Inter"], size: 10), color: .black)
    let m = FixedMeasurer()
    // "abcd" is 4 × 5 = 20 wide, 12.5 tall, baseline at 10.
    let start = try m.bounds(of: TextItem("abcd", at: Point(100, 50), style: style, horizontal: .start, vertical: .baseline))
    XCTAssertEqual(start, Rect(x: 100, y: 40, width: 20, height: 12.5))
    let middle = try m.bounds(of: TextItem("abcd", at: Point(100, 50), style: style, horizontal: .middle, vertical: .middle))
    XCTAssertEqual(middle, Rect(x: 90, y: 43.75, width: 20, height: 12.5))
    let end = try m.bounds(of: TextItem("abcd", at: Point(100, 50), style: style, horizontal: .end, vertical: .top))
    XCTAssertEqual(end, Rect(x: 80, y: 50, width: 20, height: 12.5))
    let bottom = try m.bounds(of: TextItem("abcd", at: Point(100, 50), style: style, vertical: .bottom))
    XCTAssertEqual(bottom.maxY, 50)
  }

  func testSceneIsPrintableAndNestedPrimitivesAreFound() {
    var scene = Scene(size: Size(width: 400, height: 300), background: .white)
    let style = TextStyle(font: Font(families: ["Inter"], size: 9), color: .black)
    scene.append(
      .group(role: "bars", [.rect(Rect(x: 10, y: 10, width: 50.256, height: 20), Color(hex: "#0072b2") ?? .black)]))
    scene.append(.clip(.rect(Rect(x: 0, y: 0, width: 5, height: 5)), [.text(TextItem("a \"b\"", at: Point(1, 2), style: style))]))
    scene.append(.line(from: Point(0, -0.001), to: Point(3, 4), StrokeStyle(color: .black, width: 0.5, dash: [2, 1])))
    XCTAssertEqual(
      scene.description,
      """
      scene 400x300 background #ffffff
        group bars
          fill M10,10 L60.26,10 L60.26,30 L10,30 Z #0072b2
        clip M0,0 L5,0 L5,5 L0,5 Z
          text "a \\"b\\"" at 1,2 start/baseline Inter 9 w400 #000000
        stroke M0,0 L3,4 #000000 w0.5 dash 2,1
      """)
    XCTAssertEqual(scene.texts.map(\.text), ["a \"b\""])
    XCTAssertEqual(scene.groups(role: "bars").count, 1)
    XCTAssertEqual(scene.allPrimitives.count, 5)
  }

  func testRendererWalksPrimitivesInOrder() throws {
    struct Log: Renderer {
      var calls: [String] = []
      mutating func beginPage(size: Size, background: Color?) throws { calls.append("page \(size.width)") }
      mutating func fill(_ path: Path, color: Color) throws { calls.append("fill") }
      mutating func stroke(_ path: Path, style: StrokeStyle) throws { calls.append("stroke") }
      mutating func drawText(_ item: TextItem) throws { calls.append("text \(item.text)") }
      mutating func pushClip(_ path: Path) throws { calls.append("clip") }
      mutating func popClip() throws { calls.append("unclip") }
      mutating func pushTransform(offset: Point, scale: Double) throws { calls.append("move \(offset.x)") }
      mutating func popTransform() throws { calls.append("unmove") }
      mutating func endPage() throws { calls.append("end") }
    }
    let style = TextStyle(font: Font(families: ["Inter"], size: 9), color: .black)
    let scene = Scene(
      size: Size(width: 10, height: 10),
      primitives: [
        .clip(.rect(Rect(x: 0, y: 0, width: 1, height: 1)), [.group(role: "g", [.rect(Rect(x: 0, y: 0, width: 1, height: 1), .black)])]),
        .text(TextItem("t", at: .zero, style: style)),
        .transform(offset: Point(5, 0), scale: 1, [.link(Rect(x: 0, y: 0, width: 1, height: 1), target: "#a")]),
      ])
    var log = Log()
    try log.draw(scene)
    XCTAssertEqual(log.calls, ["page 10.0", "clip", "fill", "unclip", "text t", "move 5.0", "unmove", "end"])
  }
}
