import Foundation

/// Runs programs and manages scratch folders for tests.
public enum Tools {
  /// The result of running a program.
  public struct Run {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// The signal that ended the program, if one did (then `status` is its number).
    public var signal: Int32? = nil
    /// Whether the program was killed for running past its time limit.
    public var timedOut = false
  }

  /// Runs `program` (looked up on PATH) with `arguments`, waiting for it to finish, or with
  /// `timeLimit` (seconds) killing it with SIGKILL when it runs longer.
  public static func run(
    _ program: String, _ arguments: [String], environment: [String: String]? = nil, cwd: String? = nil, timeLimit: Double? = nil
  ) throws -> Run {
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
    // /usr/bin/env execs the program (as prlimit and setpriv do), so the process is the program itself.
    let killed = Flag()
    let watchdog = DispatchWorkItem { [pid = p.processIdentifier] in
      killed.set()
      kill(pid, SIGKILL)
    }
    if let timeLimit { DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: watchdog) }
    p.waitUntilExit()
    watchdog.cancel()
    try out.close()
    try err.close()
    let outData = FileManager.default.contents(atPath: dir + "/out") ?? Data()
    let errData = FileManager.default.contents(atPath: dir + "/err") ?? Data()
    let signal = p.terminationReason == .uncaughtSignal ? p.terminationStatus : nil
    return Run(
      status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
      signal: signal, timedOut: killed.isSet && signal == SIGKILL)
  }

  /// A flag one thread sets and another reads.
  final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
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

  /// The `brief` executable built next to the test bundle; `BRIEF_EXECUTABLE`, when set, names another
  /// build (to check that a corpus case fails on older code).
  public static var briefExecutable: String {
    if let other = ProcessInfo.processInfo.environment["BRIEF_EXECUTABLE"], !other.isEmpty { return other }
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
