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
internal sealed class SignInModel(UserManager<StaffUser> users, StaffSignIn signIn, AuditTrail audit, IStringLocalizer<SharedResource> localizer) : PageModel
{
    // Verifying against a dummy hash when the account does not exist keeps the answer time the same.
    private static readonly string DummyHash = new PasswordHasher<StaffUser>().HashPassword(null!, "not-a-real-password");

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

        var user = await users.FindByNameAsync(Input.UserName!.Trim());
        if (user is null || user.IsDisabled)
        {
            users.PasswordHasher.VerifyHashedPassword(null!, DummyHash, Input.Password!);
            await audit.RecordAsync(AuditEventType.SignInFailed, user?.Id);
            return Refuse("SignIn.Error.Wrong");
        }

        if (await users.IsLockedOutAsync(user))
        {
            await audit.RecordAsync(AuditEventType.SignInFailed, user.Id);
            return Refuse("SignIn.Error.LockedOut");
        }

        if (!await users.CheckPasswordAsync(user, Input.Password!))
        {
            await using var transaction = await audit.BeginAsync();
            await users.AccessFailedAsync(user);
            var lockedOut = await users.IsLockedOutAsync(user);
            transaction.Add(lockedOut ? AuditEventType.LockedOut : AuditEventType.SignInFailed, user.Id);
            await transaction.CommitAsync();
            return Refuse(lockedOut ? "SignIn.Error.LockedOut" : "SignIn.Error.Wrong");
        }

        var enrolled = await users.GetTwoFactorEnabledAsync(user);
        await signIn.BeginAsync(HttpContext, user, enrolled ? PendingStage.Code : PendingStage.Enrol);
        var next = enrolled ? "/staff/signin/code" : "/staff/signin/enrol";
        return Redirect(Url.IsLocalUrl(ReturnUrl) ? $"{next}?ReturnUrl={Uri.EscapeDataString(ReturnUrl)}" : next);
    }

    private PageResult Refuse(string key)
    {
        ModelState.AddModelError(string.Empty, localizer[key]);
        return Page();
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
