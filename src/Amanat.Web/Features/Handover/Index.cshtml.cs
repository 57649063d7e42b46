using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Members;
using Amanat.Core.Staff;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Handover;

/// <summary>
/// A leaving (or absent) outreach worker's records go to a colleague: every incident she created or that
/// was shared with her, and every member she registered or was handed, is shared with the colleague, so the women she helped are not lost. Nothing is
/// taken from her account here; disabling it is the administrator's step.
/// </summary>
[RequirePermission(Permission.AssignAndHandOver)]
internal sealed class HandoverModel(AmanatDbContext db, AuditTrail audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public Guid? FromId { get; set; }

    [BindProperty]
    public Guid? ToId { get; set; }

    [TempData]
    public int? HandedOver { get; set; }

    public IReadOnlyList<StaffUser> Workers { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var from = Workers.FirstOrDefault(x => x.Id == FromId);
        var to = Workers.FirstOrDefault(x => x.Id == ToId && !x.IsDisabled);
        if (from is null)
        {
            ModelState.AddModelError(nameof(FromId), localizer["Rule.Required"]);
        }

        if (to is null)
        {
            ModelState.AddModelError(nameof(ToId), localizer["Rule.Required"]);
        }
        else if (to.Id == from?.Id)
        {
            ModelState.AddModelError(nameof(ToId), localizer["Handover.Error.Same"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var incidents = await db.Incidents.VisibleTo(from!.Id, StaffRoles.Outreach).Include(x => x.Shares).ToListAsync();
        foreach (var incident in incidents)
        {
            incident.ShareWith(to!.Id);
        }

        var members = await db.Members.VisibleTo(from.Id, StaffRoles.Outreach).Include(x => x.Shares).ToListAsync();
        foreach (var member in members)
        {
            member.ShareWith(to!.Id);
        }

        await using var transaction = await audit.BeginAsync();
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.RecordsHandedOver, to!.Id, incidents.Count);
        await transaction.CommitAsync();
        HandedOver = incidents.Count;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var users = await db.Users.AsNoTracking().OrderBy(x => x.UserName).ToListAsync();
        Workers = [.. users.Where(u => (u.Roles & (StaffRoles.Outreach | StaffRoles.Coordinator)) != StaffRoles.None)];
    }
}
