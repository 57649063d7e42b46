using Amanat.Core.Data;
using Amanat.Core.Staff;
using Amanat.Web.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Admin;

/// <summary>All staff accounts, with their roles and whether they can sign in.</summary>
[RequirePermission(Permission.Administer)]
internal sealed class UsersModel(AmanatDbContext db) : PageModel
{
    public IReadOnlyList<StaffUser> Users { get; private set; } = [];

    public async Task OnGetAsync() => Users = await db.Users.OrderBy(x => x.UserName).ToListAsync();
}
