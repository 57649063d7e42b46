using System.ComponentModel.DataAnnotations;
using Amanat.Core.Auditing;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Keys;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Keys;

/// <summary>
/// The panic lock (coordinators and administrators): her password, one button — the server seals, every
/// session ends, every cookie key is revoked, the keys leave memory. Administrators may also wipe: with a
/// ticked box and a typed word besides the password, the key store and key file are destroyed and nothing
/// on this machine can open the data again (a backup with its passphrase or recovery shares can, elsewhere).
/// </summary>
[RequirePermission(Permission.PanicLock)]
internal sealed class PanicModel(UserManager<StaffUser> users, PasswordCheck passwords, Sealing sealing, KeyVault vault, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.Password")]
    public string? Password { get; set; }

    [BindProperty]
    public bool Understood { get; set; }

    [BindProperty]
    [StringLength(50, ErrorMessage = "Validation.TooLong")]
    public string? Word { get; set; }

    public bool CanWipe => User.IsInRole(StaffClaims.RoleName(StaffRoles.Admin));

    public bool KeyFileMode => vault.Mode == UnlockMode.KeyFile;

    public string WipeWord => localizer["Panic.Wipe.Word"];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostLockAsync()
    {
        ModelState.Remove(nameof(Word));
        if (!await PasswordIsRightAsync())
        {
            return Page();
        }

        await sealing.PanicAsync(Source(), wipe: false);
        await HttpContext.SignOutAsync(StaffSchemes.Cookie);
        return Redirect("/staff/unlock");
    }

    public async Task<IActionResult> OnPostWipeAsync()
    {
        if (!CanWipe)
        {
            return Forbid();
        }

        if (!Understood)
        {
            ModelState.AddModelError(nameof(Understood), localizer["Panic.Error.Understood"]);
        }

        if (!string.Equals(Word?.Trim(), WipeWord, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Word), localizer["Panic.Error.Word", WipeWord]);
        }

        if (!await PasswordIsRightAsync())
        {
            return Page();
        }

        await sealing.PanicAsync(Source(), wipe: true);
        await HttpContext.SignOutAsync(StaffSchemes.Cookie);
        return Redirect("/staff/unlock");
    }

    private async Task<bool> PasswordIsRightAsync()
    {
        var user = await users.GetUserAsync(User);
        if (!ModelState.IsValid || user is null)
        {
            return false;
        }

        if (!await passwords.IsRightInSessionAsync(user, Password!, HttpContext))
        {
            ModelState.AddModelError(nameof(Password), localizer["Confirm.Error.Wrong"]);
            return false;
        }

        return true;
    }

    private AuditSource Source() => new(User.UserId(), AuditOrigin.Web, AuditTrail.CoarseNetwork(HttpContext.Connection.RemoteIpAddress));
}
