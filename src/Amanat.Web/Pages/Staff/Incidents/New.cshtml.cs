using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Staff;
using Amanat.Web.Incidents;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Pages.Staff.Incidents;

/// <summary>Records a new incident from a phone: one form, sensible defaults, no JavaScript needed.</summary>
[RequirePermission(Permission.CreateRecords)]
public sealed class NewIncidentModel(AmanatDbContext db, IncidentRecorder recorder, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
    : IncidentFormPage(db, recorder, clock, localizer)
{
    /// <summary>A member found or opened before: the incident starts with her as the first person affected.</summary>
    [BindProperty(SupportsGet = true, Name = "member")]
    public Guid? ForMember { get; set; }

    public async Task OnGetAsync()
    {
        var person = new PersonInput();
        if (ForMember is { } memberId && await Db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId) is { } member)
        {
            person = new PersonInput { MemberId = member.Id, WorkingName = member.WorkingName };
        }

        Input = new IncidentInput
        {
            OccurredOn = Today,
            SourceCode = "SELF",
            ReliabilityCode = "FIRST",
            People = [person],
            Perpetrators = [new PerpetratorInput()],
        };
        await LoadVocabularyAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var incident = await SaveAsync(Incident.Start(User.UserId()!.Value, Now), isNew: true);
        return incident is null ? Page() : Redirect($"/staff/incidents/{incident.Id}?saved=true");
    }
}
