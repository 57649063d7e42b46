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

/// <summary>Edits an incident she may see; every save is a new version in its history.</summary>
[RequirePermission(Permission.ReadRecords)]
internal sealed class EditIncidentModel(AmanatDbContext db, SaveIncident save, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
    : IncidentFormPage(db, save, clock, localizer)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var incident = await FindAsync();
        if (incident is null)
        {
            return NotFound();
        }

        var memberIds = incident.People.Select(p => p.MemberId).OfType<Guid>().ToList();
        var names = await Db.Members.Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.WorkingName ?? string.Empty);
        Input = incident.ToDraft();
        foreach (var person in Input.People)
        {
            person.WorkingName = person.MemberId is { } member ? names.GetValueOrDefault(member) : null;
        }

        await LoadVocabularyAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var incident = await FindAsync();
        if (incident is null)
        {
            return NotFound();
        }

        var saved = await SaveAsync(incident);
        return saved is null ? Page() : Redirect($"/staff/incidents/{incident.Id}?saved=true");
    }

    private Task<Incident?> FindAsync() =>
        Db.Incidents.VisibleTo(User.RequiredUserId(), User.Roles()).WithContent().SingleOrDefaultAsync(x => x.Id == Id);
}
