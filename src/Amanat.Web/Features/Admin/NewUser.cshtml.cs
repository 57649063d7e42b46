using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Amanat.Web.Features.SignIn;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Admin;

/// <summary>Adds a staff account with a first password; she enrols her authenticator at first sign-in.</summary>
[RequirePermission(Permission.Administer)]
internal sealed class NewUserModel(StaffAccounts accounts, IStringLocalizer<SharedResource> localizer) : PageModel
{
    [BindProperty]
    public NewAccountInput Input { get; set; } = new();

    [BindProperty]
    public List<StaffRoles> Roles { get; set; } = [];

    public StaffRoles SelectedRoles => RoleChoice.From(Roles);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Input.Validate(ModelState, localizer);
        if (SelectedRoles == StaffRoles.None)
        {
            ModelState.AddModelError(nameof(Roles), localizer["Staff.Error.NoRole"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (user, result) = await accounts.AddAsync(Input.UserName!, Input.Password!, SelectedRoles);
        if (user is null)
        {
            IdentityErrors.AddTo(ModelState, result, localizer, "Input.UserName", "Input.Password");
            return Page();
        }

        return Redirect($"/staff/admin/users/{user.Id}");
    }
}
