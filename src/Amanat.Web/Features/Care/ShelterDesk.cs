using Amanat.Core.Auditing;
using Amanat.Core.Care;
using Amanat.Core.Common;
using Amanat.Core.Data;
using Amanat.Core.Incidents;
using Amanat.Core.Security;
using Amanat.Core.Time;
using Amanat.Web.Auditing;
using Amanat.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Amanat.Web.Features.Care;

/// <summary>
/// Check-in and check-out: a stay is an open SHELTER service until she leaves, then it carries its nights.
/// Beds are counted from the open stays; a full shelter asks to confirm (nobody is turned away by software).
/// </summary>
internal sealed class ShelterDesk(AmanatDbContext db, AuditTrail audit, KeyVault vault, TimeProvider clock, DisplayTimeZone zone, IOptions<AmanatOptions> options)
{
    public ShelterOptions Settings => options.Value.Shelter;

    public DateOnly Today => DateOnly.FromDateTime(zone.ToLocal(clock.GetUtcNow().UtcDateTime).DateTime);

    public Task<List<ServiceRecord>> OpenStaysAsync() => db.ServiceRecords.AsNoTracking().OpenStays().OrderBy(s => s.GivenOn).ToListAsync();

    /// <summary>Her open stay, if she is in the shelter now.</summary>
    public Task<ServiceRecord?> StayOfAsync(Guid memberId) => db.ServiceRecords.OpenStays().ForMember(vault.Keys, memberId).FirstOrDefaultAsync();

    public async Task<IReadOnlyList<RuleError>> CheckInAsync(Guid memberId, DateOnly? arrivedOn, Guid? incidentId, bool despiteFull, Guid userId)
    {
        var on = arrivedOn ?? Today;
        var errors = new List<RuleError>();
        if (Settings.Beds <= 0)
        {
            errors.Add(new("Shelter", "Shelter.Error.NoShelter"));
        }

        if (on > Today)
        {
            errors.Add(new("ArrivedOn", "Rule.FutureDate"));
        }

        if (await StayOfAsync(memberId) is not null)
        {
            errors.Add(new("Shelter", "Shelter.Error.AlreadyIn"));
        }

        if (errors.Count == 0 && !despiteFull && await db.ServiceRecords.OpenStays().CountAsync() >= Settings.Beds)
        {
            errors.Add(new("DespiteFull", "Shelter.Error.Full"));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var stay = new ServiceRecord(incidentId, ServiceRecord.ShelterCode, on, userId, null, null, null, clock.GetUtcNow().UtcDateTime, memberId);
        await using var transaction = await audit.BeginAsync(actorId: userId);
        db.ServiceRecords.Add(stay);
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.ShelterCheckedIn, stay.Id);
        await transaction.CommitAsync();
        return [];
    }

    /// <summary>Ends an open stay; returns the message key of what was wrong, or null.</summary>
    public async Task<string?> CheckOutAsync(Guid stayId, DateOnly? leftOn, Guid userId)
    {
        var stay = await db.ServiceRecords.OpenStays().SingleOrDefaultAsync(s => s.Id == stayId);
        if (stay is null)
        {
            return "Shelter.Error.NotStaying";
        }

        var on = leftOn ?? Today;
        if (on > Today)
        {
            return "Rule.FutureDate";
        }

        try
        {
            stay.CheckOut(on);
        }
        catch (DomainException e)
        {
            return e.MessageKey;
        }

        await using var transaction = await audit.BeginAsync(actorId: userId);
        await db.SaveChangesAsync();
        transaction.Add(AuditEventType.ShelterCheckedOut, stay.Id, stay.Nights);
        await transaction.CommitAsync();
        return null;
    }
}
