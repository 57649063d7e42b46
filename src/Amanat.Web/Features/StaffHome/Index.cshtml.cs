using System.Globalization;
using Amanat.Core.Data;
using Amanat.Core.Staff;
using Amanat.Core.Time;
using Amanat.Web.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.StaffHome;

/// <summary>The staff home: what this person's roles let her do, and what was done to her account.</summary>
internal sealed class StaffHomeModel(AmanatDbContext db, TimeProvider clock, DisplayTimeZone zone, Amanat.Web.Features.Care.UpcomingTasks upcoming, Amanat.Web.Features.SelfReports.SelfReportInbox inbox) : PageModel
{
    private static readonly StaffSection[] AllSections =
    [
        new("/staff/tasks", "StaffHome.Tasks", Permission.ReadRecords),
        new("/staff/reports", "StaffHome.Reports", Permission.ReviewSelfReports),
        new("/staff/alerts", "StaffHome.Alerts", Permission.WriteAlerts),
        new("/staff/access-codes", "StaffHome.AccessCodes", Permission.IssueAccessCodes),
        new("/staff/alerts/sheet", "StaffHome.AlertSheet", Permission.IssueAccessCodes),
        new("/staff/incidents/new", "StaffHome.NewIncident", Permission.CreateRecords),
        new("/staff/incidents", "StaffHome.Incidents", Permission.ReadRecords),
        new("/staff/members", "StaffHome.Members", Permission.FindMember),
        new("/staff/referrals", "StaffHome.Referrals", Permission.FindMember),
        new("/staff/shelter", "StaffHome.Shelter", Permission.FindMember),
        new("/staff/outreach", "StaffHome.Outreach", Permission.CreateRecords),
        new("/staff/directory", "StaffHome.Directory", Permission.SignedIn),
        new("/staff/handover", "StaffHome.Handover", Permission.AssignAndHandOver),
        new("/staff/vocabularies", "StaffHome.Vocabularies", Permission.ManageReferenceData),
        new("/staff/stay-rules", "StaffHome.StayRules", Permission.ManageReferenceData),
        new("/staff/admin/users", "StaffHome.Users", Permission.Administer),
        new("/staff/admin/keys", "StaffHome.Keys", Permission.Administer),
        new("/staff/admin/audit", "StaffHome.Audit", Permission.Administer),
        new("/staff/account", "StaffHome.Account", Permission.SignedIn),
        new("/staff/account/tokens", "StaffHome.Tokens", Permission.SignedIn),
    ];

    public IReadOnlyList<StaffNotice> Notices { get; private set; } = [];

    public IReadOnlyList<StaffRoles> Roles { get; private set; } = [];

    public IReadOnlyList<StaffSection> Sections { get; private set; } = [];

    /// <summary>How many things are due in the next 14 days: a count only — no name, no story, no identifier.</summary>
    public int? Due { get; private set; }

    /// <summary>Self-reports waiting for review (coordinators): a count only.</summary>
    public int? Waiting { get; private set; }

    public async Task OnGetAsync()
    {
        var held = User.Roles();
        Roles = [.. StaffRoleList.Split(held)];
        Sections = [.. AllSections.Where(s => Permissions.Allows(held, s.Permission))];

        var userId = User.UserId();
        var notices = await db.StaffNotices.Where(x => x.UserId == userId && x.SeenAtUtc == null).OrderBy(x => x.CreatedAtUtc).ToListAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        notices.ForEach(x => x.MarkSeen(now));
        await db.SaveChangesAsync();
        Notices = notices;
        if (Permissions.Allows(held, Permission.ReadRecords))
        {
            Due = (await upcoming.ForAsync(userId!.Value, held)).Count;
        }

        if (Permissions.Allows(held, Permission.ReviewSelfReports))
        {
            Waiting = await inbox.WaitingCountAsync();
        }
    }

    public string Time(DateTime utc) => zone.ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);
}

internal sealed record StaffSection(string Path, string TitleKey, Permission Permission);
