using System.ComponentModel.DataAnnotations;
using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Security;
using Amanat.Core.Staff;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Keys;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.SignIn;

/// <summary>First run: the one-time link printed at start-up creates the first administrator.</summary>
internal sealed class SetupModel(
    AmanatDbContext db,
    UserManager<StaffUser> users,
    StaffSignIn signIn,
    KeyVault vault,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public NewAccountInput Input { get; set; } = new();

    /// <summary>Optional: a passphrase now puts the server in sealed mode (recommended for production).</summary>
    [BindProperty]
    public PassphraseInput Seal { get; set; } = new();

    public bool LinkValid { get; private set; }

    public async Task OnGetAsync()
    {
        LinkValid = (await db.Installations.SingleAsync()).AcceptsSetupToken(Token);
        if (!LinkValid)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var installation = await db.Installations.SingleAsync();
        LinkValid = installation.AcceptsSetupToken(Token);
        if (!LinkValid)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Input.Validate(ModelState, localizer);
        Seal.Validate(ModelState, localizer, nameof(Seal), required: false);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var roles = StaffRoles.Admin | (Input.AlsoCoordinator ? StaffRoles.Coordinator : StaffRoles.None);
        var now = clock.GetUtcNow().UtcDateTime;
        var user = new StaffUser(Input.UserName!.Trim(), roles, now);
        await using var transaction = await audit.BeginAsync(actorId: user.Id);
        var created = await users.CreateAsync(user, Input.Password!);
        if (!created.Succeeded)
        {
            IdentityErrors.AddTo(ModelState, created, localizer, "Input.UserName", "Input.Password");
            return Page();
        }

        installation.CompleteSetup(now);
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.SetupCompleted, user.Id, (long)roles);
        await transaction.CommitAsync();
        if (!Seal.IsEmpty)
        {
            await Task.Run(() => vault.UsePassphrase(Seal.Passphrase!));
            await audit.RecordAsync(AuditEventType.UnlockModeChanged, value: (long)UnlockMode.Passphrase, actorId: user.Id);
        }

        await signIn.BeginAsync(HttpContext, user, PendingStage.Enrol);
        return Redirect("/staff/signin/enrol");
    }
}

/// <summary>A new staff account: pseudonymous username and a password of 12 or more characters.</summary>
internal sealed class NewAccountInput
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(StaffUser.MaxUserNameLength, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Field.UserName")]
    public string? UserName { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, MinimumLength = 12, ErrorMessage = "Staff.Error.PasswordTooShort")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.NewPassword")]
    public string? Password { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.ConfirmPassword")]
    public string? ConfirmPassword { get; set; }

    public bool AlsoCoordinator { get; set; }

    public void Validate(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary modelState, IStringLocalizer localizer)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(localizer);
        if (UserName is not null && !StaffUser.IsValidUserName(UserName.Trim()))
        {
            modelState.AddModelError("Input.UserName", localizer["Staff.Error.UserNameInvalid"]);
        }

        if (Password is not null && ConfirmPassword is not null && !string.Equals(Password, ConfirmPassword, StringComparison.Ordinal))
        {
            modelState.AddModelError("Input.ConfirmPassword", localizer["Staff.Error.PasswordsDiffer"]);
        }
    }
}
