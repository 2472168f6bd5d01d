import Foundation

/// Runs programs and manages scratch folders for tests.
public enum Tools {
  /// The result of running a program.
  public struct Run {
    public var status: Int32
    public var stdout: String
    public var stderr: String
  }

  /// Runs `program` (looked up on PATH) with `arguments`, waiting for it to finish.
  public static func run(_ program: String, _ arguments: [String], environment: [String: String]? = nil, cwd: String? = nil) throws -> Run {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = [program] + arguments
    if let environment {
      p.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
    }
    if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
    // Output goes to files, so a chatty program cannot block on a full pipe.
    let dir = NSTemporaryDirectory() + "/briefkit-run-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    FileManager.default.createFile(atPath: dir + "/out", contents: nil)
    FileManager.default.createFile(atPath: dir + "/err", contents: nil)
    let out = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/out"))
    let err = try FileHandle(forWritingTo: URL(fileURLWithPath: dir + "/err"))
    p.standardOutput = out
    p.standardError = err
    p.standardInput = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    try out.close()
    try err.close()
    let outData = FileManager.default.contents(atPath: dir + "/out") ?? Data()
    let errData = FileManager.default.contents(atPath: dir + "/err") ?? Data()
    return Run(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
  }

  /// A new empty folder under the system's temporary folder, which the caller removes; in a
  /// test, `XCTestCase.scratchFolder(_:)` removes it when the test ends.
  public static func scratchFolder(_ name: String = "briefkit-test") throws -> String {
    let path = NSTemporaryDirectory() + "/\(name)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// The package's root folder, found from this source file's location.
  public static var packageRoot: String {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
  }

  /// The `brief` executable built next to the test bundle.
  public static var briefExecutable: String {
    let dir = URL(fileURLWithPath: CommandLine.arguments.first ?? "").deletingLastPathComponent()
    let candidate = dir.appendingPathComponent("brief").path
    if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    return packageRoot + "/.build/debug/brief"
  }

  /// The names of the files in a folder, sorted, hidden ones included.
  public static func listing(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
  }
}
