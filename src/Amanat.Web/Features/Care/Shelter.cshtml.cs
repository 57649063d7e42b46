using Amanat.Core.Care;
using Amanat.Core.Data;
using Amanat.Core.Members;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Amanat.Web.Features.Care;
using Amanat.Web.Infrastructure;
using Amanat.Web.Localization;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Care;

/// <summary>
/// Who is in the shelter tonight: beds taken of beds configured, each stay since when, stays beyond the
/// configured length flagged for a follow-up, check-out. Working names only of the members the reader may
/// open; the others are counted, not named.
/// </summary>
[RequirePermission(Permission.FindMember)]
internal sealed class ShelterModel(AmanatDbContext db, ShelterDesk desk, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public IReadOnlyList<ServiceRecord> Stays { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> Names { get; private set; } = new Dictionary<Guid, string>();

    public ShelterOptions Settings => desk.Settings;

    public DateOnly Today => desk.Today;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCheckOutAsync(Guid stayId, DateOnly? leftOn)
    {
        if (!Permissions.Allows(User.Roles(), Permission.CreateRecords))
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }

        await LoadAsync();
        if (Stays.FirstOrDefault(s => s.Id == stayId) is not { MemberId: { } member } || !Names.ContainsKey(member))
        {
            return NotFound();
        }

        if (await desk.CheckOutAsync(stayId, leftOn, User.RequiredUserId()) is { } error)
        {
            ModelState.AddModelError(string.Empty, localizer[error]);
            return Page();
        }

        return Redirect("/staff/shelter");
    }

    private async Task LoadAsync()
    {
        Stays = await desk.OpenStaysAsync();
        var ids = Stays.Select(s => s.MemberId).OfType<Guid>().Distinct().ToList();
        Names = await db.Members.AsNoTracking().VisibleTo(User.RequiredUserId(), User.Roles()).Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.WorkingName ?? string.Empty);
    }
}
