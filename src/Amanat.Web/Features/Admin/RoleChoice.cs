using Amanat.Core.Staff;

namespace Amanat.Web.Features.Admin;

/// <summary>The roles ticked in a form (shared by the new-user and edit-user pages).</summary>
internal sealed record RoleChoice(StaffRoles Selected)
{
    public static StaffRoles From(IEnumerable<StaffRoles>? ticked) => StaffRoleList.Combine(ticked ?? []);
}
