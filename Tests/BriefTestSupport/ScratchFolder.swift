import Foundation
import XCTest

extension XCTestCase {
  /// A new empty folder under the system's temporary folder, removed with everything in it when
  /// the test ends, whether it passed or not.
  ///
  /// ```swift
  /// let dir = try scratchFolder("briefkit-build")
  /// try brief(["build", "-o", dir])  // dir is gone after the test
  /// ```
  public func scratchFolder(_ name: String = "briefkit-test") throws -> String {
    let path = try Tools.scratchFolder(name)
    addTeardownBlock { Tools.remove(path) }
    return path
  }
}

extension Tools {
  /// Removes a folder and everything in it, making read-only folders in it writable first.
  public static func remove(_ path: String) {
    guard (try? FileManager.default.removeItem(atPath: path)) == nil, FileManager.default.fileExists(atPath: path) else { return }
    _ = try? run("chmod", ["-R", "u+w", path])
    try? FileManager.default.removeItem(atPath: path)
  }
}
