using System.ComponentModel.DataAnnotations;
using Amanat.Core.Auditing;
using Amanat.Core.Security;
using Amanat.Web.Auditing;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.SignIn;

/// <summary>Step two: the six-digit code of the authenticator app, or one of the recovery codes.</summary>
internal sealed class CodeModel(UserManager<StaffUser> users, AuthenticatorCodes codes, SignInThrottle throttle, StaffSignIn signIn, AuditTrail audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(20, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Code")]
    public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.PendingAsync(HttpContext, PendingStage.Code) is null ? Restart() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.PendingAsync(HttpContext, PendingStage.Code);
        if (user is null)
        {
            return Restart();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // A wrong code, or one tried while she must wait (not checked then): the same answer.
        var address = PasswordCheck.Address(HttpContext);
        var waiting = throttle.WaitBeforeNextAttempt(address, user.NormalizedUserName!) > TimeSpan.Zero;
        var verified = waiting ? null : await VerifyAsync(user, Code!);
        if (verified is null)
        {
            if (!waiting)
            {
                throttle.RecordFailure(address, user.NormalizedUserName!);
            }

            await audit.RecordAsync(AuditEventType.SignInFailed, user.Id);
            ModelState.AddModelError(string.Empty, localizer["SignIn.Error.WrongCode"]);
            return Page();
        }

        await using var transaction = await audit.BeginAsync(actorId: user.Id);
        throttle.RecordSuccess(user.NormalizedUserName!);
        await signIn.CompleteAsync(HttpContext, user);
        if (verified == AuditEventType.RecoveryCodeUsed)
        {
            transaction.Add(AuditEventType.RecoveryCodeUsed, user.Id);
        }

        transaction.Add(AuditEventType.SignedIn, user.Id);
        await transaction.CommitAsync();
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/staff");
    }

    /// <summary>Which kind of code opened the door (a sign-in, or a recovery code used up), or null.</summary>
    private async Task<AuditEventType?> VerifyAsync(StaffUser user, string code)
    {
        var compact = code.Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        if (AuthenticatorCodes.LooksLikeACode(compact))
        {
            return await codes.AcceptOnceAsync(user, compact) ? AuditEventType.SignedIn : null;
        }

        return (await users.RedeemTwoFactorRecoveryCodeAsync(user, compact)).Succeeded ? AuditEventType.RecoveryCodeUsed : null;
    }

    private RedirectResult Restart() => Redirect("/staff/signin");
}
