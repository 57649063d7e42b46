using System.ComponentModel.DataAnnotations;
using Amanat.Core.Auditing;
using Amanat.Core.Security;
using Amanat.Web.Auditing;
using Amanat.Web.Features.Community;
using Amanat.Web.Keys;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Keys;

/// <summary>
/// Unlocks a sealed server with the passphrase. Open to anyone (the passphrase is the credential; nobody
/// can sign in while sealed), limited to a few wrong passphrases per quarter hour per address, and without an
/// anti-forgery token: the cookie keys themselves are locked.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
internal sealed class UnlockModel(KeyVault vault, Sealing sealing, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(PassphraseInput.MaxLength, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.Passphrase")]
    public string? Passphrase { get; set; }

    public bool KeyFileMode => vault.Mode == UnlockMode.KeyFile;

    /// <summary>The keys on this machine were destroyed: nothing typed here can open it.</summary>
    public bool Wiped => vault.IsWiped;

    public IActionResult OnGet() => vault.IsSealed ? Page() : Redirect("/staff/signin");

    public async Task<IActionResult> OnPostAsync()
    {
        if (!vault.IsSealed)
        {
            return Redirect("/staff/signin");
        }

        if (!ModelState.IsValid || KeyFileMode)
        {
            return Page();
        }

        var source = new AuditSource(null, AuditOrigin.Web, AuditTrail.CoarseNetwork(HttpContext.Connection.RemoteIpAddress));
        var result = await sealing.UnsealAsync(Passphrase!, source, PublicLimits.AddressKey(HttpContext.Connection.RemoteIpAddress));
        switch (result.Outcome)
        {
            case UnsealOutcome.Unsealed or UnsealOutcome.AlreadyUnsealed:
                return Redirect("/staff/signin?unlocked=true");
            case UnsealOutcome.Throttled:
                Response.StatusCode = StatusCodes.Status429TooManyRequests;
                Response.Headers.RetryAfter = ((int)Math.Ceiling(result.Wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                ModelState.AddModelError(string.Empty, localizer["Unlock.Error.Throttled", (int)Math.Ceiling(result.Wait.TotalMinutes)]);
                return Page();
            default:
                ModelState.AddModelError(string.Empty, localizer["Unlock.Error.Wrong"]);
                return Page();
        }
    }
}
