using Amanat.Core.Care;
using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Members;
using Amanat.Core.Staff;
using Amanat.Core.Stay;
using Amanat.Core.Time;
using Amanat.Web.Features.Stay;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Amanat.Web.Features.Care;

/// <summary>One thing a case worker must act on: what (a message key), by when, and where to go. The label is shown only on the list page.</summary>
internal sealed record UpcomingTask(string KindKey, DateOnly? Due, string Path, string Label, bool Overdue);

/// <summary>
/// The "upcoming (14 days)" list of a case worker, within her scope: stay deadlines of her members
/// (registration, host notification, the stay limit), referrals to follow up, shelter stays gone long, and
/// incidents marked as needing follow-up (situation 6: a member at ongoing risk). The staff home shows only
/// the count, never a name.
/// </summary>
internal sealed class UpcomingTasks(AmanatDbContext db, StayRuleStore store, ReferralRecorder referrals, ShelterDesk shelter, TimeProvider clock, DisplayTimeZone zone, IOptions<Infrastructure.AmanatOptions> options)
{
    public const int Days = 14;

    /// <summary>The time now where the centre is.</summary>
    public DateTime Now => zone.ToLocal(clock.GetUtcNow().UtcDateTime).DateTime;

    public DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task<IReadOnlyList<UpcomingTask>> ForAsync(Guid userId, StaffRoles roles)
    {
        var (rules, _) = await store.CurrentAsync();
        var today = Today;
        var until = today.AddDays(Days);
        var tasks = new List<UpcomingTask>();
        var assigned = await MemberScope.AssignedMemberIdsAsync(db, userId, roles);
        var members = db.Members.AsNoTracking().VisibleTo(userId, roles, assigned);

        // Stay deadlines: only members with movements; the movements are decrypted and counted in memory.
        var withMovements = await members.Where(m => db.MovementRecords.Any(r => r.MemberId == m.Id)).ToListAsync();
        var ids = withMovements.Select(m => m.Id).ToList();
        var movements = (await db.MovementRecords.AsNoTracking().Where(r => ids.Contains(r.MemberId)).OrderBy(r => r.RecordedAtUtc).ThenBy(r => r.Id).ToListAsync())
            .GroupBy(r => r.MemberId).ToDictionary(g => g.Key, g => g.Select(r => r.Movement).OfType<Movement>().ToList());
        foreach (var member in withMovements)
        {
            var guidance = StayGuidance.For(movements.GetValueOrDefault(member.Id) ?? [], rules.For(member.NationalityCode), rules.WorkingDays, today);
            foreach (var (kind, date) in guidance.Deadlines().Where(d => d.Date <= until && d.Date >= today.AddDays(-Days)))
            {
                tasks.Add(new UpcomingTask(kind, date, $"/staff/members/{member.Id}/stay", member.WorkingName ?? string.Empty, date < today));
            }
        }

        if (Permissions.Allows(roles, Permission.FindMember))
        {
            var (open, names) = await referrals.OpenInScopeAsync(userId, roles);
            tasks.AddRange(open.Where(r => r.DueOn <= until).Select(r => new UpcomingTask("Tasks.Referral", r.DueOn, $"/staff/members/{r.MemberId}#referrals", names[r.MemberId!.Value], r.IsOverdue(today))));

            var stays = await shelter.OpenStaysAsync();
            var max = options.Value.Shelter.MaxStayNights;
            var stayMembers = stays.Select(s => s.MemberId).OfType<Guid>().ToList();
            var stayNames = await members.Where(m => stayMembers.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.WorkingName ?? string.Empty);
            tasks.AddRange(stays.Where(s => s.MemberId is { } m && stayNames.ContainsKey(m) && s.GivenOn.AddDays(max) <= until)
                .Select(s => new UpcomingTask("Tasks.LongStay", s.GivenOn.AddDays(max), $"/staff/members/{s.MemberId}#shelter", stayNames[s.MemberId!.Value], Shelter.IsOverLong(s, today, max))));
        }

        var incidents = await db.Incidents.AsNoTracking().VisibleTo(userId, roles).Where(i => i.Status == IncidentStatus.NeedsFollowUp)
            .OrderBy(i => i.OccurredOn).Select(i => new { i.Id, i.OccurredOn }).Take(200).ToListAsync();
        tasks.AddRange(incidents.Select(i => new UpcomingTask("Tasks.Incident", null, $"/staff/incidents/{i.Id}", i.OccurredOn.ToString("d", System.Globalization.CultureInfo.CurrentCulture), false)));

        return [.. tasks.OrderByDescending(t => t.Overdue).ThenBy(t => t.Due ?? DateOnly.MaxValue)];
    }
}
