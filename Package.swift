// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "BriefKit",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "brief", targets: ["brief"]),
    .library(name: "BriefModel", targets: ["BriefModel"]),
    .library(name: "BriefScene", targets: ["BriefScene"]),
    .library(name: "BriefCharts", targets: ["BriefCharts"]),
    .library(name: "BriefDocument", targets: ["BriefDocument"]),
    .library(name: "BriefCairo", targets: ["BriefCairo"]),
    .library(name: "BriefExtract", targets: ["BriefExtract"]),
    .library(name: "BriefOutput", targets: ["BriefOutput"]),
    .library(name: "BriefRuntime", targets: ["BriefRuntime"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
  ],
  targets: [
    // System libraries: Cairo and Pango for BriefCairo, cmark-gfm for BriefDocument, libdeflate for
    // PNGs; zlib for the tests' own PNG reader, so what the encoder writes is read by another library.
    .systemLibrary(
      name: "CCairo",
      pkgConfig: "pangocairo",
      providers: [.apt(["libcairo2-dev", "libpango1.0-dev"])]
    ),
    .systemLibrary(
      name: "CCmark",
      pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
    ),
    .systemLibrary(
      name: "CDeflate",
      pkgConfig: "libdeflate",
      providers: [.apt(["libdeflate-dev"])]
    ),
    .systemLibrary(
      name: "CZlib",
      pkgConfig: "zlib",
      providers: [.apt(["zlib1g-dev"])]
    ),

    // Reported values, dates, sources, observations, dataset loading, statistics.
    .target(name: "BriefModel", dependencies: ["Yams"]),
    // Reported figures read out of articles as draft observations (`brief extract`).
    .target(name: "BriefExtract", dependencies: ["BriefModel"]),
    // Backend-neutral drawing: imports nothing of the project.
    .target(name: "BriefScene"),
    // Chart specs -> Scene.
    .target(name: "BriefCharts", dependencies: ["BriefScene", "BriefModel", "Yams"]),
    // Brief specs (Markdown with front matter) -> pages of blocks -> scenes.
    .target(name: "BriefDocument", dependencies: ["BriefCharts", "BriefScene", "BriefModel", "CCmark", "Yams"]),
    // The Cairo + Pango backend: scenes in, PDF, PNG and SVG bytes out. The only module that imports CCairo.
    .target(name: "BriefCairo", dependencies: ["BriefScene", "CCairo", "CDeflate"]),
    // Files out: atomic writes of a run's outputs, comparison with what is there, manifest, depfile, SHA-256.
    .target(name: "BriefOutput"),
    // How a BriefKit process runs: independent work (charts, pages) on a small pool of threads, results
    // in order; large buffers mapped on their own.
    .target(name: "BriefRuntime"),
    // The command line.
    .executableTarget(
      name: "brief",
      dependencies: [
        "BriefModel", "BriefScene", "BriefCharts", "BriefDocument", "BriefCairo", "BriefExtract", "BriefOutput", "BriefRuntime",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),

    .executableTarget(name: "brief-bench", dependencies: ["BriefModel", "BriefScene", "BriefCharts", "BriefDocument", "BriefCairo", "BriefOutput", "BriefRuntime"], path: "bench/Sources/brief-bench"),
    // Shared by the test targets: a fixed-metrics text measurer, a PNG reader, process helpers.
    .target(name: "BriefTestSupport", dependencies: ["BriefScene", "CZlib"], path: "Tests/BriefTestSupport"),
    .testTarget(name: "BriefModelTests", dependencies: ["BriefModel", "BriefTestSupport"]),
    .testTarget(name: "BriefExtractTests", dependencies: ["BriefExtract", "BriefModel"]),
    .testTarget(name: "BriefSceneTests", dependencies: ["BriefScene", "BriefTestSupport"]),
    .testTarget(name: "BriefChartsTests", dependencies: ["BriefCharts", "BriefScene", "BriefModel", "BriefTestSupport"]),
    .testTarget(name: "BriefDocumentTests", dependencies: ["BriefDocument", "BriefCharts", "BriefScene", "BriefModel", "BriefTestSupport"]),
    .testTarget(name: "BriefCairoTests", dependencies: ["BriefCairo", "BriefRuntime", "BriefScene", "BriefTestSupport"]),
    .testTarget(name: "BriefOutputTests", dependencies: ["BriefOutput", "BriefTestSupport"]),
    .testTarget(name: "BriefRuntimeTests", dependencies: ["BriefRuntime"]),
    .testTarget(name: "BriefCLITests", dependencies: ["BriefTestSupport"]),
  ],
  swiftLanguageModes: [.v6]
)
