using System.ComponentModel.DataAnnotations;
using Amanat.Core.Data;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.SignIn;

/// <summary>Re-entry of the password before admin actions; valid for ten minutes in this session.</summary>
[RequirePermission(Permission.SignedIn)]
internal sealed class ConfirmPasswordModel(
    UserManager<StaffUser> users,
    PasswordCheck passwords,
    AmanatDbContext db,
    TimeProvider clock,
    IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [DataType(DataType.Password)]
    [Display(Name = "Field.Password")]
    public string? Password { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        var session = HttpContext.CurrentSession();
        if (!ModelState.IsValid || user is null || session is null)
        {
            return Page();
        }

        if (!await passwords.IsRightInSessionAsync(user, Password!, HttpContext))
        {
            ModelState.AddModelError(string.Empty, localizer["Confirm.Error.Wrong"]);
            return Page();
        }

        session.ConfirmPassword(clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/staff");
    }
}
