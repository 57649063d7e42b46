using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Amanat.Core.Common;
using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.SelfReports;
using Amanat.Core.Staff;
using Amanat.Core.Time;
using Amanat.Core.Vocabularies;
using Amanat.Web.Authentication;
using Amanat.Web.Features.SelfReports;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.SelfReports;

/// <summary>
/// One self-report, opened with the private key (the read is audited): turn it into an incident, attach it
/// to one already recorded, note a contact attempt, or discard it with a reason — each step audited.
/// </summary>
[RequirePermission(Permission.ReviewSelfReports)]
internal sealed class ReportDetailsModel(AmanatDbContext db, SelfReportInbox inbox, DisplayTimeZone zone, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int IncidentChoices = 50;

    public SelfReport Report { get; private set; } = default!;

    public SelfReportContent? Said { get; private set; }

    public VocabularyList Vocabulary { get; private set; } = new([]);

    public IReadOnlyList<IncidentChoice> Incidents { get; private set; } = [];

    [BindProperty]
    [Display(Name = "Reports.AttachTo")]
    public Guid? IncidentId { get; set; }

    [BindProperty]
    [Display(Name = "Reports.Reason")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostContactAsync(Guid id, bool reached) =>
        await ActAsync(id, () => inbox.NoteContactAsync(Report, reached, User.RequiredUserId()));

    public async Task<IActionResult> OnPostAttachAsync(Guid id)
    {
        if (IncidentId is not { } incidentId || !await db.Incidents.AnyAsync(i => i.Id == incidentId))
        {
            ModelState.AddModelError(nameof(IncidentId), localizer["Reports.Error.Incident"]);
            return await LoadAsync(id) ? Page() : NotFound();
        }

        return await ActAsync(id, () => inbox.AttachAsync(Report, incidentId, User.RequiredUserId()));
    }

    public async Task<IActionResult> OnPostDiscardAsync(Guid id) =>
        await ActAsync(id, () => inbox.DiscardAsync(Report, Reason ?? string.Empty, User.RequiredUserId()));

    public string Time(DateTime utc) => zone.ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);

    public string Label(VocabularyKind kind, string? code) => Vocabulary.Label(kind, code, Localization.Languages.Current.Code);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> action)
    {
        if (await inbox.FindAsync(id) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        try
        {
            await action();
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, localizer[e.MessageKey]);
            return await LoadAsync(id) ? Page() : NotFound();
        }

        return Redirect($"/staff/reports/{id}?saved=true");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        if (await inbox.FindAsync(id) is not { } report)
        {
            return false;
        }

        Report = report;
        Said = await inbox.ReadAsync(report);
        Vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking()
            .Where(v => v.Kind == VocabularyKind.City || v.Kind == VocabularyKind.Perpetrator || v.Kind == VocabularyKind.Consent || v.Kind == VocabularyKind.Violation).ToListAsync());
        if (report.Status == SelfReportStatus.New)
        {
            Incidents = await db.Incidents.AsNoTracking().OrderByDescending(i => i.OccurredOn).ThenByDescending(i => i.Id).Take(IncidentChoices)
                .Select(i => new IncidentChoice(i.Id, i.OccurredOn, i.CityCode, i.Violations.Select(v => v.Code).ToList())).ToListAsync();
        }

        return true;
    }
}

/// <summary>An incident to attach a report to, by its coded facts only.</summary>
internal sealed record IncidentChoice(Guid Id, DateOnly OccurredOn, string? CityCode, IReadOnlyList<string> Violations);
