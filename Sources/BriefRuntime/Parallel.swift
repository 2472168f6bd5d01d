import Dispatch
import Synchronization

/// The one way BriefKit runs work at once: independent items (charts, the pages of a chart
/// book, a brief beside its charts) on a small pool of threads, results in the items' order.
///
/// Each thread makes its own `Worker` (a text engine, a Cairo backend) the first time it takes
/// an item and keeps it for the items it takes next; a worker never leaves its thread, so it need
/// not be `Sendable` (Pango's font maps are not shared between threads). Items are handed out in
/// order as threads come free, so which thread does which item varies between runs: results must
/// not depend on it.
///
/// ```swift
/// let pngs = try Parallel.map(scenes, jobs: 2, worker: { try CairoBackend() }) { scene, backend in
///   try backend.png(scene, options: OutputOptions(scale: 2))
/// }
/// ```
public enum Parallel {
  /// Applies `body` to every item on up to `jobs` threads and returns the results in the items'
  /// order; the error of the first item (in that order) that failed is thrown. With one job or
  /// one item everything runs on the calling thread.
  public static func map<T: Sendable, R: Sendable, Worker>(
    _ items: [T], jobs: Int, worker: @Sendable () throws -> Worker, _ body: @Sendable (T, Worker) throws -> R
  ) throws -> [R] {
    let threads = max(1, min(jobs, items.count))
    guard threads > 1 else {
      guard !items.isEmpty else { return [] }
      let local = try worker()
      return try items.map { try body($0, local) }
    }
    let next = Atomic<Int>(0)
    let results = Mutex([Result<R, any Error>?](repeating: nil, count: items.count))
    DispatchQueue.concurrentPerform(iterations: threads) { _ in
      var local: Result<Worker, any Error>?
      while true {
        let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard i < items.count else { return }
        if local == nil { local = Result { try worker() } }
        let r: Result<R, any Error>
        switch local {
        case .success(let w)?: r = Result { try body(items[i], w) }
        case .failure(let e)?: r = .failure(e)
        case nil: r = .failure(ParallelError.didNotRun)
        }
        results.withLock { $0[i] = r }
      }
    }
    return try results.withLock { all in
      try all.map { r in
        guard let r else { throw ParallelError.didNotRun }
        return try r.get()
      }
    }
  }

  /// ``map(_:jobs:worker:_:)`` with nothing kept between items.
  public static func map<T: Sendable, R: Sendable>(_ items: [T], jobs: Int, _ body: @Sendable (T) throws -> R) throws -> [R] {
    try map(items, jobs: jobs, worker: {}) { item, _ in try body(item) }
  }
}

/// A failure of the pool itself, never of an item.
public enum ParallelError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An item was not run (a bug in ``Parallel``).
  case didNotRun

  public var description: String { "an item of parallel work did not run" }
}
