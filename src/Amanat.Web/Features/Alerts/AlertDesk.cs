using Amanat.Core.Alerts;
using Amanat.Core.Auditing;
using Amanat.Core.Data;
using Amanat.Core.Identifiers;
using Amanat.Core.Incidents;
using Amanat.Core.Security;
using Amanat.Core.SelfReports;
using Amanat.Core.Staff;
using Amanat.Core.Time;
using Amanat.Core.Vocabularies;
using Amanat.Web.Auditing;
using Microsoft.EntityFrameworkCore;

namespace Amanat.Web.Features.Alerts;

/// <summary>An incident an alert may draw on, by its coded facts, and whether her ALERT consent allows it.</summary>
internal sealed record AlertSource(Guid Id, DateOnly OccurredOn, string? CityCode, IReadOnlyList<string> Violations, bool Consented);

/// <summary>
/// Writing, approving and withdrawing alerts (coordinators), each step audited; publishing is
/// <see cref="PublishAlert"/>. An alert draws only on incidents where someone affected said YES to ALERT;
/// its phones and plates get blind indexes for the number check.
/// </summary>
internal sealed class AlertDesk(AmanatDbContext db, KeyVault vault, AuditTrail audit, TimeProvider clock, DisplayTimeZone zone)
{
    public const string AlertScope = "ALERT";
    public const int SourceChoices = 100;

    public DateOnly Today => DateOnly.FromDateTime(zone.ToLocal(clock.GetUtcNow().UtcDateTime).DateTime);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Recent incidents with ALERT consent, plus any already chosen, for the form's list.</summary>
    public async Task<IReadOnlyList<AlertSource>> SourcesAsync(IEnumerable<Guid> chosen)
    {
        var ids = chosen.ToList();
        var consenting = db.Incidents.AsNoTracking().WithConsent(AlertScope).Select(c => c.Id);
        var rows = await db.Incidents.AsNoTracking()
            .Where(i => ids.Contains(i.Id) || consenting.Contains(i.Id))
            .OrderByDescending(i => i.OccurredOn).ThenByDescending(i => i.Id).Take(SourceChoices + ids.Count)
            .Select(i => new { i.Id, i.OccurredOn, i.CityCode, Violations = i.Violations.Select(v => v.Code).ToList(), Consented = consenting.Contains(i.Id) })
            .ToListAsync();
        return [.. rows.Select(r => new AlertSource(r.Id, r.OccurredOn, r.CityCode, r.Violations, r.Consented))];
    }

    /// <summary>A first draft from the chosen incidents: their category, codes, city, latest month, phones and plates.</summary>
    public async Task<AlertDraft> SuggestAsync(IReadOnlyList<Guid> incidentIds)
    {
        var incidents = await db.Incidents.AsNoTracking().Include(i => i.Perpetrators).Include(i => i.Violations)
            .Where(i => incidentIds.Contains(i.Id)).ToListAsync();
        var latest = incidents.OrderByDescending(i => i.OccurredOn).FirstOrDefault();
        return new AlertDraft
        {
            CategoryCode = incidents.SelectMany(i => i.Perpetrators).Select(p => p.CategoryCode).FirstOrDefault(),
            Codes = AlertCodes.Suggest(incidents.SelectMany(i => i.Violations).Select(v => v.Code)),
            CityCode = latest?.CityCode,
            Year = latest?.OccurredOn.Year,
            Month = latest?.OccurredOn.Month,
            Phones = [.. incidents.SelectMany(i => i.Perpetrators).SelectMany(p => PhoneNormaliser.Split(p.Phones)).Distinct(StringComparer.Ordinal)],
            Plates = [.. incidents.SelectMany(i => i.Perpetrators).Select(p => p.Plate).OfType<string>().Where(p => p.Trim().Length > 0).Distinct(StringComparer.Ordinal)],
            ExpiresOn = Today.AddMonths(6),
        };
    }

    /// <summary>Checks and saves a draft (new or edited); returns the problems, or none when saved.</summary>
    public async Task<IReadOnlyList<SelfReportProblem>> SaveDraftAsync(Alert alert, AlertDraft draft, IReadOnlyList<Guid> incidentIds, bool isNew)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(draft);
        var ids = incidentIds.Distinct().ToList();
        var consenting = await db.Incidents.WithConsent(AlertScope).CountAsync(i => ids.Contains(i.Id));
        var vocabulary = await db.VocabularyEntries.AsNoTracking().Where(v => v.Kind == VocabularyKind.City || v.Kind == VocabularyKind.Perpetrator).ToListAsync();
        bool IsKnown(string kind, string code) => vocabulary.Any(v => v.Code == code && !v.IsRetired && v.Kind == (kind == "city" ? VocabularyKind.City : VocabularyKind.Perpetrator));
        var latest = await db.Incidents.AsNoTracking().Where(i => ids.Contains(i.Id)).OrderByDescending(i => i.OccurredOn).Select(i => (DateOnly?)i.OccurredOn).FirstOrDefaultAsync();
        draft = draft.LastReportedBy(latest);
        var problems = AlertRules.Check(draft, consenting, ids.Count - consenting, IsKnown, Today);
        if (problems.Count > 0)
        {
            return problems;
        }

        alert.Apply(draft, ids);
        var keys = vault.Keys;
        var phone = new PhoneNormaliser();
        var plate = new PlateNormaliser();
        if (!isNew)
        {
            await db.AlertIdentifiers.Where(x => x.AlertId == alert.Id).ExecuteDeleteAsync();
            await db.AlertIncidents.Where(x => x.AlertId == alert.Id).ExecuteDeleteAsync();
        }

        alert.Identifiers.Clear();
        alert.Identifiers.AddRange(alert.PhoneList.Select(p => BlindIndex.Compute(keys, phone, p)).Concat(alert.PlateList.Select(p => BlindIndex.Compute(keys, plate, p)))
            .OfType<byte[]>().Select(index => new AlertIdentifier(alert.Id, index)));
        if (isNew)
        {
            db.Alerts.Add(alert);
        }
        else
        {
            db.AlertIncidents.AddRange(alert.Incidents);
            db.AlertIdentifiers.AddRange(alert.Identifiers);
        }

        await using var transaction = await audit.BeginAsync();
        await db.SaveChangesAsync();
        transaction.Add(isNew ? AuditEventType.AlertDrafted : AuditEventType.AlertEdited, alert.Id, alert.Reports);
        await transaction.CommitAsync();
        return [];
    }

    public Task<Alert?> FindAsync(Guid id) => db.Alerts.Include(a => a.Incidents).SingleOrDefaultAsync(a => a.Id == id);

    public async Task<int> ActiveCoordinatorsAsync() =>
        (await db.Users.AsNoTracking().Where(u => u.DisabledAtUtc == null).Select(u => u.Roles).ToListAsync()).Count(r => r.HasFlag(StaffRoles.Coordinator));

    public async Task ApproveAsync(Alert alert, Guid coordinatorId)
    {
        ArgumentNullException.ThrowIfNull(alert);
        alert.Approve(coordinatorId, await ActiveCoordinatorsAsync(), Now);
        await using var transaction = await audit.BeginAsync();
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.AlertApproved, alert.Id);
        await transaction.CommitAsync();
    }

    public async Task WithdrawAsync(Alert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        alert.Withdraw(Now);
        await using var transaction = await audit.BeginAsync();
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.AlertWithdrawn, alert.Id);
        await transaction.CommitAsync();
    }
}
