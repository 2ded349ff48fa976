using System.Diagnostics;
using System.Globalization;
using System.Text;
using Troc.Bench.Catalogue;
using Troc.Domain.Catalogue;

// bench/catalogue: evaluation of the item-type resolver on hand-labelled French phrases, and its throughput.
//   report          evaluation + throughput, tables written into bench/catalogue/README.md
//   evaluate        evaluation tables only
//   dev-failures    the dev half's failures, to improve the vocabulary (the held-out half's are never printed)
//   throughput      resolutions per second, one thread
//   validate        load and validate the catalogue, print its size
//   explain TEXT…   how each text resolves, with evidence

var command = args.Length > 0 ? args[0] : "report";
var here = FindBenchFolder();
var dev = EvaluationSet.Read(Path.Combine(here, "evaluation-dev.tsv"));
var heldOut = EvaluationSet.Read(Path.Combine(here, "evaluation-heldout.tsv"));

var buildWatch = Stopwatch.StartNew();
var catalogue = ItemCatalogue.Load(Troc.Domain.Categories.CatalogueFile.Load(), ItemCatalogue.EmbeddedDataFiles());
var resolver = new ItemTypeResolver(catalogue);
buildWatch.Stop();

switch (command)
{
    case "validate":
        Console.WriteLine(CatalogueSize(catalogue, resolver, buildWatch.Elapsed));
        break;
    case "evaluate":
        Console.WriteLine(EvaluationTables(resolver, dev, heldOut));
        break;
    case "dev-failures":
        foreach (var prediction in dev.Select(p => Evaluation.Predict(resolver, p)).Where(p => !p.Correct || p.NearMissConfusion))
            Console.WriteLine($"{prediction.Phrase.Kind,-5} | {prediction.Phrase.Text} | expected {prediction.Phrase.Expected} | got {string.Join(", ", prediction.Ranked)}");
        break;
    case "explain":
        foreach (var text in args.Skip(1))
        {
            Console.WriteLine($"{text}: keys [{string.Join(' ', Troc.Domain.Catalogue.Analysis.FrenchAnalyzer.Analyze(text).Select(t => t.IsFunctionWord ? "(" + t.Key + ")" : t.Key))}]");
            foreach (var match in resolver.ResolveListing(text, null, 5))
                Console.WriteLine($"  {match.ItemType.Slug} {match.Confidence:F3} <- {string.Join("; ", match.Evidence.Select(e => $"{e.Kind} '{e.Text}'='{e.Phrase}'{(e.Corrected ? " (typo)" : "")}"))}");
            var want = resolver.ResolveWant(text);
            Console.WriteLine($"  as a want: {want.Scope} {want.Subcategory?.Subcategory.Slug} {want.Subcategory?.Confidence:F3}");
        }
        break;
    case "throughput":
        Console.WriteLine(ThroughputTable(resolver, dev.Concat(heldOut).ToList()));
        break;
    case "report":
        var report = new StringBuilder()
            .AppendLine(CatalogueSize(catalogue, resolver, buildWatch.Elapsed))
            .AppendLine(EvaluationTables(resolver, dev, heldOut))
            .AppendLine(ThroughputTable(resolver, dev.Concat(heldOut).ToList()))
            .ToString();
        Console.WriteLine(report);
        WriteIntoReadme(Path.Combine(here, "README.md"), report);
        break;
    default:
        Console.Error.WriteLine($"unknown command '{command}': use report, evaluate, dev-failures, throughput or validate");
        return 2;
}
return 0;

static string CatalogueSize(ItemCatalogue catalogue, ItemTypeResolver resolver, TimeSpan buildTime)
{
    var perCategory = catalogue.ItemTypes.GroupBy(t => t.CategorySlug).Select(g => $"{g.Key} {g.Count()}");
    return new StringBuilder()
        .AppendLine("### Catalogue")
        .AppendLine()
        .AppendLine("| item types | vocabulary entries | indexed phrases | near-miss pairs | subcategories with broad terms | load + index time |")
        .AppendLine("|---:|---:|---:|---:|---:|---:|")
        .AppendLine(Invariant($"| {catalogue.ItemTypes.Count} | {catalogue.VocabularyEntryCount} | {resolver.IndexedPhraseCount} | {catalogue.ItemTypes.Sum(t => t.NearMisses.Count) / 2} | {catalogue.Subcategories.Count(s => s.BroadTerms.Count > 0)} | {buildTime.TotalMilliseconds:F0} ms |"))
        .AppendLine()
        .AppendLine("Item types per category: " + string.Join(", ", perCategory) + ".")
        .ToString();
}

static string EvaluationTables(ItemTypeResolver resolver, IReadOnlyList<LabelledPhrase> dev, IReadOnlyList<LabelledPhrase> heldOut)
{
    var table = new StringBuilder()
        .AppendLine("### Evaluation")
        .AppendLine()
        .AppendLine("| half | kind | phrases | top-1 accuracy | top-3 recall | phrases with near misses | near-miss confusions |")
        .AppendLine("|---|---|---:|---:|---:|---:|---:|");
    foreach (var (name, half) in new[] { ("dev", dev), ("held-out", heldOut) })
    {
        var predictions = half.Select(p => Evaluation.Predict(resolver, p)).ToList();
        foreach (var (kind, label) in new[] { (PhraseKind.Title, "titles"), (PhraseKind.Want, "wants") })
            table.AppendLine(Row(name, label, Evaluation.Summarise(predictions.Where(p => p.Phrase.Kind == kind).ToList())));
        table.AppendLine(Row(name, "all", Evaluation.Summarise(predictions)));
    }
    table.AppendLine()
        .AppendLine("Targets on the held-out half: titles top-1 ≥ 0.95, wants top-1 ≥ 0.90, near-miss confusions ≤ 2 %.");
    return table.ToString();

    static string Row(string half, string kind, Score s) =>
        Invariant($"| {half} | {kind} | {s.Count} | {s.Top1:F3} | {s.Top3:F3} | {s.WithNearMisses} | {s.NearMissConfusion:P1} |");
}

static string ThroughputTable(ItemTypeResolver resolver, IReadOnlyList<LabelledPhrase> phrases)
{
    void ResolveAll()
    {
        foreach (var phrase in phrases)
        {
            if (phrase.Kind == PhraseKind.Title) resolver.ResolveListing(phrase.Text, null, 3);
            else resolver.ResolveWant(phrase.Text, 3);
        }
    }

    // A listing as the API will see it: a title and a description of a few sentences (here, five other phrases).
    var titles = phrases.Where(p => p.Kind == PhraseKind.Title).Select(p => p.Text).ToList();
    var listings = titles.Select((title, i) => (Title: title, Description: string.Join(". ", Enumerable.Range(1, 5).Select(k => phrases[(i * 7 + k) % phrases.Count].Text)))).ToList();
    void ResolveListings()
    {
        foreach (var (title, description) in listings) resolver.ResolveListing(title, description, 3);
    }

    var table = new StringBuilder()
        .AppendLine("### Throughput")
        .AppendLine()
        .AppendLine("| workload | resolutions | seconds | resolutions per second (one thread) | mean per resolution | target |")
        .AppendLine("|---|---:|---:|---:|---:|---:|");
    foreach (var (name, run, count) in new[] { ("evaluation phrases (titles and wants)", (Action)ResolveAll, phrases.Count), ("title + 5-sentence description", ResolveListings, listings.Count) })
    {
        for (var i = 0; i < 3; i++) run(); // warm-up: JIT, tiered compilation
        var resolutions = 0L;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(5))
        {
            run();
            resolutions += count;
        }
        watch.Stop();
        var perSecond = resolutions / watch.Elapsed.TotalSeconds;
        table.AppendLine(Invariant($"| {name} | {resolutions} | {watch.Elapsed.TotalSeconds:F2} | {perSecond:F0} | {1_000_000 / perSecond:F1} µs | ≥ 2,000/s |"));
    }
    return table
        .AppendLine()
        .AppendLine(Invariant($"Single thread, Stopwatch loop of 5 s per workload after 3 warm-up passes; titles through `ResolveListing`, wants through `ResolveWant`; {Environment.ProcessorCount} shared cores, .NET {Environment.Version}."))
        .ToString();
}

static void WriteIntoReadme(string readme, string report)
{
    const string marker = "<!-- results: everything below is written by bench/catalogue/run -->";
    var text = File.Exists(readme) ? File.ReadAllText(readme) : "";
    var at = text.IndexOf(marker, StringComparison.Ordinal);
    var head = at >= 0 ? text[..at] : text.TrimEnd() + Environment.NewLine + Environment.NewLine;
    File.WriteAllText(readme, head + marker + "\n\n" + report.TrimEnd() + "\n");
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

static string FindBenchFolder()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Troc.slnx")))
            return Path.Combine(dir.FullName, "bench", "catalogue");
    throw new InvalidOperationException("Troc.slnx not found above " + AppContext.BaseDirectory);
}
