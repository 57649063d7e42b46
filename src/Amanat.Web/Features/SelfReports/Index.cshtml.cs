using System.Globalization;
using Amanat.Core.Data;
using Amanat.Core.SelfReports;
using Amanat.Core.Staff;
using Amanat.Core.Time;
using Amanat.Web.Authentication;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.SelfReports;

/// <summary>The review queue: self-reports waiting, oldest first, then the latest dealt with. No content here.</summary>
[RequirePermission(Permission.ReviewSelfReports)]
internal sealed class ReportsModel(AmanatDbContext db, DisplayTimeZone zone) : PageModel
{
    public const int RecentDone = 30;

    public IReadOnlyList<SelfReport> Waiting { get; private set; } = [];

    public IReadOnlyList<SelfReport> Done { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Waiting = await db.SelfReports.AsNoTracking().Include(r => r.Contacts).Where(r => r.Status == SelfReportStatus.New).OrderBy(r => r.ReceivedAtUtc).ToListAsync();
        Done = await db.SelfReports.AsNoTracking().Where(r => r.Status != SelfReportStatus.New).OrderByDescending(r => r.ReceivedAtUtc).Take(RecentDone).ToListAsync();
    }

    public string Time(DateTime utc) => zone.ToLocal(utc).ToString("g", CultureInfo.CurrentCulture);
}
