using System.Diagnostics;
using System.Globalization;
using Amanat.Core.Statistics;
using Amanat.Core.Vocabularies;
using Amanat.Web.Infrastructure;
using Amanat.Web.Resources;
using Amanat.Web.Features.Statistics;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Amanat.Benchmarks;

/// <summary>
/// What the exports cost at scale, on <c>N</c> demo incidents' facts in memory: the anonymised dataset
/// (preparing it: generalisation and suppression for k = 5, l = 2 over every column and the whole period;
/// then CSV and JSON written to a counting sink) and the figures (one scan, protection, then CSV, XLSX and
/// the PDF report). Time, bytes written, bytes allocated, and the process's peak working set.
/// <code>dotnet run -c Release --project bench/Amanat.Benchmarks -- export [incidents]</code>
/// </summary>
internal static class ExportCost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using var table = DemoFacts.Build(count, today, out var counted);
        GC.Collect();
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count:N0} incidents ({counted:N0} counted with STATS); working set with the fact table {baseline / 1_048_576.0:N0} MB"));

        var text = new KeyLocalizer();
        var datasets = new DatasetExport(null!, Options.Create(new AmanatOptions()), text);
        var request = new DatasetRequest(today.AddYears(-10), today, Enum.GetValues<DatasetField>());
        var release = await Measure("dataset: prepare (k 5, l 2, all columns)", () => Task.FromResult(DatasetRelease.Of(table, request)));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  considered {release.Considered:N0}, released {release.Released:N0}, left out {release.Suppressed:N0}, groups {release.Groups:N0}, smallest {release.SmallestGroup}; levels {string.Join(", ", Enum.GetValues<DatasetField>().Select(f => $"{DatasetRelease.Column(f)} {release.Level(f)}"))}"));
        await Write("dataset: CSV", sink => datasets.WriteCsvAsync(sink, release, CancellationToken.None));
        var dictionary = datasets.Dictionary(release, new VocabularyList([]), "en");
        await Write("dataset: JSON", sink => datasets.WriteJsonAsync(sink, release, dictionary, today, CancellationToken.None));

        var view = await Measure("figures: one scan + protection", () => Task.FromResult(View(table, today, text)));
        var export = new StatisticsExport(text);
        var rows = export.Rows(view, []);
        await Write($"figures: CSV ({rows.Count} rows)", sink => export.WriteCsvAsync(sink, rows, CancellationToken.None));
        await Write("figures: XLSX", sink => export.WriteXlsxAsync(sink, rows, CancellationToken.None));
        await Write("figures: PDF report", sink =>
        {
            PdfReport.Write(export.Report(view, [], "today"), sink);
            return Task.CompletedTask;
        });
        process.Refresh();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak working set {process.PeakWorkingSet64 / 1_048_576.0:N0} MB (with the fact table {baseline / 1_048_576.0:N0} MB)"));
        return 0;
    }

    private static async Task<T> Measure<T>(string what, Func<Task<T>> work)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var timer = Stopwatch.StartNew();
        var result = await work();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {timer.Elapsed.TotalMilliseconds:N0} ms, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1_048_576.0:N0} MB allocated"));
        return result;
    }

    private static async Task Write(string what, Func<Stream, Task> work)
    {
        var sink = new CountingStream();
        await Measure(what, async () =>
        {
            await work(sink);
            return 0;
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {sink.Length / 1_048_576.0:N1} MB written"));
    }

    /// <summary>The dashboard's breakdowns built as the page builds them (labels are the codes).</summary>
    private static DashboardView View(FactTable table, DateOnly today, KeyLocalizer text)
    {
        var filter = new StatFilter(new DateOnly(today.Year, today.Month, 1).AddMonths(-23), new DateOnly(today.Year, today.Month, 1));
        var figures = Figures.Of(table, filter);
        var disclosure = new Disclosure(5, rounded: false);
        var sections = new List<DashboardSection>();
        void Add(string id, IEnumerable<(string Code, long Count)> cells, long total)
        {
            var protectedTable = disclosure.Table(cells, total);
            var labels = protectedTable.Rows.Select(r => r.Code).ToList();
            var bars = protectedTable.Rows.Select(r => new ChartBar(r.Code, r.Cell.Value ?? 4, r.Cell.Value?.ToString("N0", CultureInfo.InvariantCulture) ?? "fewer than 5", r.Cell.Suppressed)).ToList();
            sections.Add(new DashboardSection(id, id, null, new Chart(id + "-chart", id, id, ChartKind.Bars, bars), protectedTable, labels, "n"));
        }

        Add("months", figures.ByMonth.Select(m => (StatMonths.FirstDay(m.Key).ToString("yyyy-MM", CultureInfo.InvariantCulture), (long)m.Value)), figures.Incidents);
        foreach (var (id, cells) in new[] { ("violations", figures.ByViolation), ("perpetrators", figures.ByPerpetrator), ("stations", figures.ByStation), ("cities", figures.ByCity), ("nationalities", figures.ByNationality) })
        {
            Add(id, cells.OrderByDescending(c => c.Value).Select(c => (c.Key.Length == 0 ? "-" : c.Key, (long)c.Value)), cells.Values.Sum());
        }

        return new DashboardView(false, 5, false, [new(text["Stats.Incidents"], figures.Incidents.ToString(CultureInfo.InvariantCulture), figures.Incidents)], sections, []);
    }

    /// <summary>Texts by their keys: the benchmark measures the work, not the words.</summary>
    private sealed class KeyLocalizer : IStringLocalizer<SharedResource>
    {
        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, name + " " + string.Join(' ', arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private sealed class CountingStream : Stream
    {
        private long length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => length;

        public override long Position { get => length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => length += buffer.Length;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            length += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            length += count;
            return Task.CompletedTask;
        }
    }
}
