using System.Net;
using System.Text;
using System.Text.Json;
using Amanat.Core.Auditing;
using Amanat.Core.Staff;
using Amanat.Core.Vocabularies;
using Amanat.Web.Tests.Community;
using Amanat.Web.Tests.Incidents;
using Amanat.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using UglyToad.PdfPig;

namespace Amanat.Web.Tests.Statistics;

/// <summary>
/// The dashboard's figures as CSV, XLSX and PDF (same suppression, formulas neutralised, audited with their
/// rows), and the anonymised dataset (k and l hold on the file itself, no names, audited), on both databases.
/// </summary>
public abstract class ExportTests(AmanatApp app) : IntegrationTest(app)
{
    [Fact]
    public async Task Figures_DownloadAsCsvXlsxAndPdf_WithTheSameHiddenCells_AndNoFormula()
    {
        var coordinator = await RecordSevenAsync();
        await App.WithDbAsync(async db =>
        {
            var almaty = await db.VocabularyEntries.SingleAsync(e => e.Kind == VocabularyKind.City && e.Code == "ALA");
            almaty.SetLabels(almaty.Labels with { Ru = "=HYPERLINK(\"http://example.org/?\"&A1;\"Алматы\")" });
            return await db.SaveChangesAsync();
        });

        using var csv = await coordinator.Http.GetAsync(new Uri("/staff/statistics/export?lang=ru&Format=csv", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("attachment", csv.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Разрез,Категория,Код,Число,Примечание", lines[0]);
        Assert.Contains("Главные цифры,Случаи,,7,", lines);
        // Almaty's 3 and Taldykorgan's 4 are hidden as on the page, and the formula is text.
        Assert.Contains("Регион или город,\"'=HYPERLINK(\"\"http://example.org/?\"\"&A1;\"\"Алматы\"\")\",ALA,,меньше 5", lines);
        Assert.Contains("Регион или город,Талдыкорган,TAL,,меньше 5", lines);
        Assert.DoesNotContain(lines, l => l.Contains(",3,", StringComparison.Ordinal) || l.Contains(",4,", StringComparison.Ordinal));
        Assert.DoesNotContain("Гульнара", text, StringComparison.Ordinal);
        Assert.DoesNotContain(lines.Skip(1).SelectMany(l => l.Split(',')), f => f.Length > 0 && f[0] is '=' or '+' or '-' or '@');

        using var xlsx = await coordinator.Http.GetAsync(new Uri("/staff/statistics/export?lang=ru&Format=xlsx", UriKind.Relative));
        Assert.True(xlsx.StatusCode == HttpStatusCode.OK, App.Logs.All);
        using var sheet = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = sheet.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(lines.Length - 1, rows.Count);
        var almatyRow = rows.Single(r => Equals(r["Код"], "ALA"));
        Assert.StartsWith("'=HYPERLINK", (string?)almatyRow["Категория"], StringComparison.Ordinal);
        Assert.Null(almatyRow["Число"]);
        Assert.Equal("меньше 5", almatyRow["Примечание"]);
        Assert.Equal(7d, Convert.ToDouble(rows.Single(r => Equals(r["Категория"], "Случаи"))["Число"], System.Globalization.CultureInfo.InvariantCulture));

        using var pdf = await coordinator.Http.GetAsync(new Uri("/staff/statistics/export?lang=kk&Format=pdf", UriKind.Relative));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        using var document = PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var pages = string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Статистикалық", pages, StringComparison.Ordinal);
        Assert.Contains("Талдықорған", pages, StringComparison.Ordinal);
        Assert.Contains("5-ден", pages, StringComparison.Ordinal); // "5-ден аз": fewer than 5
        Assert.DoesNotContain("Гульнара", pages, StringComparison.Ordinal);

        var audited = await App.WithDbAsync(db => db.Set<AuditEvent>().OrderBy(a => a.Sequence).Where(e => e.Type == AuditEventType.StatisticsCsvExported || e.Type == AuditEventType.StatisticsXlsxExported || e.Type == AuditEventType.StatisticsPdfExported).ToListAsync());
        Assert.Equal(3, audited.Count);
        Assert.Equal(lines.Length - 1, audited.Single(e => e.Type == AuditEventType.StatisticsCsvExported).Value);
    }

    [Fact]
    public async Task AnalystsDownloadRoundedFigures_AThinFilterOrABadFormatLeadsBack_OutreachIsDenied()
    {
        await RecordSevenAsync();
        var analyst = await StaffClient.SignInNewAsync(App, StaffRoles.Analyst);
        var csv = await analyst.Http.GetStringAsync(new Uri("/staff/statistics/export?lang=en&Format=csv", UriKind.Relative));
        Assert.Contains("Key figures,Incidents,,5,", csv, StringComparison.Ordinal);

        var choose = await analyst.Http.GetStringAsync(new Uri("/staff/statistics/export?lang=uz&Format=exe&City=AST", UriKind.Relative));
        Assert.Contains("Roʻyxatdan tanlang.", choose, StringComparison.Ordinal);
        Assert.Contains("Format=pdf", choose, StringComparison.Ordinal);
        Assert.Contains("City=AST", choose, StringComparison.Ordinal);
        foreach (var query in new[] { "Format=csv&City=ALA", "Format=csv&From=abc", "Format=pdf&Violation=%3Cscript%3E" })
        {
            using var back = await analyst.Http.GetAsync(new Uri("/staff/statistics/export?lang=en&" + query, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
            Assert.StartsWith("/staff/statistics?", back.Headers.Location?.ToString(), StringComparison.Ordinal);
        }

        using var dataset = await analyst.Http.GetAsync(new Uri("/staff/statistics/dataset?handler=download&Format=csv", UriKind.Relative));
        Assert.Contains("/staff/denied", dataset.Headers.Location?.ToString(), StringComparison.Ordinal);
        var outreach = await StaffClient.SignInNewAsync(App, StaffRoles.Outreach);
        using var denied = await outreach.Http.GetAsync(new Uri("/staff/statistics/export?Format=csv", UriKind.Relative));
        Assert.Contains("/staff/denied", denied.Headers.Location?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDataset_HoldsKAndLInTheFileItself_WithItsDictionary_AndIsAudited()
    {
        var coordinator = await RecordSevenAsync();
        var page = await coordinator.Http.GetStringAsync(new Uri("/staff/statistics/dataset?lang=ru&Prepare=true&Fields=Period&Fields=Region&Fields=Perpetrators&Fields=Documents", UriKind.Relative));
        Assert.Contains("Выдаётся строк", page, StringComparison.Ordinal);
        Assert.Contains("handler=download", page, StringComparison.Ordinal);

        var csv = await coordinator.Http.GetStringAsync(new Uri("/staff/statistics/dataset?lang=ru&handler=download&Format=csv&Fields=Period&Fields=Region&Fields=Perpetrators&Fields=Documents", UriKind.Relative));
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("record,period,region,perpetrators,documents,violations", lines[0]);
        var records = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(7, records.Count);
        foreach (var group in records.GroupBy(r => string.Join('|', r[1..^1])))
        {
            Assert.True(group.Count() >= 6, "a group smaller than k + 1");
            Assert.True(group.SelectMany(r => r[^1].Trim('"').Split(';')).Distinct().Count() >= 2, "a group with one violation");
        }

        Assert.DoesNotContain("Гульнара", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("TAL", csv, StringComparison.Ordinal); // a city never appears, at most its region

        var json = await coordinator.Http.GetStringAsync(new Uri("/staff/statistics/dataset?lang=kk&handler=download&Format=json&Fields=Period&Fields=Region&Fields=Perpetrators&Fields=Documents", UriKind.Relative));
        using var parsed = JsonDocument.Parse(json);
        Assert.Equal(7, parsed.RootElement.GetProperty("release").GetProperty("released").GetInt32());
        Assert.Equal(7, parsed.RootElement.GetProperty("records").GetArrayLength());
        Assert.Contains(parsed.RootElement.GetProperty("dictionary").EnumerateArray(), e => e.GetProperty("value").GetString() == "ST-DET");
        Assert.Equal("сұралмаған", parsed.RootElement.GetProperty("release").GetProperty("levels").GetProperty("money_extorted").GetString()); // not asked for

        var dictionary = await coordinator.Http.GetStringAsync(new Uri("/staff/statistics/dataset?lang=uz&handler=download&Format=dictionary&Fields=Period&Fields=Region", UriKind.Relative));
        Assert.Contains("column,value,meaning", dictionary, StringComparison.Ordinal);
        Assert.Contains("violations,CL-PHY,", dictionary, StringComparison.Ordinal);

        var audited = await App.WithDbAsync(db => db.Set<AuditEvent>().OrderBy(a => a.Sequence).Where(e => e.Type == AuditEventType.DatasetCsvExported || e.Type == AuditEventType.DatasetJsonExported).ToListAsync());
        Assert.Equal([7L, 7L], audited.Select(e => e.Value ?? 0));

        using var bad = await coordinator.Http.GetAsync(new Uri("/staff/statistics/dataset?lang=ru&Prepare=true&Fields=Bogus&From=13-2026", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("Выберите из списка.", html, StringComparison.Ordinal);
        Assert.Contains("Укажите месяц", html, StringComparison.Ordinal);
    }

    /// <summary>Four document checks in Taldykorgan, three client attacks in Almaty, all counted.</summary>
    private async Task<StaffClient> RecordSevenAsync()
    {
        var coordinator = await StaffClient.SignInNewAsync(App, StaffRoles.Coordinator);
        for (var i = 0; i < 4; i++)
        {
            await Situations.RecordAsync(coordinator, Situations.DocumentCheck(App.Today.AddDays(-20 - i), "Гульнара " + i));
        }

        for (var i = 0; i < 3; i++)
        {
            await Situations.RecordAsync(coordinator, AlertTests.ClientIncident(App.Today.AddDays(-10 - i), "8701555000" + i));
        }

        return coordinator;
    }

    [Collection(SqliteCollection.Name)]
    public sealed class Sqlite(SqliteApp app) : ExportTests(app);

    [Collection(PostgresCollection.Name)]
    public sealed class Postgres(PostgresApp app) : ExportTests(app);
}
