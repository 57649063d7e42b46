using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Staff;
using Amanat.Web.Features.Incidents;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Incidents;

/// <summary>Records a new incident from a phone: one form, sensible defaults, no JavaScript needed.</summary>
[RequirePermission(Permission.CreateRecords)]
internal sealed class NewIncidentModel(AmanatDbContext db, SaveIncident save, Amanat.Web.Features.SelfReports.SelfReportInbox inbox, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
    : IncidentFormPage(db, save, clock, localizer)
{
    /// <summary>A member found or opened before: the incident starts with her as the first person affected.</summary>
    [BindProperty(SupportsGet = true, Name = "member")]
    public Guid? ForMember { get; set; }

    /// <summary>A self-report being turned into this incident (coordinators): the form starts from it, and saving marks it done.</summary>
    [BindProperty(SupportsGet = true, Name = "report")]
    public Guid? FromReport { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (FromReport is { } reportId)
        {
            if (!Permissions.Allows(User.Roles(), Permission.ReviewSelfReports))
            {
                return Forbid();
            }

            if (await inbox.FindAsync(reportId) is not { Status: Amanat.Core.SelfReports.SelfReportStatus.New } report || await inbox.ReadAsync(report) is not { } content)
            {
                return NotFound();
            }

            Input = IncidentDraft.FromSelfReport(content, DateOnly.FromDateTime(report.ReceivedAtUtc));
            await LoadVocabularyAsync();
            return Page();
        }

        var person = new PersonDraft();
        if (ForMember is { } memberId && await Db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId) is { } member)
        {
            person = new PersonDraft { MemberId = member.Id, WorkingName = member.WorkingName };
        }

        Input = IncidentDraft.New(Today, person);
        await LoadVocabularyAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (FromReport is not null && !Permissions.Allows(User.Roles(), Permission.ReviewSelfReports))
        {
            return Forbid();
        }

        if (FromReport is { } reportId && await inbox.FindAsync(reportId) is not { Status: Amanat.Core.SelfReports.SelfReportStatus.New })
        {
            return NotFound();
        }

        var incident = await SaveAsync(Incident.Start(User.RequiredUserId(), Now));
        if (incident is null)
        {
            return Page();
        }

        if (FromReport is { } converted)
        {
            await inbox.ConvertedAsync(converted, incident.Id, User.RequiredUserId());
        }

        return Redirect($"/staff/incidents/{incident.Id}?saved=true");
    }
}
