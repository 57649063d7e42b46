using Amanat.Core.Staff;

namespace Amanat.Web.Pages.Staff.Admin.Users;

/// <summary>The roles ticked in a form (shared by the new-user and edit-user pages).</summary>
public sealed record RoleChoice(StaffRoles Selected)
{
    public static StaffRoles From(IEnumerable<StaffRoles>? ticked) => StaffRoleList.Combine(ticked ?? []);
}
