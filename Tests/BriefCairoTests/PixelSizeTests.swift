import BriefCairo
import BriefScene
import XCTest

/// A page's size in pixels at a scale: less than a pixel a side is too small, and says so.
final class PixelSizeTests: XCTestCase {
  func testAScaleThatLeavesLessThanAPixelIsTooSmallNotTooLarge() throws {
    let size = Size(width: 640, height: 400)
    let smallest = try CairoBackend.pixelSize(size, scale: 0.00125, maxPixels: 100)
    XCTAssertEqual([smallest.0, smallest.1], [1, 1])
    XCTAssertThrowsError(try CairoBackend.pixelSize(size, scale: 0.001, maxPixels: 100)) { error in
      XCTAssertEqual(error as? RenderError, .imageTooSmall(width: 640, height: 400, scale: 0.001))
      XCTAssertEqual(
        "\(error)",
        "an image of 640×400 points at scale 0.001 is 1×0 pixels, too small: it needs at least 1 pixel a side (raise --scale)")
    }
    XCTAssertEqual(
      "\(RenderError.imageTooSmall(width: 1.5, height: 1, scale: 0.2))",
      "an image of 1.5×1 points at scale 0.2 is 0×0 pixels, too small: it needs at least 1 pixel a side (raise --scale)")
  }
}
