using System.Globalization;
using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Staff;
using Amanat.Core.Statistics;
using Amanat.Core.Time;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Localization;
using Amanat.Web.Resources;
using Amanat.Web.Features.Statistics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Statistics;

/// <summary>
/// The anonymised incident-level dataset for network partners (coordinators only): choose the period and
/// the columns, see what has to be generalised or left out for k and l to hold, then download it as CSV or
/// JSON with its data dictionary. Every download of records is audited with how many were released.
/// </summary>
[RequirePermission(Permission.ExportDataset)]
internal sealed class DatasetModel(DatasetExport export, AmanatDbContext db, AuditTrail audit, TimeProvider clock, DisplayTimeZone zone, IStringLocalizer<SharedResource> localizer)
    : StatisticsPageModel(db, clock, zone, localizer)
{
    [BindProperty(SupportsGet = true)]
    public List<string> Fields { get; set; } = [];

    [BindProperty(SupportsGet = true)]
    public bool Prepare { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public DatasetRelease? Release { get; private set; }

    public IReadOnlyList<KeyFigure> Summary { get; private set; } = [];

    public int K => export.K;

    public int L => export.L;

    public IReadOnlyList<DatasetField> Chosen { get; private set; } = Enum.GetValues<DatasetField>();

    public string LevelName(DatasetField field) => Release is null ? string.Empty : export.LevelName(field, Release.Level(field));

    public async Task OnGetAsync()
    {
        if (Prepare && await ReadAsync() is { } release)
        {
            Release = release;
            Summary = export.Summary(release);
        }
    }

    public async Task<IActionResult> OnGetDownloadAsync()
    {
        var format = Format?.Trim().ToLowerInvariant();
        if (format is not ("csv" or "json" or "dictionary") || await ReadAsync() is not { } release)
        {
            var back = RouteValues();
            back["Prepare"] = "true";
            return RedirectToPage(null, null, back);
        }

        var cancel = HttpContext.RequestAborted;
        var (from, to) = (release.Request.From.ToString("yyyy-MM", CultureInfo.InvariantCulture), release.Request.To.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        var name = format == "dictionary" ? $"amanat-dataset-{from}-{to}-dictionary.csv" : $"amanat-dataset-{from}-{to}.{format}";
        Response.Headers.CacheControl = "no-store";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        if (format == "dictionary")
        {
            Response.ContentType = "text/csv; charset=utf-8";
            await DatasetExport.WriteDictionaryCsvAsync(Response.Body, export.Dictionary(release, Vocabulary, Languages.Current.Code), export.Summary(release), cancel);
            return new EmptyResult();
        }

        await audit.RecordAsync(format == "csv" ? AuditEventType.DatasetCsvExported : AuditEventType.DatasetJsonExported, value: release.Released);
        if (format == "csv")
        {
            Response.ContentType = "text/csv; charset=utf-8";
            await export.WriteCsvAsync(Response.Body, release, cancel);
        }
        else
        {
            Response.ContentType = "application/json; charset=utf-8";
            await export.WriteJsonAsync(Response.Body, release, export.Dictionary(release, Vocabulary, Languages.Current.Code), Today, cancel);
        }

        return new EmptyResult();
    }

    /// <summary>The link that downloads what is shown.</summary>
    public string DownloadHref(string format) =>
        Href("/staff/statistics/dataset", [new("handler", "download"), new(nameof(Format), format), .. Chosen.Select(f => new KeyValuePair<string, string?>(nameof(Fields), f.ToString()))]);

    private async Task<DatasetRelease?> ReadAsync()
    {
        var chosen = new List<DatasetField>();
        foreach (var name in Fields)
        {
            if (Enum.TryParse<DatasetField>(name, ignoreCase: false, out var field) && Enum.IsDefined(field) && !int.TryParse(name, out _))
            {
                chosen.Add(field);
            }
            else
            {
                ModelState.AddModelError(nameof(Fields), Text["Report.Error.Choice"]);
            }
        }

        Chosen = [.. chosen.Distinct().Order()];
        (City, Violation, Perpetrator, Nationality) = (null, null, null, null); // the dataset is the whole period
        if (await ReadFilterAsync() is not { } filter)
        {
            return null;
        }

        return await export.PrepareAsync(filter.From, filter.To, Chosen, HttpContext.RequestAborted);
    }
}
