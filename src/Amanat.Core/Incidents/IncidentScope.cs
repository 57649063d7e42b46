using Amanat.Core.Staff;

namespace Amanat.Core.Incidents;

/// <summary>
/// Which incidents a staff member may read and edit, exactly as the roles table says: coordinators all;
/// outreach workers those they created or that were shared with them; lawyers those assigned to them;
/// analysts and administrators none (they see statistics and settings, not stories).
/// </summary>
public static class IncidentScope
{
    public static IQueryable<Incident> VisibleTo(this IQueryable<Incident> incidents, Guid userId, StaffRoles roles)
    {
        ArgumentNullException.ThrowIfNull(incidents);
        if (roles.HasFlag(StaffRoles.Coordinator))
        {
            return incidents;
        }

        var outreach = roles.HasFlag(StaffRoles.Outreach);
        var lawyer = roles.HasFlag(StaffRoles.Lawyer);
        return incidents.Where(x =>
            (outreach && (x.CreatedById == userId || x.Shares.Any(s => s.UserId == userId)))
            || (lawyer && x.AssignedLawyerId == userId));
    }
}
