using Amanat.Core.Auditing;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Keys;

/// <summary>
/// Recovery shares (administrators; the password is asked again like on every admin page): a new recovery
/// key wraps the root and is split into n sheets, any k of which — with a backup — open the keys on a new
/// machine. The sheets are shown once, to print, and never stored; a new set replaces the old one.
/// </summary>
[RequirePermission(Permission.Administer)]
internal sealed class RecoveryModel(KeyVault vault, AuditTrail audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int MaxShares = 10;

    [BindProperty]
    public int K { get; set; } = 3;

    [BindProperty]
    public int N { get; set; } = 5;

    public RecoveryWrap? Current => vault.StoreFile.Recovery;

    public IReadOnlyList<(RecoveryShare Share, string Sheet)> Sheets { get; private set; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page(); // not numbers: nothing is made
        }

        if (N is < 2 or > MaxShares || K < 2 || K > N)
        {
            ModelState.AddModelError(nameof(N), localizer["Recovery.Error.Numbers", MaxShares]);
            return Page();
        }

        var shares = await Task.Run(() => vault.CreateRecoveryShares(K, N));
        await audit.RecordAsync(AuditEventType.RecoverySharesCreated, value: (N * 100) + K);
        Sheets = [.. shares.Select(s => (s, RecoverySheet.Write(s)))];
        Response.Headers.CacheControl = "no-store";
        return Page();
    }
}
