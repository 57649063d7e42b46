using System.Globalization;
using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Staff;
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
/// The dashboard's figures for the same filters as a download: CSV, XLSX or the PDF report (coordinators
/// and analysts; analysts get rounded figures, as on the page). Bad filters, or too few incidents, lead back
/// to the dashboard, which says why; without a format (or with one that does not exist) the page offers the
/// three. Every download is audited with its number of rows.
/// </summary>
[RequirePermission(Permission.ExportAggregates)]
internal sealed class ExportModel(Dashboard dashboard, StatisticsExport export, AmanatDbContext db, AuditTrail audit, TimeProvider clock, DisplayTimeZone zone, IStringLocalizer<SharedResource> localizer)
    : StatisticsPageModel(db, clock, zone, localizer)
{
    [BindProperty(SupportsGet = true)]
    public string? Format { get; set; }

    public string FormatHref(string format) => Href("/staff/statistics/export", [new(nameof(Format), format)]);

    public string BackHref => Href("/staff/statistics", []);

    public async Task<IActionResult> OnGetAsync()
    {
        var format = Format?.Trim().ToLowerInvariant();
        if (format is not ("csv" or "xlsx" or "pdf"))
        {
            if (Format is not null)
            {
                ModelState.AddModelError(nameof(Format), Text["Report.Error.Choice"]);
            }

            Format = null;
            return Page(); // the three forms to choose from, for the same filters
        }

        if (await ReadFilterAsync() is not { } filter)
        {
            return RedirectToPage("Index", RouteValues());
        }

        var rounded = !StaffClaims.Roles(User).HasFlag(StaffRoles.Coordinator);
        var view = await dashboard.BuildAsync(filter, rounded, Vocabulary, Languages.Current.Code, HttpContext.RequestAborted);
        if (view.Refused)
        {
            return RedirectToPage("Index", RouteValues());
        }

        var about = Describe(filter);
        var cancel = HttpContext.RequestAborted;
        var name = string.Create(CultureInfo.InvariantCulture, $"amanat-statistics-{filter.From:yyyy-MM}-{filter.To:yyyy-MM}.{format}");
        Response.Headers.CacheControl = "no-store";
        Response.Headers.ContentDisposition = $"attachment; filename=\"{name}\"";
        if (format == "pdf")
        {
            var content = export.Report(view, about, Text["Export.Generated", Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
            await audit.RecordAsync(AuditEventType.StatisticsPdfExported, value: view.Sections.Sum(s => s.Table.Rows.Count));
            using var pdf = new MemoryStream();
            PdfReport.Write(content, pdf);
            Response.ContentType = "application/pdf";
            Response.ContentLength = pdf.Length;
            pdf.Position = 0;
            await pdf.CopyToAsync(Response.Body, cancel);
            return new EmptyResult();
        }

        var rows = export.Rows(view, about);
        await audit.RecordAsync(format == "csv" ? AuditEventType.StatisticsCsvExported : AuditEventType.StatisticsXlsxExported, value: rows.Count);
        if (format == "csv")
        {
            Response.ContentType = "text/csv; charset=utf-8";
            await export.WriteCsvAsync(Response.Body, rows, cancel);
        }
        else
        {
            Response.ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            await export.WriteXlsxAsync(Response.Body, rows, cancel);
        }

        return new EmptyResult();
    }
}
