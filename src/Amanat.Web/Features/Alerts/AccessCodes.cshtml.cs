using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Amanat.Core.Alerts;
using Amanat.Core.Data;
using Amanat.Core.Staff;
using Amanat.Core.Time;
using Amanat.Web.Authentication;
using Amanat.Web.Features.Alerts;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Alerts;

/// <summary>
/// Community access codes: issue a batch of cards to print (each code shown this once), see the latest
/// cards by number, revoke a lost one by the number printed on it. No card holds a name.
/// </summary>
[RequirePermission(Permission.IssueAccessCodes)]
internal sealed class AccessCodesModel(AmanatDbContext db, AccessCodeDesk desk, DisplayTimeZone zone, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int Shown = 100;

    [BindProperty]
    [Range(1, AccessCode.MaxBatch, ErrorMessage = "Validation.Range")]
    [Display(Name = "Codes.Count")]
    public int Count { get; set; } = 10;

    [BindProperty]
    [Display(Name = "Codes.ExpiresOn")]
    public DateOnly? ExpiresOn { get; set; }

    [BindProperty]
    [Display(Name = "Codes.Serial")]
    public int? Serial { get; set; }

    public IReadOnlyList<IssuedCode> Issued { get; private set; } = [];

    public IReadOnlyList<AccessCode> Latest { get; private set; } = [];

    public IReadOnlyDictionary<Guid, string> StaffNames { get; private set; } = new Dictionary<Guid, string>();

    public DateOnly Today => desk.Today;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostIssueAsync()
    {
        ModelState.Remove(nameof(Serial));
        if (ExpiresOn is { } expires && expires < desk.Today)
        {
            ModelState.AddModelError(nameof(ExpiresOn), localizer["Codes.Error.Past"]);
        }

        if (ModelState.IsValid)
        {
            Issued = await desk.IssueAsync(Count, ExpiresOn, User.RequiredUserId());
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync()
    {
        ModelState.Remove(nameof(Count));
        if (Serial is not { } serial || !await desk.RevokeAsync(serial, User.RequiredUserId()))
        {
            ModelState.AddModelError(nameof(Serial), localizer["Codes.Error.NoSuchCard"]);
            await LoadAsync();
            return Page();
        }

        return Redirect($"/staff/access-codes?revoked={serial}");
    }

    public string Time(DateTime utc) => zone.ToLocal(utc).ToString("d", CultureInfo.CurrentCulture);

    private async Task LoadAsync()
    {
        Latest = await desk.LatestAsync(Shown);
        var ids = Latest.Select(c => c.IssuedById).Distinct().ToList();
        StaffNames = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.UserName ?? string.Empty);
    }
}
