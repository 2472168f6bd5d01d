import BriefRuntime
import Synchronization
import XCTest

final class ParallelTests: XCTestCase {
  func testResultsComeInTheItemsOrderForAnyNumberOfJobs() throws {
    for jobs in [1, 2, 3, 8] {
      XCTAssertEqual(try Parallel.map(Array(0..<50), jobs: jobs) { $0 * $0 }, (0..<50).map { $0 * $0 }, "jobs \(jobs)")
    }
    XCTAssertEqual(try Parallel.map([Int](), jobs: 4) { $0 }, [])
  }

  func testTheFirstErrorInTheItemsOrderIsThrown() {
    struct Failed: Error, Equatable { var item: Int }
    for jobs in [1, 2, 4] {
      XCTAssertThrowsError(
        try Parallel.map(Array(0..<20), jobs: jobs) { i -> Int in
          if i % 7 == 3 { throw Failed(item: i) }
          return i
        }
      ) { XCTAssertEqual($0 as? Failed, Failed(item: 3), "jobs \(jobs)") }
    }
  }

  func testTheErrorIsTheFirstItemsEvenWhenALaterItemFailsSooner() {
    struct Failed: Error, Equatable { var item: Int }
    for _ in 0..<3 {
      XCTAssertThrowsError(
        try Parallel.map(Array(0..<8), jobs: 4) { i -> Int in
          if i == 3 { usleep(100_000); throw Failed(item: 3) }
          if i == 6 { throw Failed(item: 6) }
          return i
        }
      ) { XCTAssertEqual($0 as? Failed, Failed(item: 3)) }
    }
  }

  func testEachThreadMakesOneWorkerAndKeepsIt() throws {
    final class Worker { let id = ObjectIdentifier(NSObject()).hashValue }
    let made = Atomic<Int>(0)
    for jobs in [1, 2, 3] {
      made.store(0, ordering: .relaxed)
      let ids = try Parallel.map(Array(0..<30), jobs: jobs, worker: { () -> Worker in
        made.wrappingAdd(1, ordering: .relaxed)
        return Worker()
      }) { _, worker in worker.id }
      XCTAssertLessThanOrEqual(made.load(ordering: .relaxed), jobs)
      XCTAssertEqual(Set(ids).count, made.load(ordering: .relaxed))
    }
  }

  func testAWorkerThatCannotBeMadeFailsTheItemsOfItsThread() {
    struct NoWorker: Error {}
    XCTAssertThrowsError(try Parallel.map([1, 2, 3], jobs: 2, worker: { () throws -> Int in throw NoWorker() }) { $0 + $1 }) {
      XCTAssertTrue($0 is NoWorker)
    }
  }
}
