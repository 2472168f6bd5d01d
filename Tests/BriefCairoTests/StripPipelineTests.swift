@testable import BriefCairo
import Foundation
import XCTest

/// The pipeline that compresses an image's strips in order while threads draw them.
final class StripPipelineTests: XCTestCase {
  struct StripFailed: Error, Equatable { var strip: Int }

  /// Strip k's bytes: enough of them, and varied enough, to cross igzip's 256 KiB pieces.
  func bytes(_ k: Int, count: Int) -> [UInt8] {
    (0..<count).map { UInt8(truncatingIfNeeded: ($0 / 7) &* (k + 3) ^ ($0 % 251)) }
  }

  /// Runs `threads` workers over `strips` strips of `size` bytes with `buffers` buffers; strips in
  /// `failing` fail. Later strips are quicker, so they finish out of order.
  func run(strips: Int, size: Int, threads: Int, buffers: Int, failing: Set<Int> = []) throws -> [UInt8] {
    let pipeline = StripPipeline(
      rows: (0..<strips).map { $0 * 10..<$0 * 10 + 10 }, buffers: buffers, bufferBytes: size, stream: try ZlibStream(total: strips * size))
    let data = (0..<strips).map { bytes($0, count: size) }
    let group = DispatchGroup()
    for _ in 0..<threads {
      group.enter()
      Thread {
        while let (k, buffer) = pipeline.claim() {
          usleep(UInt32((strips - k) * 300))
          if failing.contains(k) {
            pipeline.fail(strip: k, StripFailed(strip: k))
            continue
          }
          data[k].withUnsafeBufferPointer { buffer.update(from: $0.baseAddress!, count: size) }
          pipeline.drawn(k) { $0.feed(UnsafeRawBufferPointer(start: buffer, count: size)) }
        }
        group.leave()
      }.start()
    }
    group.wait()
    return try pipeline.finish()
  }

  func testStripsCompressInOrderToTheBytesOfOneStreamWhateverTheThreadsAndBuffers() throws {
    let (strips, size) = (9, 100_003)
    let whole = try ZlibStream(total: strips * size)
    let all = (0..<strips).flatMap { bytes($0, count: size) }
    all.withUnsafeBytes { whole.feed($0) }
    let expected = try whole.finish()
    for (threads, buffers) in [(1, 1), (2, 1), (2, 4), (3, 2)] {
      XCTAssertEqual(try run(strips: strips, size: size, threads: threads, buffers: buffers), expected, "\(threads) threads, \(buffers) buffers")
    }
  }

  func testTheLowestFailedStripIsReportedAndNothingHangs() {
    for threads in [1, 2, 3] {
      XCTAssertThrowsError(try run(strips: 8, size: 1_000, threads: threads, buffers: 2, failing: [3, 6])) {
        XCTAssertEqual($0 as? StripFailed, StripFailed(strip: 3), "\(threads) threads")
      }
    }
  }

  func testAStreamRefusesInputOfAnotherSizeThanAnnounced() throws {
    let short = try ZlibStream(total: 10)
    [UInt8](repeating: 1, count: 9).withUnsafeBytes { short.feed($0) }
    XCTAssertThrowsError(try short.finish())
    let long = try ZlibStream(total: 10)
    [UInt8](repeating: 1, count: 11).withUnsafeBytes { long.feed($0) }
    XCTAssertThrowsError(try long.finish())
  }
}
