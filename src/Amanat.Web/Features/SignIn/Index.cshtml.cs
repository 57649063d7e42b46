using System.ComponentModel.DataAnnotations;
using Amanat.Core.Auditing;
using Amanat.Web.Auditing;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.SignIn;

/// <summary>Step one: username and password. The second factor is always required next.</summary>
internal sealed class SignInModel(UserManager<StaffUser> users, PasswordCheck passwords, StaffSignIn signIn, AuditTrail audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public CredentialsInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "signedOut")]
    public bool SignedOut { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Unknown, disabled, waiting (too many failures) or wrong: the same answer, after the same work.
        var userName = Input.UserName!.Trim();
        var user = await users.FindByNameAsync(userName);
        var right = await passwords.IsRightAsync(user, userName, Input.Password!, HttpContext);
        if (!right || user is null)
        {
            await audit.RecordAsync(AuditEventType.SignInFailed, user?.Id);
            ModelState.AddModelError(string.Empty, localizer["SignIn.Error.Wrong"]);
            return Page();
        }

        var enrolled = await users.GetTwoFactorEnabledAsync(user);
        await signIn.BeginAsync(HttpContext, user, enrolled ? PendingStage.Code : PendingStage.Enrol);
        var next = enrolled ? "/staff/signin/code" : "/staff/signin/enrol";
        return Redirect(Url.IsLocalUrl(ReturnUrl) ? $"{next}?ReturnUrl={Uri.EscapeDataString(ReturnUrl)}" : next);
    }
}

internal sealed class CredentialsInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(StaffUser.MaxUserNameLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.UserName")]
    public string? UserName { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.Password")]
    public string? Password { get; set; }
}
