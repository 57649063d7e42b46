using Amanat.Core.Alerts;
using Amanat.Core.Data;
using Amanat.Core.Staff;
using Amanat.Core.Vocabularies;
using Amanat.Web.Authentication;
using Amanat.Web.Features.Alerts;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Alerts;

/// <summary>All alerts by state: drafts to approve, approved to publish, live, expired and withdrawn.</summary>
[RequirePermission(Permission.WriteAlerts)]
internal sealed class AlertsModel(AmanatDbContext db, AlertDesk desk) : PageModel
{
    public IReadOnlyList<AlertRow> Alerts { get; private set; } = [];

    public VocabularyList Vocabulary { get; private set; } = new([]);

    public DateOnly Today => desk.Today;

    public async Task OnGetAsync()
    {
        // Coded columns only: the list decrypts nothing.
        Alerts = await db.Alerts.AsNoTracking().OrderByDescending(a => a.CreatedAtUtc).Take(200)
            .Select(a => new AlertRow(a.Id, a.Status, a.CategoryCode, a.Codes, a.CityCode, a.Year, a.Month, a.ExpiresOn, a.Reports)).ToListAsync();
        Vocabulary = new VocabularyList(await db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == VocabularyKind.City || v.Kind == VocabularyKind.Perpetrator).ToListAsync());
    }

    public string State(AlertRow row) =>
        row.Status == AlertStatus.Published && row.ExpiresOn < Today ? "Expired" : row.Status.ToString();
}

internal sealed record AlertRow(Guid Id, AlertStatus Status, string CategoryCode, string Codes, string CityCode, int Year, int? Month, DateOnly ExpiresOn, int Reports)
{
    public string When => Month is { } m ? $"{Year:D4}-{m:D2}" : Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
}
