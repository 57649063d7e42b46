using System.Globalization;
using System.Text;
using System.Text.Json;
using Amanat.Core.Statistics;
using Amanat.Core.Vocabularies;
using Amanat.Web.Infrastructure;
using Amanat.Web.Resources;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Amanat.Web.Features.Statistics;

/// <summary>One line of the data dictionary: a column, one of its values (empty for the column itself), what it means.</summary>
internal sealed record DictionaryEntry(string Column, string Code, string Meaning);

/// <summary>
/// The anonymised dataset for network partners (ADR-017) as files: CSV and JSON written record by record
/// as they go out, and a data dictionary in the chosen language that also says what had to be generalised
/// or left out.
/// </summary>
internal sealed class DatasetExport(FactCache cache, IOptions<AmanatOptions> options, IStringLocalizer<SharedResource> text)
{
    public const string RecordColumn = "record";
    public const string ViolationsColumn = "violations";

    private const int FlushEvery = 1000;

    public int K => options.Value.Statistics.DatasetK;

    public int L => options.Value.Statistics.DatasetL;

    public async Task<DatasetRelease> PrepareAsync(DateOnly from, DateOnly to, IReadOnlyCollection<DatasetField> fields, CancellationToken cancellationToken)
    {
        var table = await cache.GetAsync(cancellationToken);
        return DatasetRelease.Of(table, new DatasetRequest(from, to, fields, K, L));
    }

    /// <summary>How far a column was generalised, in words.</summary>
    public string LevelName(DatasetField field, int level) =>
        level == DatasetRelease.Top(field) ? text["Dataset.Level.Withheld"]
        : field is DatasetField.Period or DatasetField.Region ? text[$"Dataset.Level.{field}.{level}"]
        : level == 0 ? text["Dataset.Level.Exact"] : text["Dataset.Level.Coarse"];

    /// <summary>Every column and every value it can take, with its meaning.</summary>
    public IReadOnlyList<DictionaryEntry> Dictionary(DatasetRelease release, VocabularyList vocabulary, string language)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var entries = new List<DictionaryEntry> { new(RecordColumn, string.Empty, text["Dataset.Field.record"]) };
        foreach (var field in release.Fields)
        {
            var column = DatasetRelease.Column(field);
            var level = release.Level(field);
            entries.Add(new(column, string.Empty, text["Dataset.Field." + column] + " " + text["Dataset.Released", LevelName(field, level)]));
            if (field == DatasetField.Period && level < DatasetRelease.Top(field))
            {
                continue; // a month, a quarter or a year: the level says which
            }

            entries.AddRange(release.Values(field).Select(value => new DictionaryEntry(column, value, ValueMeaning(field, level, value, vocabulary, language))));
        }

        entries.Add(new(ViolationsColumn, string.Empty, text["Dataset.Field.violations"]));
        entries.AddRange(release.ViolationCodes.Select(code => new DictionaryEntry(ViolationsColumn, code, vocabulary.Label(VocabularyKind.Violation, code, language))));
        return entries;
    }

    /// <summary>What was released and what had to give way, one sentence each (the page, the files' head).</summary>
    public IReadOnlyList<KeyFigure> Summary(DatasetRelease release)
    {
        ArgumentNullException.ThrowIfNull(release);
        string N(int n) => n.ToString("N0", CultureInfo.CurrentCulture);
        return
        [
            new(text["Dataset.Considered"], N(release.Considered), release.Considered),
            new(text["Dataset.ReleasedCount"], N(release.Released), release.Released),
            new(text["Dataset.Suppressed"], N(release.Suppressed), release.Suppressed),
            new(text["Dataset.Groups"], N(release.Groups), release.Groups),
            new(text["Dataset.Smallest"], N(release.SmallestGroup), release.SmallestGroup),
            new(text["Dataset.Common"], N(release.GroupsWithCommonCode), release.GroupsWithCommonCode),
        ];
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Called through the injected service, like its other members.")]
    public async Task WriteCsvAsync(Stream output, DatasetRelease release, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(SheetText.CsvLine([RecordColumn, .. release.Fields.Select(DatasetRelease.Column), ViolationsColumn]).AsMemory(), cancellationToken);
        var number = 0;
        foreach (var record in release.Records())
        {
            number++;
            await writer.WriteAsync(SheetText.CsvLine([number.ToString(CultureInfo.InvariantCulture), .. record.Values, string.Join(';', record.Violations)]).AsMemory(), cancellationToken);
        }
    }

    public static async Task WriteDictionaryCsvAsync(Stream output, IReadOnlyList<DictionaryEntry> dictionary, IReadOnlyList<KeyFigure> summary, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentNullException.ThrowIfNull(summary);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(SheetText.CsvLine(["column", "value", "meaning"]).AsMemory(), cancellationToken);
        foreach (var entry in dictionary)
        {
            await writer.WriteAsync(SheetText.CsvLine([entry.Column, entry.Code, entry.Meaning]).AsMemory(), cancellationToken);
        }

        foreach (var line in summary)
        {
            await writer.WriteAsync(SheetText.CsvLine(["", "", line.Label + ": " + line.Display]).AsMemory(), cancellationToken);
        }
    }

    /// <summary>One JSON document: what it is, the release report, the dictionary, then the records, flushed as they go.</summary>
    public async Task WriteJsonAsync(Stream output, DatasetRelease release, IReadOnlyList<DictionaryEntry> dictionary, DateOnly generated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(dictionary);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteString("dataset", "amanat-anonymised-incidents");
        json.WriteString("from", release.Request.From.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        json.WriteString("to", release.Request.To.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        json.WriteString("generated", generated.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteNumber("k", release.Request.K);
        json.WriteNumber("l", release.Request.L);
        json.WriteStartObject("release");
        json.WriteNumber("considered", release.Considered);
        json.WriteNumber("released", release.Released);
        json.WriteNumber("suppressed", release.Suppressed);
        json.WriteNumber("groups", release.Groups);
        json.WriteNumber("smallestGroup", release.SmallestGroup);
        json.WriteNumber("groupsWithCommonViolation", release.GroupsWithCommonCode);
        json.WriteStartObject("levels");
        foreach (var field in Enum.GetValues<DatasetField>())
        {
            json.WriteString(DatasetRelease.Column(field), release.Fields.Contains(field) ? LevelName(field, release.Level(field)) : text["Dataset.Level.NotAsked"].Value);
        }

        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("dictionary");
        foreach (var entry in dictionary)
        {
            json.WriteStartObject();
            json.WriteString("column", entry.Column);
            json.WriteString("value", entry.Code);
            json.WriteString("meaning", entry.Meaning);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("records");
        var number = 0;
        foreach (var record in release.Records())
        {
            json.WriteStartObject();
            json.WriteNumber(RecordColumn, ++number);
            for (var i = 0; i < release.Fields.Count; i++)
            {
                json.WriteString(DatasetRelease.Column(release.Fields[i]), record.Values[i]);
            }

            json.WriteStartArray(ViolationsColumn);
            foreach (var code in record.Violations)
            {
                json.WriteStringValue(code);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            if (number % FlushEvery == 0)
            {
                await json.FlushAsync(cancellationToken);
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
    }

    private string ValueMeaning(DatasetField field, int level, string value, VocabularyList vocabulary, string language)
    {
        if (value == DatasetRelease.Withheld)
        {
            return text["Dataset.Level.Withheld"];
        }

        return (field, level) switch
        {
            (DatasetField.Region, _) when Regions.Countries.Contains(value) => vocabulary.Label(VocabularyKind.City, value, language),
            (DatasetField.Region, _) => text["Region." + value],
            (DatasetField.Perpetrators, 0) => vocabulary.Label(VocabularyKind.Perpetrator, value, language),
            (DatasetField.Nationalities, _) when value == "UNKNOWN" => text["Stats.NotRecorded"],
            (DatasetField.Nationalities, 0) => vocabulary.Label(VocabularyKind.Nationality, value, language),
            (DatasetField.Nationalities, _) when value == "KZ" => vocabulary.Label(VocabularyKind.Nationality, value, language),
            (DatasetField.Money or DatasetField.NoComplaint, _) => text[value == "YES" ? "Yes" : "No"],
            (DatasetField.Perpetrators or DatasetField.Nationalities or DatasetField.Documents, _) => text["Dataset.Value." + value],
            _ => value,
        };
    }
}
