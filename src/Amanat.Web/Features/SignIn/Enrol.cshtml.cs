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

/// <summary>
/// TOTP enrolment, before anything else: a QR code and the key to type by hand, a first code to prove
/// it works, then ten recovery codes shown once.
/// </summary>
internal sealed class EnrolModel(UserManager<StaffUser> users, AuthenticatorCodes codes, SignInThrottle throttle, StaffSignIn signIn, AuditTrail audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public const int RecoveryCodeCount = 10;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(7, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.Code")]
    public string? Code { get; set; }

    public string ManualKey { get; private set; } = string.Empty;

    public string QrCodeDataUri { get; private set; } = string.Empty;

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string Next => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/staff";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await signIn.PendingAsync(HttpContext, PendingStage.Enrol);
        if (user is null)
        {
            return Redirect("/staff/signin");
        }

        await ShowKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await signIn.PendingAsync(HttpContext, PendingStage.Enrol);
        if (user is null)
        {
            return Redirect("/staff/signin");
        }

        if (!ModelState.IsValid)
        {
            await ShowKeyAsync(user);
            return Page();
        }

        // A wrong code, or one tried while she must wait (not checked then): the same answer.
        var code = Code!.Replace(" ", string.Empty, StringComparison.Ordinal);
        var address = PasswordCheck.Address(HttpContext);
        var waiting = throttle.WaitBeforeNextAttempt(address, user.NormalizedUserName!) > TimeSpan.Zero;
        if (waiting || !await codes.AcceptOnceAsync(user, code))
        {
            if (!waiting)
            {
                throttle.RecordFailure(address, user.NormalizedUserName!);
            }

            ModelState.AddModelError(string.Empty, localizer["SignIn.Error.WrongCode"]);
            await ShowKeyAsync(user);
            return Page();
        }

        await using var transaction = await audit.BeginAsync(actorId: user.Id);
        await users.SetTwoFactorEnabledAsync(user, true);
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? []];
        throttle.RecordSuccess(user.NormalizedUserName!);
        await signIn.CompleteAsync(HttpContext, user);
        transaction.Add(AuditEventType.TwoFactorEnrolled, user.Id);
        transaction.Add(AuditEventType.SignedIn, user.Id);
        await transaction.CommitAsync();
        return Page();
    }

    private async Task ShowKeyAsync(StaffUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? string.Empty;
            // A new key changes the security stamp: carry on with a pending sign-in that knows the new one.
            await signIn.BeginAsync(HttpContext, user, PendingStage.Enrol);
        }

        ManualKey = Totp.FormatKey(key);
        QrCodeDataUri = Totp.QrCodeDataUri(user.UserName ?? string.Empty, key);
    }
}
