import ArgumentParser
import BriefOutput
import BriefExtract
import BriefModel
import Foundation

/// `brief extract ARTICLE --source ID`: proposes every reported figure of an article as a draft
/// observation, written to `DATA/inbox/SOURCE.yaml` for review.
///
/// `--evaluate GOLD.tsv --articles DIR` scores the extraction (or a peer's `--predictions`) against
/// a gold list; `--merge` moves the reviewed drafts of the inbox into observations.yaml.
struct ExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Propose every reported figure of an article as draft observations for review.",
    discussion: """
      Reads a UTF-8 text or Markdown article; the source's publication date (sources.yaml, or --published) resolves \
      periods such as 'last year'. Drafts go to DATA/inbox/SOURCE.yaml unless -o says otherwise ('-' for standard output).
      Exit codes: 0 success, 1 bad input data, 2 bad usage.
      """
  )

  @Argument(help: "The article: plain text (UTF-8) or Markdown (.md).")
  var article: String?

  @Option(help: "The source id in sources.yaml the article is.")
  var source: String?

  @Option(help: "The dataset folder.")
  var data = "seeds"

  @Option(help: "The publication date (EDTF), for a source not yet in sources.yaml.")
  var published: String?

  @Option(name: .shortAndLong, help: "The drafts file (default DATA/inbox/SOURCE.yaml; '-' for standard output).")
  var output: String?

  @Flag(help: "Write the figures as tab-separated rows (file, start, end, value, unit, period, measure) instead of YAML.")
  var tsv = false

  @Option(help: "Score the extraction against a gold list (TSV rows: file, start, end, value, unit, period, measure).")
  var evaluate: String?

  @Option(help: "With --evaluate: the folder holding the articles the sources' `file` fields name.")
  var articles: String?

  @Option(help: "With --evaluate: score these predictions (same TSV rows) instead of BriefKit's own.")
  var predictions: String?

  @Flag(help: "With --evaluate: list every missed, extra and wrong figure.")
  var details = false

  @Flag(help: "Move every reviewed draft (no `review` field left) of DATA/inbox/ into observations.yaml.")
  var merge = false

  func validate() throws {
    try DataDirectory.validate(data)
    let modes = [evaluate != nil, merge, article != nil].filter { $0 }.count
    if modes != 1 { throw ValidationError("give one of: an ARTICLE with --source, --evaluate GOLD.tsv, or --merge") }
    if article != nil && source == nil { throw ValidationError("--source ID is required with an ARTICLE") }
    if evaluate != nil && articles == nil && predictions == nil {
      throw ValidationError("--evaluate needs --articles DIR (or --predictions FILE to score a peer's figures)")
    }
  }

  func run() throws {
    try Failure.report {
      if let gold = evaluate {
        try runEvaluation(goldPath: gold)
      } else if merge {
        try runMerge()
      } else if let article, let source {
        try runExtraction(article: article, sourceId: source)
      }
    }
  }

  // MARK: - Extraction

  /// The dataset's vocabulary and sources; every problem in them is reported at once.
  func loadDataset() throws -> Dataset {
    switch DatasetLoader.load(directory: data) {
    case .success(let dataset): return dataset
    case .failure(let errors): throw errors
    }
  }

  func publication(of sourceId: String, in dataset: Dataset) throws -> (EDTFDate, file: String?) {
    if let published {
      do {
        return (try EDTFDate.parse(published), nil)
      } catch let e as EDTFDate.ParseError {
        throw Failure.usage("--published: \(e.description)")
      }
    }
    guard let source = dataset.sources.first(where: { $0.id == sourceId }) else {
      throw Failure.usage("no source \"\(sourceId)\" in \(data)/sources.yaml; enter it there, or give its date with --published")
    }
    return (source.published, source.file)
  }

  func extract(path: String, sourceId: String, dataset: Dataset, fileName: String?) throws -> [Draft] {
    let text = try InputFile.text(path)
    let (date, sourceFile) = try publication(of: sourceId, in: dataset)
    let markdown = path.hasSuffix(".md") || path.hasSuffix(".markdown")
    let existing = Set(dataset.observations.map(\.id))
    let name = fileName ?? sourceFile ?? (path.split(separator: "/").last.map(String.init) ?? path)
    return Extractor.extract(
      text, file: name, source: sourceId, published: date, vocabulary: dataset.vocabulary, markdown: markdown,
      existingIds: existing.union(Inbox.ids(in: data)))
  }

  func runExtraction(article: String, sourceId: String) throws {
    let dataset = try loadDataset()
    let drafts = try extract(path: article, sourceId: sourceId, dataset: dataset, fileName: nil)
    let (date, _) = try publication(of: sourceId, in: dataset)
    let text =
      tsv
      ? drafts.map { ScoredFigure($0).row + "\n" }.joined()
      : DraftWriter.yaml(drafts, file: drafts.first?.quote.file ?? article, source: sourceId, published: date.description)
    let target = output ?? "\(data)/inbox/\(Slug.make(sourceId)).yaml"
    if target == "-" {
      FileHandle.standardOutput.write(Data(text.utf8))
      return
    }
    if let slash = target.lastIndex(of: "/") { try OutputFolder.create(String(target[..<slash])) }
    _ = try OutputFile.write(Array(text.utf8), to: target)
  }

  // MARK: - Evaluation

  func runEvaluation(goldPath: String) throws {
    let gold = try ScoredFigure.read(try InputFile.text(goldPath), path: goldPath)
    var predicted: [ScoredFigure] = []
    if let predictions {
      predicted = try ScoredFigure.read(try InputFile.text(predictions), path: predictions)
    } else if let articles {
      let dataset = try loadDataset()
      var files: [String] = []
      for g in gold where !files.contains(g.file) { files.append(g.file) }
      for file in files {
        guard let source = dataset.sources.first(where: { $0.file == file }) else {
          throw Failure.usage("\(goldPath): no source in \(data)/sources.yaml has file: \(file)")
        }
        let drafts = try extract(path: articles + "/" + file, sourceId: source.id, dataset: dataset, fileName: file)
        predicted += drafts.map(ScoredFigure.init)
      }
    }
    let score = Score(gold: gold, predicted: predicted)
    var out = score.summary
    if details { out += score.details }
    FileHandle.standardOutput.write(Data(out.utf8))
  }

  // MARK: - Merge

  /// Moves reviewed drafts; prints nothing on success, as every command.
  func runMerge() throws {
    _ = try Inbox.merge(directory: data)
  }
}
