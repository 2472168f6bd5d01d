import Foundation

/// Work that runs on background threads while the calling thread goes on, for jobs that touch no
/// Cairo or Pango object of another thread, such as ``RasterImage/encodePNG()``. With one job, each
/// piece runs at once on the calling thread.
public final class BackgroundWork<R>: @unchecked Sendable {
  private let jobs: Int
  private let group = DispatchGroup()
  private let slots: DispatchSemaphore
  private let lock = NSLock()
  private var results: [Result<R, Error>?] = []

  /// Work on up to `jobs` threads at once; one job runs everything on the calling thread.
  public init(jobs: Int) {
    self.jobs = max(1, jobs)
    slots = DispatchSemaphore(value: self.jobs)
  }

  /// Starts `work`; its result takes the next place in submission order.
  public func submit(_ work: @escaping @Sendable () throws -> R) {
    lock.lock()
    let index = results.count
    results.append(nil)
    lock.unlock()
    guard jobs > 1 else {
      results[index] = Result { try work() }
      return
    }
    slots.wait()
    DispatchQueue.global().async(group: group) { [self] in
      let r = Result { try work() }
      lock.lock()
      results[index] = r
      lock.unlock()
      slots.signal()
    }
  }

  /// Waits for every piece and returns the results in submission order; throws the first error in that order.
  public func wait() throws -> [R] {
    group.wait()
    lock.lock()
    defer { lock.unlock() }
    return try results.map { r in
      guard let r else { throw RenderError.invalidRequest("a background job did not run") }
      return try r.get()
    }
  }
}
