using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Staff;
using Amanat.Core.Time;
using Amanat.Web.Auditing;
using Amanat.Web.Authentication;
using Amanat.Web.Localization;
using Amanat.Web.Resources;
using Amanat.Web.Features.Statistics;
using Microsoft.Extensions.Localization;

namespace Amanat.Web.Features.Statistics;

/// <summary>
/// The statistics dashboard (coordinators exact, analysts rounded): filters in the address (codes and
/// months only), key figures, and each breakdown as a chart with its table, with links to the same figures
/// as CSV, XLSX and a PDF report. Every view is audited.
/// </summary>
[RequirePermission(Permission.ViewStatistics)]
internal sealed class StatisticsModel(Dashboard dashboard, AmanatDbContext db, AuditTrail audit, TimeProvider clock, DisplayTimeZone zone, IStringLocalizer<SharedResource> localizer)
    : StatisticsPageModel(db, clock, zone, localizer)
{
    public DashboardView? View { get; private set; }

    public bool CanExport => Permissions.Allows(StaffClaims.Roles(User), Permission.ExportAggregates);

    public bool CanExportDataset => Permissions.Allows(StaffClaims.Roles(User), Permission.ExportDataset);

    public string ExportHref(string format) => Href("/staff/statistics/export", [new("Format", format)]);

    public async Task OnGetAsync()
    {
        if (await ReadFilterAsync() is not { } filter)
        {
            return;
        }

        var rounded = !StaffClaims.Roles(User).HasFlag(StaffRoles.Coordinator);
        View = await dashboard.BuildAsync(filter, rounded, Vocabulary, Languages.Current.Code, HttpContext.RequestAborted);
        await audit.RecordAsync(AuditEventType.StatisticsViewed, value: View.Refused ? 0 : 1);
    }
}
