using Amanat.Core.Staff;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Core.Incidents;

/// <summary>
/// Which incidents a staff member may read and edit, exactly as the roles table says: coordinators all;
/// outreach workers those they created or that were shared with them; lawyers those assigned to them;
/// analysts and administrators none (they see statistics and settings, not stories).
/// </summary>
internal static class IncidentScope
{
    /// <summary>With everything a detail view or an edit needs: violations, perpetrators, people and their consent history.</summary>
    public static IQueryable<Incident> WithContent(this IQueryable<Incident> incidents) =>
        incidents.Include(x => x.Violations).Include(x => x.Perpetrators).Include(x => x.People).ThenInclude(p => p.Consents).AsSplitQuery();

    /// <summary>Incidents where someone affected currently says YES to the scope (her latest answer counts: a withdrawal takes effect).</summary>
    public static IQueryable<Incident> WithConsent(this IQueryable<Incident> incidents, string scope) =>
        incidents.Where(i => i.People.Any(p => p.Consents.Where(c => c.Scope == scope).OrderByDescending(c => c.RecordedAtUtc).ThenByDescending(c => c.Id)
            .Select(c => c.Value).FirstOrDefault() == ConsentValue.Yes));

    /// <summary>The filters of the list page and the API: period, city, violation, perpetrator category, status.</summary>
    public static IQueryable<Incident> Filtered(this IQueryable<Incident> incidents, IncidentFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = incidents;
        query = filter.From is { } from ? query.Where(x => x.OccurredOn >= from) : query;
        query = filter.To is { } to ? query.Where(x => x.OccurredOn <= to) : query;
        query = string.IsNullOrEmpty(filter.City) ? query : query.Where(x => x.CityCode == filter.City);
        query = string.IsNullOrEmpty(filter.Violation) ? query : query.Where(x => x.Violations.Any(v => v.Code == filter.Violation));
        query = string.IsNullOrEmpty(filter.Perpetrator) ? query : query.Where(x => x.Perpetrators.Any(p => p.CategoryCode == filter.Perpetrator));
        return filter.Status is { } status ? query.Where(x => x.Status == status) : query;
    }

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

public sealed record IncidentFilter(DateOnly? From, DateOnly? To, string? City, string? Violation, string? Perpetrator, IncidentStatus? Status);
