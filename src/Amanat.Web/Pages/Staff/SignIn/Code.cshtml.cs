using System.ComponentModel.DataAnnotations;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Pages.Staff.SignIn;

/// <summary>Step two: the six-digit code of the authenticator app, or one of the recovery codes.</summary>
public sealed class CodeModel(UserManager<StaffUser> users, StaffSignIn signIn, IStringLocalizer<SharedResource> localizer) : PageModel
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

        if (await users.IsLockedOutAsync(user))
        {
            ModelState.AddModelError(string.Empty, localizer["SignIn.Error.LockedOut"]);
            return Page();
        }

        if (!await VerifyAsync(user, Code!))
        {
            await users.AccessFailedAsync(user);
            ModelState.AddModelError(string.Empty, localizer[await users.IsLockedOutAsync(user) ? "SignIn.Error.LockedOut" : "SignIn.Error.WrongCode"]);
            return Page();
        }

        await users.ResetAccessFailedCountAsync(user);
        await signIn.CompleteAsync(HttpContext, user);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/staff");
    }

    private async Task<bool> VerifyAsync(StaffUser user, string code)
    {
        var compact = code.Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        return compact.Length == 6 && compact.All(char.IsAsciiDigit)
            ? await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, compact)
            : (await users.RedeemTwoFactorRecoveryCodeAsync(user, compact)).Succeeded;
    }

    private RedirectResult Restart() => Redirect("/staff/signin");
}
