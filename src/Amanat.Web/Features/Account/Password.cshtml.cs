using Amanat.Core.Auditing;
using Amanat.Core.Staff;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Account;

/// <summary>
/// Changing her own password: the current one, the new one twice. Every other session of hers ends (a
/// phished password is worthless afterwards, wherever it was used); this one goes on. Audited.
/// </summary>
[RequirePermission(Permission.SignedIn)]
internal sealed class PasswordModel(UserManager<StaffUser> users, StaffSignIn signIn, AuditTrail audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public string? Current { get; set; }

    [BindProperty]
    public string? New { get; set; }

    [BindProperty]
    public string? Confirm { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Current))
        {
            ModelState.AddModelError(nameof(Current), localizer["Account.Password.CurrentRequired"]);
        }

        if (string.IsNullOrEmpty(New))
        {
            ModelState.AddModelError(nameof(New), localizer["Staff.Error.PasswordTooShort"]);
        }
        else if (!string.Equals(New, Confirm, StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Confirm), localizer["Staff.Error.PasswordsDiffer"]);
        }

        if (!ModelState.IsValid || await users.GetUserAsync(User) is not { } user)
        {
            return Page();
        }

        await using var transaction = await audit.BeginAsync();
        var result = await users.ChangePasswordAsync(user, Current!, New!);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                ModelState.AddModelError(nameof(Current), localizer["Account.Password.WrongCurrent"]);
            }
            else
            {
                IdentityErrors.AddTo(ModelState, result, localizer, string.Empty, nameof(New));
            }

            return Page();
        }

        var current = HttpContext.CurrentSession()?.Id;
        var ended = await signIn.EndSessionsAsync(user.Id, SessionEndReason.SecurityChanged, except: current);
        if (current is { } sessionId)
        {
            await signIn.RenewAsync(HttpContext, user, sessionId);
        }

        transaction.Add(AuditEventType.PasswordChanged, user.Id, ended);
        await transaction.CommitAsync();
        return Redirect("/staff/account?passwordChanged=true");
    }
}
