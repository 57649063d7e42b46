namespace Amanat.Core.Care;

/// <summary>
/// Shelter stays are services with the code SHELTER, one row per stay: open (no nights yet) while she stays,
/// closed with its nights at check-out. A stay recorded afterwards on an incident is the same kind of row, so
/// nights are counted once whichever way they were recorded.
/// </summary>
public static class Shelter
{
    public static IQueryable<ServiceRecord> OpenStays(this IQueryable<ServiceRecord> services) =>
        services.Where(s => s.Code == ServiceRecord.ShelterCode && s.EndedOn == null && s.Nights == null);

    /// <summary>Nights a stay has lasted by <paramref name="today"/>: its own count when closed, else since arrival.</summary>
    public static int NightsSoFar(ServiceRecord stay, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(stay);
        return stay.Nights ?? Math.Max(0, today.DayNumber - stay.GivenOn.DayNumber);
    }

    /// <summary>Shelter nights in a period, each stay counted once and only for its nights inside the period.</summary>
    public static int NightsIn(IEnumerable<ServiceRecord> services, DateOnly from, DateOnly to, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(services);
        var total = 0;
        foreach (var stay in services.Where(s => s.Code == ServiceRecord.ShelterCode).DistinctBy(s => s.Id))
        {
            var first = stay.GivenOn.DayNumber;
            var end = first + NightsSoFar(stay, today); // the morning after the last night
            total += Math.Max(0, Math.Min(end, to.DayNumber + 1) - Math.Max(first, from.DayNumber));
        }

        return total;
    }

    /// <summary>Whether a stay has gone beyond the configured length and needs a follow-up.</summary>
    public static bool IsOverLong(ServiceRecord stay, DateOnly today, int maxNights) => stay.IsOpenStay && NightsSoFar(stay, today) > maxNights;
}
