using Amanat.Core.Auditing;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Keys;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Pages.Staff.Admin.Keys;

/// <summary>
/// How the root key is unlocked (key file, or passphrase = sealed mode), and sealing the running server.
/// Switching re-wraps the root key only: every value and blind index stays readable.
/// </summary>
[RequirePermission(Permission.Administer)]
public sealed class KeysModel(KeyVault vault, Sealing sealing, AuditTrail audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public PassphraseInput Input { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public UnlockMode Mode => vault.Mode;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostPassphraseAsync()
    {
        Input.Validate(ModelState, localizer, nameof(Input), required: true);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        await Task.Run(() => vault.UsePassphrase(Input.Passphrase!));
        await audit.RecordAsync(AuditEventType.UnlockModeChanged, value: (long)UnlockMode.Passphrase);
        Done = "Keys.Done.Passphrase";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostKeyFileAsync()
    {
        vault.UseKeyFile();
        await audit.RecordAsync(AuditEventType.UnlockModeChanged, value: (long)UnlockMode.KeyFile);
        Done = "Keys.Done.KeyFile";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostSealAsync()
    {
        await sealing.SealAsync(new AuditSource(User.UserId(), AuditOrigin.Web, AuditTrail.CoarseNetwork(HttpContext.Connection.RemoteIpAddress)));
        await HttpContext.SignOutAsync(StaffSchemes.Cookie);
        return Redirect("/staff/unlock");
    }
}
