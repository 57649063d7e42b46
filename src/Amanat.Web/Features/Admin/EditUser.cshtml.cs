using Amanat.Core.Common;
using Amanat.Core.Data;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Amanat.Web.Resources;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Admin;

/// <summary>One account: roles, 2FA reset, ending sessions, disabling.</summary>
[RequirePermission(Permission.Administer)]
internal sealed class EditUserModel(AmanatDbContext db, StaffAccounts accounts, IStringLocalizer<SharedResource> localizer) : PageModel
{
    public StaffUser Account { get; private set; } = default!;

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    public Task<IActionResult> OnPostRolesAsync(Guid id, List<StaffRoles> roles) =>
        ActAsync(id, "Users.RolesSaved", () =>
        {
            var chosen = RoleChoice.From(roles);
            return chosen == StaffRoles.None
                ? throw new DomainException("Staff.Error.NoRole")
                : accounts.SetRolesAsync(Account, chosen, User.UserId());
        });

    public Task<IActionResult> OnPostResetTwoFactorAsync(Guid id) =>
        ActAsync(id, "Users.TwoFactorWasReset", () => accounts.ResetTwoFactorAsync(Account, User.UserId()));

    public Task<IActionResult> OnPostEndSessionsAsync(Guid id) =>
        ActAsync(id, "Users.SessionsEnded", () => accounts.EndSessionsAsync(Account, User.UserId()));

    public Task<IActionResult> OnPostDisableAsync(Guid id) =>
        ActAsync(id, "Users.WasDisabled", () => accounts.DisableAsync(Account, User.UserId()));

    public Task<IActionResult> OnPostEnableAsync(Guid id) =>
        ActAsync(id, "Users.WasEnabled", () => accounts.EnableAsync(Account, User.UserId()));

    private async Task<IActionResult> ActAsync(Guid id, string doneKey, Func<Task> action)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }

        try
        {
            await action();
        }
        catch (DomainException error)
        {
            ModelState.AddModelError(string.Empty, localizer[error.MessageKey]);
            return Page();
        }

        Done = doneKey;
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var account = await db.Users.SingleOrDefaultAsync(x => x.Id == id);
        if (account is null)
        {
            return false;
        }

        Account = account;
        return true;
    }
}
