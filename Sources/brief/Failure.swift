import ArgumentParser
import BriefCairo
import BriefCharts
import BriefModel
import BriefOutput
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Maps errors to messages on standard error and to the exit codes of the command line:
/// 1 bad input data, 2 bad usage, 3 rendering or output failure.
enum Failure {
  static let badInput: Int32 = 1
  static let badUsage: Int32 = 2
  static let renderFailure: Int32 = 3

  /// Runs `body`, turning BriefKit errors into a message and an exit code.
  static func report(_ body: () throws -> Void) throws {
    do {
      try body()
    } catch let e as UsageError {
      throw exit("error: \(e.message)", code: badUsage)
    } catch let e as DatasetError {
      throw exit(e.description, code: badInput)
    } catch let e as DatasetErrors {
      throw exit(e.description, code: badInput)
    } catch let e as InputFileError {
      throw exit(e.description, code: badInput)
    } catch let e as ChartError {
      if case .located = e { throw exit("\(e)", code: badInput) }
      throw exit("error: \(e)", code: badInput)
    } catch let e as RenderError {
      switch e {
      case .unknownGlyphs, .unknownFontFamily, .imageTooSmall: throw exit("error: \(e)", code: badInput)
      default: break
      }
      throw exit("error: \(e)", code: renderFailure)
    } catch let e as OutputError {
      throw exit("error: \(e)", code: renderFailure)
    }
  }

  /// A usage error found after parsing (exit 2).
  static func usage(_ message: String) -> UsageError { UsageError(message: message) }

  static func exit(_ message: String, code: Int32) -> ExitCode {
    printError(message)
    return ExitCode(code)
  }

  static func printError(_ message: String) {
    var line = message
    if line.hasPrefix("Error: ") { line = "error: " + line.dropFirst(7) }
    if !line.hasPrefix("brief: ") && !line.contains(": error: ") { line = "brief: " + line }
    // Control characters from input (a NUL in an id would cut the line short) are shown escaped.
    var bytes = Array(line.escapingControlCharacters(keeping: ["\t", "\n"]).utf8)
    bytes.append(UInt8(ascii: "\n"))
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
  }
}

/// A usage problem found while running (exit 2).
struct UsageError: Error {
  var message: String
}

/// File system questions the commands ask.
enum FileSystem {
  static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

  static func isDirectory(_ path: String) -> Bool {
    var isDirectory: ObjCBool = false
    return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
  }
}

/// What the command line reads from the environment.
enum Environment {
  /// The date in `SOURCE_DATE_EPOCH`, when set; a malformed value is a usage error.
  static func sourceDateEpoch() throws -> PDFDate? {
    guard let raw = getenv("SOURCE_DATE_EPOCH") else { return nil }
    let value = String(cString: raw)
    guard let date = PDFDate(sourceDateEpoch: value) else {
      Failure.printError("error: SOURCE_DATE_EPOCH must be a whole number of seconds since 1970; found \"\(value)\"")
      throw ExitCode(Failure.badUsage)
    }
    return date
  }
}
