namespace Amanat.Core.Staff;

/// <summary>
/// What a staff member may do, as in the roles table of <c>docs/roles.md</c>. Row-level rules
/// ("own records", "assigned to her") are applied by each feature on top of these.
/// </summary>
public enum Permission
{
    /// <summary>Any signed-in staff member: her home page, her account, her tokens.</summary>
    SignedIn,
    CreateRecords,
    ReadRecords,
    FindMember,
    AssignAndHandOver,
    DownloadAttachments,
    ReviewSelfReports,
    WriteAlerts,
    ApproveAlerts,
    IssueAccessCodes,
    ViewStatistics,
    ExportAggregates,
    ExportDataset,
    ManageReferenceData,
    Administer,
    PanicLock,
}

public static class Permissions
{
    private static readonly Dictionary<Permission, StaffRoles> Table = new()
    {
        [Permission.SignedIn] = StaffRoles.Outreach | StaffRoles.Coordinator | StaffRoles.Lawyer | StaffRoles.Analyst | StaffRoles.Admin,
        [Permission.CreateRecords] = StaffRoles.Outreach | StaffRoles.Coordinator,
        [Permission.ReadRecords] = StaffRoles.Outreach | StaffRoles.Coordinator | StaffRoles.Lawyer,
        [Permission.FindMember] = StaffRoles.Outreach | StaffRoles.Coordinator,
        [Permission.AssignAndHandOver] = StaffRoles.Coordinator,
        [Permission.DownloadAttachments] = StaffRoles.Outreach | StaffRoles.Coordinator | StaffRoles.Lawyer,
        [Permission.ReviewSelfReports] = StaffRoles.Coordinator,
        [Permission.WriteAlerts] = StaffRoles.Coordinator,
        [Permission.ApproveAlerts] = StaffRoles.Coordinator,
        [Permission.IssueAccessCodes] = StaffRoles.Outreach | StaffRoles.Coordinator,
        [Permission.ViewStatistics] = StaffRoles.Coordinator | StaffRoles.Analyst,
        [Permission.ExportAggregates] = StaffRoles.Coordinator | StaffRoles.Analyst,
        [Permission.ExportDataset] = StaffRoles.Coordinator,
        [Permission.ManageReferenceData] = StaffRoles.Coordinator | StaffRoles.Admin,
        [Permission.Administer] = StaffRoles.Admin,
        [Permission.PanicLock] = StaffRoles.Coordinator | StaffRoles.Admin,
    };

    public static StaffRoles RolesFor(Permission permission) => Table[permission];

    public static bool Allows(StaffRoles held, Permission permission) => (held & Table[permission]) != StaffRoles.None;
}
