namespace Amanat.Core.Staff;

/// <summary>The five staff roles of the security model; a person may hold several.</summary>
[Flags]
public enum StaffRoles
{
    None = 0,
    Outreach = 1,
    Coordinator = 2,
    Lawyer = 4,
    Analyst = 8,
    Admin = 16,
}

public static class StaffRoleList
{
    public static IReadOnlyList<StaffRoles> All { get; } =
        [StaffRoles.Outreach, StaffRoles.Coordinator, StaffRoles.Lawyer, StaffRoles.Analyst, StaffRoles.Admin];

    public static IEnumerable<StaffRoles> Split(StaffRoles roles) => All.Where(r => roles.HasFlag(r));

    public static StaffRoles Combine(IEnumerable<StaffRoles> roles) =>
        roles.Aggregate(StaffRoles.None, (all, one) => all | one);
}
