import BriefCairo
import Foundation

/// Renders independent items on several threads, each with its own Cairo
/// backend (Pango's font maps are not shared between threads), and returns the
/// results in the items' order, so the output never depends on scheduling.
enum Parallel {
  /// Holds values that threads only read, or write at their own index under a lock.
  private final class Shared<T>: @unchecked Sendable {
    var value: T
    init(_ value: T) { self.value = value }
  }

  /// Applies `body` to every item on up to `jobs` threads; the first error by item order is thrown.
  static func map<T, R>(_ items: [T], jobs: Int, _ body: @escaping (T, CairoBackend) throws -> R) throws -> (results: [R], fontFiles: Set<String>) {
    let workers = max(1, min(jobs, items.count))
    let input = Shared(items)
    let work = Shared(body)
    let results = Shared([Result<R, Error>?](repeating: nil, count: items.count))
    let fonts = Shared(Set<String>())
    let lock = NSLock()
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      let backend: CairoBackend
      do {
        backend = try CairoBackend()
      } catch {
        lock.lock()
        for i in stride(from: worker, to: input.value.count, by: workers) { results.value[i] = .failure(error) }
        lock.unlock()
        return
      }
      for i in stride(from: worker, to: input.value.count, by: workers) {
        let r = Result { try work.value(input.value[i], backend) }
        lock.lock()
        results.value[i] = r
        lock.unlock()
      }
      lock.lock()
      fonts.value.formUnion(backend.text.fontFiles)
      lock.unlock()
    }
    var out: [R] = []
    for r in results.value {
      switch r {
      case .success(let v)?: out.append(v)
      case .failure(let e)?: throw e
      case nil: throw RenderError.invalidRequest("a render job did not run")
      }
    }
    return (out, fonts.value)
  }
}

