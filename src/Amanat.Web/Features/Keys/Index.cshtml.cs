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

namespace Amanat.Web.Features.Keys;

/// <summary>
/// How the root key is unlocked (key file, or passphrase = sealed mode), and sealing the running server.
/// Switching re-wraps the root key only: every value and blind index stays readable.
/// </summary>
[RequirePermission(Permission.Administer)]
internal sealed class KeysModel(KeyVault vault, Sealing sealing, KeyRotation rotation, AuditTrail audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public PassphraseInput Input { get; set; } = new();

    [TempData]
    public string? Done { get; set; }

    public UnlockMode Mode => vault.Mode;

    /// <summary>The data-key generation and how far a rotation has re-wrapped the record keys.</summary>
    public RotationProgress Rotation { get; private set; } = new(1, false, 0, 0);

    public async Task OnGetAsync() => Rotation = await rotation.ProgressAsync(HttpContext.RequestAborted);

    /// <summary>Starts a key rotation (one at a time); the record keys are re-wrapped in the background.</summary>
    public async Task<IActionResult> OnPostRotateAsync()
    {
        if ((await rotation.ProgressAsync(HttpContext.RequestAborted)).Running)
        {
            Done = "Keys.Rotation.AlreadyRunning";
            return RedirectToPage();
        }

        await rotation.StartAsync(new AuditSource(User.UserId(), AuditOrigin.Web, AuditTrail.CoarseNetwork(HttpContext.Connection.RemoteIpAddress)));
        Done = "Keys.Rotation.Started";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPassphraseAsync()
    {
        Input.Validate(ModelState, localizer, nameof(Input), required: true);
        if (!ModelState.IsValid)
        {
            Rotation = await rotation.ProgressAsync(HttpContext.RequestAborted);
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
